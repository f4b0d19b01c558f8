import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import type { TargetCheck } from "../../bench/format";
import { mainPart } from "../../bench/mainPart";
import { currentResults, insertBlock, PLACES, Results } from "../../bench/run";
import { scalePart } from "../../bench/scalePart";

const ROOT = path.join(__dirname, "..", "..");
const results = (): Results =>
  currentResults(JSON.parse(fs.readFileSync(path.join(ROOT, "bench", "results.json"), "utf8")) as Results);
/** Prettier aligns the tables of a document: compare them without the padding. */
const unpadded = (text: string) =>
  text
    .split("\n")
    .map((line) => (line.startsWith("|") ? line.replace(/\s+/g, " ").replace(/-{3,}/g, "---") : line))
    .join("\n");

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

  it("the tables go to bench/README.md, the summaries to docs/performance.md and docs/plugin.md, whose markers are in place", () => {
    assert.deepEqual(
      PLACES.map((p) => `${p.file} ${p.marker}`),
      ["bench/README.md table", "docs/performance.md summary", "docs/plugin.md plugin"],
    );
    for (const place of PLACES) {
      const text = fs.readFileSync(path.join(ROOT, place.file), "utf8");
      assert.doesNotThrow(() => insertBlock(text, place.marker, "x"), place.file);
    }
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    assert.ok(
      !readme.includes("<!-- bench:"),
      "README.md carries no benchmark block: docs/performance.md does",
    );
  });

  it("every document shows what bench/results.json gives the current code (edit results, then `--docs`)", () => {
    const current = results();
    for (const place of PLACES) {
      const text = unpadded(fs.readFileSync(path.join(ROOT, place.file), "utf8"));
      assert.equal(unpadded(insertBlock(text, place.marker, place.render(current))), text, place.file);
    }
  });
});

describe("the benchmark summary (docs/performance.md)", () => {
  it("states the engine figures at the modelled latency against the floor, the rate limit and faults, the targets met", () => {
    const r = results().main!;
    const text = mainPart.brief(r);
    const { machine, plan, summary } = r;
    assert.ok(
      text.startsWith(
        `Latest full run: ${r.date.slice(0, 10)}, ${Math.round(r.durationS)} s on ${machine.cpu}`,
      ),
    );
    assert.match(
      text,
      new RegExp(
        `${plan.engine.latency.faults.latencyMs} ms a call, N = 100 \\(median of 2\\): \`up\` [\\d.]+ s \\([\\d.]+× the floor\\)`,
      ),
    );
    assert.match(text, /`refresh` made \d+ `DescribeDataShares` calls, \d+ rate-limited/);
    assert.match(
      text,
      new RegExp(
        `${summary.faults.failedOps} failed resources \\(${summary.faults.injected} faults injected`,
      ),
    );
    const missed = summary.targets.filter((t: TargetCheck) => !t.pass).length;
    assert.match(
      text,
      new RegExp(`Targets met: ${summary.targets.length - missed} of ${summary.targets.length}[.;]`),
    );
    assert.equal(summary.targets.length, 19);
  });

  it("follows the figures it is given: a run that met every target says so", () => {
    const run = structuredClone(results().main!);
    run.summary.targets = run.summary.targets.map((t: TargetCheck) => ({ ...t, pass: true }));
    const n = run.plan.engine.latency.sizes[0];
    const floor = run.summary.latency.find((e: { kind: string }) => e.kind === "no-op, same properties")!;
    const ours = run.summary.latency.find(
      (e: { kind: string; n: number }) => e.kind === "DataShareConsumer" && e.n === n,
    )!;
    ours.ms.up = 2 * floor.ms.up;
    const text = mainPart.brief(run);
    assert.match(text, /Targets met: 19 of 19\.$/);
    assert.match(text, new RegExp(`\`up\` ${(ours.ms.up / 1000).toFixed(2)} s \\(2\\.00× the floor\\)`));
  });
});

describe("the scale summary (docs/performance.md)", () => {
  const scale = () => {
    const report = results().scale;
    assert.ok(report, "bench/results.json holds a scale run");
    return report;
  };

  it("states each step against the floor, the rate limit, the growth with and without checkpoints, and the misses", () => {
    const r = scale();
    const text = scalePart.brief(r);
    const up = r.summary.comparisons.find((c: { step: string }) => c.step === "up")!;
    assert.ok(
      text.includes(`\`up\` ${(up.oursMs / 1000).toFixed(2)} s (${up.adjustedRatio.toFixed(2)}×)`),
      text,
    );
    assert.match(
      text,
      /Rate limit 10 calls\/s \(burst 20\): 0 failures; `up` \d+\.\d\d\/s \(\d\.\d\d× the limit;/,
    );
    assert.match(text, /with `PULUMI_SKIP_CHECKPOINTS=true` `up` /);
    const missed = r.summary.targets.filter((t: TargetCheck) => !t.pass).length;
    assert.match(
      text,
      new RegExp(`Scale targets met: ${r.summary.targets.length - missed} of ${r.summary.targets.length}`),
    );
  });

  it("follows the figures it is given: every target met", () => {
    const r = structuredClone(scale());
    r.summary.targets = r.summary.targets.map((t: TargetCheck) => ({ ...t, pass: true }));
    r.summary.comparisons = r.summary.comparisons.map((c: { step: string }) =>
      c.step === "up" ? { ...c, adjustedRatio: 1.5 } : c,
    );
    const text = scalePart.brief(r);
    assert.match(text, /Scale targets met: 13 of 13\./);
    assert.match(text, /`up` [\d.]+ s \(1\.50×\)/);
  });
});
