/**
 * `npm run bench`: what the DataShareConsumer provider costs against its floors, on the local
 * emulator. Prints a Markdown table and writes bench/results.json.
 *
 *   node -r ts-node/register/transpile-only bench/run.ts [--quick] [--out <file>]
 *
 * Needs `npm run build` first: the dynamic provider host loads the compiled provider (dist/).
 * Exit codes: 0 measured (targets may be missed; the table says so), 1 the run failed, 2 bad args.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { FULL_PLAN, QUICK_PLAN, runBench } from "./runBench";

function parseBenchArgs(argv: string[]): { quick: boolean; out: string } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { quick: { type: "boolean", default: false }, out: { type: "string" } },
  });
  return { quick: values.quick === true, out: values.out ?? path.join(__dirname, "results.json") };
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

async function main(): Promise<void> {
  let args: { quick: boolean; out: string };
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  requireBuiltProvider();
  const report = await runBench(args.quick ? QUICK_PLAN : FULL_PLAN, {
    quick: args.quick,
    log: (line) => console.error(line),
  });
  fs.writeFileSync(args.out, JSON.stringify(report, null, 2) + "\n");
  console.log(report.table);
  console.error(
    `\n${report.durationS.toFixed(0)} s; results written to ${path.relative(process.cwd(), args.out)}`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
