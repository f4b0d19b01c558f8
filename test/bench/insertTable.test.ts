import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { insertBlock, PLACES } from "../../bench/insertTable";
import { renderReadmeSummary, SummaryInput } from "../../bench/readmeSummary";
import type { BenchReport } from "../../bench/runBench";

const ROOT = path.join(__dirname, "..", "..");
const results = (): BenchReport =>
  JSON.parse(fs.readFileSync(path.join(ROOT, "bench", "results.json"), "utf8")) as BenchReport;

describe("putting a run's figures into the documents", () => {
  const doc = "intro\n<!-- bench:table:start -->\n\nold table\n\n<!-- bench:table:end -->\nafter\n";

  it("replaces what stands between the named markers, keeping the rest", () => {
    assert.equal(
      insertBlock(doc, "table", "| a |\n| - |\n| 1 |\n"),
      "intro\n<!-- bench:table:start -->\n\n| a |\n| - |\n| 1 |\n\n<!-- bench:table:end -->\nafter\n",
    );
  });

  it("refuses a document without the markers, with other markers, or with them out of order", () => {
    assert.throws(() => insertBlock("no markers", "table", "t"), /bench:table/);
    assert.throws(() => insertBlock(doc, "summary", "t"), /bench:summary/);
    assert.throws(
      () => insertBlock("<!-- bench:table:end --> <!-- bench:table:start -->", "table", "t"),
      /bench:table/,
    );
  });

  it("the full table goes to bench/README.md and the summary to README.md, whose markers are in place", () => {
    assert.deepEqual(
      PLACES.map((p) => `${p.file} ${p.marker}`),
      ["bench/README.md table", "README.md summary"],
    );
    for (const place of PLACES) {
      const text = fs.readFileSync(path.join(ROOT, place.file), "utf8");
      assert.doesNotThrow(() => insertBlock(text, place.marker, "x"), place.file);
    }
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    assert.ok(!readme.includes("<!-- bench:table:start -->"), "the full table is no longer in README.md");
  });

  it("README.md's summary is the one written from bench/results.json (edit results, then rerun the tool)", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    assert.equal(insertBlock(readme, "summary", renderReadmeSummary(results())), readme);
  });
});

describe("the README's benchmark summary", () => {
  it("states the 100 ms engine figures against the floor, the rate limit and faults, and the targets met", () => {
    const text = renderReadmeSummary(results());
    assert.match(text, /^Latest full run: 2026-11-25, 412 s on AMD EPYC, 2 cores, Node v20\.20\.2/);
    assert.match(text, /100 ms a call, N = 100 \(median of 2\): `up` 6\.55 s \(1\.00× the floor\)/);
    assert.match(text, /`refresh` made 4 `DescribeDataShares` calls, 0 rate-limited/);
    assert.match(text, /0 failed resources \(53 faults injected, 53 retried\)/);
    assert.match(
      text,
      /Targets met: 17 of 19; missed: create: provider \/ SDK time 1\.16× \(target ≤ 1\.10×\)/,
    );
  });

  it("follows the figures it is given: a run that met every target says so", () => {
    const run: SummaryInput = structuredClone(results());
    run.summary.targets = run.summary.targets.map((t) => ({ ...t, pass: true }));
    run.summary.latency = run.summary.latency.map((e) =>
      e.kind === "DataShareConsumer" ? { ...e, ms: { ...e.ms, up: 13_100 } } : e,
    );
    const text = renderReadmeSummary(run);
    assert.match(text, /Targets met: 19 of 19\.$/);
    assert.match(text, /`up` 13\.10 s \(2\.00× the floor\)/);
  });
});
