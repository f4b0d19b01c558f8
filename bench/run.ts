/** `npm run bench` and `--docs`: usage and exit codes in bench/README.md. */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { distStaleness } from "../harness/distFreshness";
import { replaceBlock } from "../harness/markedBlock";
import { mainPart } from "./mainPart";
import { pluginPart } from "./pluginPart";
import { AnyPart, AnyReport, runPart, summarizeRun } from "./report";
import { scalePart } from "./scalePart";
import { sqlPart } from "./sqlPart";

const ROOT = path.join(__dirname, "..");
export const PARTS: Record<PartName, AnyPart> = {
  main: mainPart,
  scale: scalePart,
  plugin: pluginPart,
  sql: sqlPart,
};
type PartName = "main" | "scale" | "plugin" | "sql";
const PART_NAMES = Object.keys(PARTS) as PartName[];
/** bench/results.json: the latest report of each part that has run. */
export type Results = Partial<Record<PartName, AnyReport>>;

export function parseBenchArgs(argv: string[]) {
  const options = {
    quick: { type: "boolean", default: false },
    docs: { type: "boolean", default: false },
    out: { type: "string", default: path.join(__dirname, "results.json") },
    only: { type: "string" },
  } as const;
  const { values } = parseArgs({ args: argv, strict: true, options });
  const only = values.only as PartName | undefined;
  if (only !== undefined && !PART_NAMES.includes(only))
    throw new Error(`--only must be one of ${PART_NAMES.join(", ")}, not ${JSON.stringify(only)}`);
  return { ...values, parts: only === undefined ? (["main", "scale", "sql"] as PartName[]) : [only] };
}

const briefs = (r: Results, names: PartName[]) =>
  names.flatMap((name) => (r[name] ? [PARTS[name].brief(r[name])] : [])).join("\n\n");

/** Where each block goes: file and marker name. */
const tables = (r: Results) => PART_NAMES.flatMap((n) => r[n]?.table ?? []).join("\n\n");
export const PLACES = [
  { file: "bench/README.md", marker: "table", render: tables },
  {
    file: "docs/performance.md",
    marker: "summary",
    render: (r: Results) => briefs(r, ["main", "scale", "sql"]),
  },
  { file: "docs/plugin.md", marker: "plugin", render: (r: Results) => briefs(r, ["plugin"]) },
];

/** Replaces what stands between `<!-- bench:<marker>:start -->` and `<!-- bench:<marker>:end -->`. */
export const insertBlock = (document: string, marker: string, content: string): string =>
  replaceBlock(document, { name: `bench:${marker}`, content });

/** Every report of the results summarized again by the current code. */
export const currentResults = (r: Results): Results =>
  Object.fromEntries(PART_NAMES.flatMap((n) => (r[n] ? [[n, summarizeRun(PARTS[n], r[n])]] : [])));

async function main(): Promise<void> {
  let args: ReturnType<typeof parseBenchArgs>;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const read = (): Results => (fs.existsSync(args.out) ? JSON.parse(fs.readFileSync(args.out, "utf8")) : {});
  const write = (r: Results) => fs.writeFileSync(args.out, JSON.stringify(r, null, 2) + "\n");
  const results = read();
  if (args.docs) {
    const current = currentResults(results);
    if (Object.values(current).some((r) => r.quick))
      throw new Error("a --quick run's figures do not go into the documents");
    write(current);
    for (const { file, marker, render } of PLACES) {
      const document = fs.readFileSync(path.join(ROOT, file), "utf8");
      fs.writeFileSync(path.join(ROOT, file), insertBlock(document, marker, render(current)));
    }
    return;
  }
  const stale = distStaleness(ROOT);
  if (stale !== undefined) throw new Error(`${stale}: run \`npm run build\` first`);
  const started = Date.now();
  for (const name of args.parts) {
    const run = await runPart(PARTS[name], args.quick, (line) => console.error(line));
    write({ ...results, [name]: run });
    results[name] = summarizeRun(PARTS[name], run);
    write(results);
    console.log(results[name]?.table + "\n");
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.error(`${seconds} s; results written to ${path.relative(process.cwd(), args.out)}`);
}

if (require.main === module)
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  });
