/**
 * Puts a benchmark run (bench/results.json, or --from <file>) into the documents: its full table
 * into bench/README.md between the `bench:table` markers, and its short summary into
 * docs/performance.md between the `bench:summary` markers, so that both show the run's figures as printed. Run
 * Prettier afterwards (it aligns the table).
 *
 *   node -r ts-node/register/transpile-only bench/insertTable.ts [--from bench/results.json]
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { renderReadmeSummary } from "./readmeSummary";
import { renderScaleReadmeSummary } from "./scaleReadmeSummary";
import type { BenchReport } from "./runBench";
import type { ScaleReport } from "./scaleScenario";

/** bench/results.json: the main part's report (absent when only scale has run) and the scale part. */
type Results = BenchReport & { scale?: ScaleReport };

const ROOT = path.join(__dirname, "..");

/** Where each block goes: file and marker name. */
export const PLACES = [
  {
    file: "bench/README.md",
    marker: "table",
    render: (r: Results) => [r.table, r.scale?.table].filter((t) => t !== undefined).join("\n\n"),
  },
  {
    file: "docs/performance.md",
    marker: "summary",
    render: (r: Results) =>
      [renderReadmeSummary(r), ...(r.scale ? [renderScaleReadmeSummary(r.scale)] : [])].join("\n\n"),
  },
] as const;

/** Replaces what stands between `<!-- bench:<marker>:start -->` and `<!-- bench:<marker>:end -->`. */
export function insertBlock(document: string, marker: string, content: string): string {
  const start = `<!-- bench:${marker}:start -->`;
  const end = `<!-- bench:${marker}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) throw new Error(`no ${start} … ${end} block`);
  return `${document.slice(0, from + start.length)}\n\n${content.trim()}\n\n${document.slice(to)}`;
}

function main(): void {
  const { values } = parseArgs({ options: { from: { type: "string", default: "bench/results.json" } } });
  const report = JSON.parse(fs.readFileSync(path.resolve(ROOT, values.from ?? ""), "utf8")) as Results;
  if (report.quick || report.scale?.quick)
    throw new Error("a --quick run's figures do not go into the documents");
  for (const place of PLACES) {
    const full = path.join(ROOT, place.file);
    fs.writeFileSync(full, insertBlock(fs.readFileSync(full, "utf8"), place.marker, place.render(report)));
    console.log(`bench:${place.marker} written into ${place.file}`);
  }
}

if (require.main === module) main();
