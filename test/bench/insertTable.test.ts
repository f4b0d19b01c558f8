import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { insertBlock, PLACES } from "../../bench/insertTable";
import { renderReadmeSummary, SummaryInput } from "../../bench/readmeSummary";
import type { BenchReport } from "../../bench/runBench";
import { renderScaleReadmeSummary } from "../../bench/scaleReadmeSummary";
import type { ScaleReport } from "../../bench/scaleScenario";

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

  it("the full table goes to bench/README.md and the summary to docs/performance.md, whose markers are in place", () => {
    assert.deepEqual(
      PLACES.map((p) => `${p.file} ${p.marker}`),
      ["bench/README.md table", "docs/performance.md summary"],
    );
    for (const place of PLACES) {
      const text = fs.readFileSync(path.join(ROOT, place.file), "utf8");
      assert.doesNotThrow(() => insertBlock(text, place.marker, "x"), place.file);
    }
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    assert.ok(!readme.includes("<!-- bench:"), "no benchmark figures in README.md");
  });

  it("docs/performance.md's summary is the one written from bench/results.json (edit results, then rerun the tool)", () => {
    const readme = fs.readFileSync(path.join(ROOT, "docs/performance.md"), "utf8");
    const summary = PLACES.find((p) => p.file === "docs/performance.md")!;
    assert.equal(insertBlock(readme, "summary", summary.render(results())), readme);
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

describe("the README's scale summary", () => {
  const scale = (): ScaleReport => {
    const report = results() as BenchReport & { scale?: ScaleReport };
    assert.ok(report.scale, "bench/results.json holds a scale run");
    return report.scale;
  };

  it("states each step against the floor, the rate limit, the growth with and without checkpoints, and the misses", () => {
    const r = scale();
    const text = renderScaleReadmeSummary(r);
    const up = r.summary.comparisons.find((c) => c.step === "up")!;
    assert.ok(
      text.includes(`\`up\` ${(up.oursMs / 1000).toFixed(2)} s (${up.adjustedRatio.toFixed(2)}×)`),
      text,
    );
    assert.match(
      text,
      /Rate limit 10 calls\/s \(burst 20\): 0 failures; `up` \d+\.\d\d\/s \(\d\.\d\d× the limit;/,
    );
    assert.match(text, /with `PULUMI_SKIP_CHECKPOINTS=true` `up` /);
    const missed = r.summary.targets.filter((t) => !t.pass).length;
    assert.match(
      text,
      new RegExp(`Scale targets met: ${r.summary.targets.length - missed} of ${r.summary.targets.length}`),
    );
  });

  it("follows the figures it is given: every target met, no run without checkpoints", () => {
    const r = structuredClone(scale());
    r.summary.targets = r.summary.targets.map((t) => ({ ...t, pass: true }));
    delete r.summary.checkpointsSkipped;
    delete r.summary.rateLimitedCheckpointsSkipped;
    r.summary.comparisons = r.summary.comparisons.map((c) =>
      c.step === "up" ? { ...c, adjustedRatio: 1.5 } : c,
    );
    const text = renderScaleReadmeSummary(r);
    assert.match(text, /Scale targets met: 13 of 13\.$/);
    assert.match(text, /`up` [\d.]+ s \(1\.50×\)/);
    assert.doesNotMatch(text, /PULUMI_SKIP_CHECKPOINTS/);
  });
});
