/**
 * `npm run bench`: what the DataShareConsumer provider costs against its floors, on the local
 * emulator. Prints Markdown tables and writes bench/results.json.
 *
 *   node -r ts-node/register/transpile-only bench/run.ts [--quick] [--only main|scale] [--out <file>]
 *
 * `--only` runs one part (main: every scenario but scale; scale: N = 1,000, bench/scaleScenario.ts)
 * and keeps the other part of the results file as it was.
 * Needs `npm run build` first: the dynamic provider host loads the compiled provider (dist/).
 * Exit codes: 0 measured (targets may be missed; the table says so), 1 the run failed, 2 bad args.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { BenchReport, FULL_PLAN, QUICK_PLAN, runBench } from "./runBench";
import { FULL_SCALE, QUICK_SCALE, runScale, ScaleReport } from "./scaleScenario";

const PARTS = ["main", "scale"] as const;
type Part = (typeof PARTS)[number];

/** The results file: the main part's report (absent when only scale has run) and the scale part. */
type Results = Partial<BenchReport> & { scale?: ScaleReport };

interface BenchArgs {
  quick: boolean;
  out: string;
  parts: Part[];
}

export function parseBenchArgs(argv: string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      quick: { type: "boolean", default: false },
      out: { type: "string" },
      only: { type: "string" },
    },
  });
  if (values.only !== undefined && !PARTS.includes(values.only as Part))
    throw new Error(`--only must be one of ${PARTS.join(", ")}, not ${JSON.stringify(values.only)}`);
  return {
    quick: values.quick === true,
    out: values.out ?? path.join(__dirname, "results.json"),
    parts: values.only === undefined ? [...PARTS] : [values.only as Part],
  };
}

function requireBuiltProvider(): void {
  const built = path.join(__dirname, "..", "dist", "provider", "index.js");
  if (!fs.existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`);
  const source = path.join(__dirname, "..", "provider");
  const newestSource = Math.max(
    ...fs.readdirSync(source).map((f) => fs.statSync(path.join(source, f)).mtimeMs),
  );
  if (fs.statSync(built).mtimeMs < newestSource) {
    console.error("warning: dist/provider is older than provider/; the engine figures use the compiled code");
  }
}

/** The results file as it is, for the part not run now (empty when there is none). */
function previousResults(file: string): Results {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Results) : {};
}

async function main(): Promise<void> {
  let args: BenchArgs;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  requireBuiltProvider();
  const log = (line: string) => console.error(line);
  const started = Date.now();
  let results: Results = args.parts.length === PARTS.length ? {} : previousResults(args.out);
  if (args.parts.includes("main")) {
    results = {
      ...(await runBench(args.quick ? QUICK_PLAN : FULL_PLAN, { quick: args.quick, log })),
      scale: results.scale,
    };
  }
  if (args.parts.includes("scale")) {
    results = {
      ...results,
      scale: await runScale(args.quick ? QUICK_SCALE : FULL_SCALE, { quick: args.quick, log }),
    };
  }
  fs.writeFileSync(args.out, JSON.stringify(results, null, 2) + "\n");
  for (const table of [results.table, results.scale?.table])
    if (table !== undefined) console.log(table + "\n");
  console.error(
    `${((Date.now() - started) / 1000).toFixed(0)} s; results written to ${path.relative(process.cwd(), args.out)}`,
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  });
}
