import * as assert from "node:assert/strict";
import { BenchReport, QUICK_PLAN, runBench } from "../../bench/runBench";
import { marginal, median } from "../../bench/stats";

const positive = (v: number, what: string) => assert.ok(Number.isFinite(v) && v > 0, `${what} = ${v}`);

describe("benchmark helpers", () => {
  it("take the median of odd and even samples", () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it("compute the per-resource marginal cost between two sizes", () => {
    assert.equal(marginal({ n: 1, ms: 1000 }, { n: 101, ms: 3000 }), 20);
  });
});

describe("the benchmark at quick size (npm run bench -- --quick)", function () {
  this.timeout(10 * 60 * 1000);
  let report: BenchReport;

  before(async () => {
    report = await runBench(QUICK_PLAN, { quick: true });
  });

  it("times create, read and delete on both sides with finite positive medians", () => {
    for (const [op, cost] of Object.entries(report.measurements.overhead.operations)) {
      positive(cost.providerMs, `${op} provider ms`);
      positive(cost.sdkMs, `${op} sdk ms`);
      positive(cost.ratio, `${op} ratio`);
    }
  });

  it("counts exactly one API call per create, read and delete on the SDK side", () => {
    const ops = report.measurements.overhead.operations;
    assert.deepEqual(ops.create.sdkCalls, { AssociateDataShareConsumer: 1 });
    assert.deepEqual(ops.read.sdkCalls, { DescribeDataShares: 1 });
    assert.deepEqual(ops.delete.sdkCalls, { DisassociateDataShareConsumer: 1 });
    for (const cost of Object.values(ops))
      assert.ok(Number.isInteger(cost.providerCallsPerOp * report.plan.overhead.reps));
  });

  it("runs up, refresh and destroy of every size and kind, with the provider's API calls counted", () => {
    const { engine } = report.measurements;
    assert.equal(engine.length, QUICK_PLAN.engine.sizes.length * 2);
    for (const run of engine) {
      positive(run.upMs, "up ms");
      positive(run.refreshMs, "refresh ms");
      positive(run.destroyMs, "destroy ms");
      positive(run.stateBytes, "state bytes");
      positive(run.providerBytes, "provider bytes");
      if (run.kind === "no-op") {
        assert.deepEqual(run.upCalls, {});
      } else {
        assert.equal(run.upCalls.AssociateDataShareConsumer, run.n);
        assert.equal(run.destroyCalls.DisassociateDataShareConsumer, run.n);
      }
    }
  });

  // Reads of one datashare that overlap share a call, so a refresh makes between one call per
  // datashare and one per resource, depending on how the engine schedules the reads.
  it("counts between one DescribeDataShares per datashare and one per resource during refresh", () => {
    for (const budget of report.measurements.refreshBudget) {
      assert.ok(Number.isInteger(budget.describeDataShares));
      assert.ok(budget.describeDataShares >= budget.dataShares, `${budget.describeDataShares} calls`);
      assert.ok(budget.describeDataShares <= budget.n, `${budget.describeDataShares} calls`);
    }
  });

  it("times the provider host's first and later Creates", () => {
    for (const c of report.measurements.coldStart) {
      positive(c.hostStartMs, `${c.kind} host start`);
      positive(c.firstCreateMs, `${c.kind} first create`);
      positive(c.laterCreateMs, `${c.kind} later create`);
    }
  });

  it("prints a Markdown table naming the machine, with a PASS or MISS for every target", () => {
    assert.match(report.table, /Pulumi CLI \d+\.\d+\.\d+/);
    assert.match(report.table, /\| Measure \| DataShareConsumer \|/);
    for (const target of report.summary.targets) assert.ok(Number.isFinite(target.measured), target.name);
    const verdicts = report.table.match(/\| (PASS|MISS) \|/g) ?? [];
    assert.equal(verdicts.length, report.summary.targets.length);
  });
});
