/**
 * Puts the table of a benchmark run (bench/results.json, or --from <file>) into README.md and
 * bench/README.md, between the `bench:table` markers, so that the documents show a run's figures
 * as printed. Run Prettier afterwards (it aligns the table).
 *
 *   node -r ts-node/register/transpile-only bench/insertTable.ts [--from bench/results.json]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";

const ROOT = path.join(__dirname, "..");
const START = "<!-- bench:table:start -->";
const END = "<!-- bench:table:end -->";

export function insertTable(document: string, table: string): string {
  const start = document.indexOf(START);
  const end = document.indexOf(END);
  if (start < 0 || end < start) throw new Error(`no ${START} … ${END} block`);
  return `${document.slice(0, start + START.length)}\n\n${table.trim()}\n\n${document.slice(end)}`;
}

function main(): void {
  const { values } = parseArgs({ options: { from: { type: "string", default: "bench/results.json" } } });
  const report = JSON.parse(fs.readFileSync(path.resolve(ROOT, values.from ?? ""), "utf8")) as {
    table?: string;
    quick?: boolean;
    scale?: { table: string; quick: boolean };
  };
  if (report.quick || report.scale?.quick)
    throw new Error("a --quick run's table does not go into the documents");
  const table = [report.table, report.scale?.table].filter((t) => t !== undefined).join("\n\n");
  for (const file of ["README.md", "bench/README.md"]) {
    const full = path.join(ROOT, file);
    fs.writeFileSync(full, insertTable(fs.readFileSync(full, "utf8"), table));
    console.log(`table written into ${file}`);
  }
}

if (require.main === module) main();
