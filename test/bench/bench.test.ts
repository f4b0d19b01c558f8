import * as assert from "node:assert/strict";
import { mainPart, MainSummary } from "../../bench/mainPart";
import { MainMeasurements, MainPlan, mainPlan } from "../../bench/mainRun";
import { Report, runPart, summarizeRun } from "../../bench/report";
import { total } from "../../bench/stats";

const QUICK_PLAN = mainPlan(true);

const positive = (v: number, what: string) => assert.ok(Number.isFinite(v) && v > 0, `${what} = ${v}`);
const accepted = (calls: Record<string, { accepted: number }>, op: string) => calls[op]?.accepted ?? 0;

describe("the benchmark at quick size (npm run bench -- --quick)", function () {
  this.timeout(10 * 60 * 1000);
  let report: Report<MainPlan, MainMeasurements, MainSummary>;

  before(async () => {
    report = summarizeRun(mainPart, await runPart(mainPart, true, () => undefined));
  });

  it("times create, read and delete in-process, with one API call each on the SDK side", () => {
    const ops = report.measurements.overhead.operations;
    for (const [op, cost] of Object.entries(ops)) {
      positive(cost.providerMs, `${op} provider ms`);
      positive(cost.sdkMs, `${op} sdk ms`);
    }
    assert.deepEqual(ops.create.sdkCalls, { AssociateDataShareConsumer: 1 });
    assert.deepEqual(ops.read.sdkCalls, { DescribeDataShares: 1 });
    assert.deepEqual(ops.delete.sdkCalls, { DisassociateDataShareConsumer: 1 });
  });

  it("times DataShareAuthorization's create, read and delete in-process, one API call each on either side", () => {
    const ops = report.measurements.authorizationOverhead.operations;
    const expected = {
      create: { AuthorizeDataShare: 1 },
      read: { DescribeDataShares: 1 },
      delete: { DeauthorizeDataShare: 1 },
    };
    for (const [op, calls] of Object.entries(expected) as [keyof typeof expected, Record<string, number>][]) {
      positive(ops[op].providerMs, `authorization ${op} provider ms`);
      positive(ops[op].sdkMs, `authorization ${op} sdk ms`);
      assert.deepEqual(ops[op].providerCalls, calls, `authorization ${op}, provider side`);
      assert.deepEqual(ops[op].sdkCalls, calls, `authorization ${op}, SDK side`);
      assert.equal(ops[op].providerCallsPerOp, 1);
      assert.equal(ops[op].sdkCallsPerOp, 1);
    }
  });

  it("runs every engine scenario's kinds in user projects, with the provider's writes counted exactly", () => {
    const { latency, zeroLatency } = report.measurements.engine;
    const plan = QUICK_PLAN.engine;
    assert.equal(latency.length, plan.latency.sizes.length * plan.latency.kinds.length);
    assert.equal(zeroLatency.length, plan.zeroLatency.sizes.length * plan.zeroLatency.kinds.length);
    for (const run of [...latency, ...zeroLatency]) {
      for (const step of Object.values(run.steps)) {
        positive(step.ms, `${run.kind} ms`);
        assert.equal(step.exitCode, 0);
        assert.equal(step.failedOps, 0);
      }
      positive(run.stateBytes, "state bytes");
      positive(run.providerBytes ?? NaN, "provider bytes");
      if (run.kind === "DataShareConsumer") {
        assert.equal(accepted(run.steps.up!.calls, "AssociateDataShareConsumer"), run.n);
        assert.equal(accepted(run.steps.destroy!.calls, "DisassociateDataShareConsumer"), run.n);
        assert.equal(run.steps.up!.calls.DisassociateDataShareConsumer, undefined);
      } else {
        for (const step of Object.values(run.steps)) assert.deepEqual(step.calls, {});
      }
    }
  });

  it("makes the no-op floors wait the modelled latency, so they are no faster than it allows", () => {
    const floor = report.measurements.engine.latency.find((r) => r.kind === "no-op, same properties")!;
    const latencyMs = QUICK_PLAN.engine.latency.faults.latencyMs ?? 0;
    assert.ok(floor.steps.up!.ms > latencyMs, `${floor.steps.up!.ms} ms`);
  });

  it("counts every association and every rate-limited answer under the rate limit", () => {
    const [run] = report.measurements.engine.rateLimit;
    const scenario = {
      n: QUICK_PLAN.engine.rateLimit.sizes[0],
      dataShares: QUICK_PLAN.engine.rateLimit.dataShares,
    };
    const [up, destroy] = [run.steps.up!, run.steps.destroy!];
    assert.equal(accepted(up.calls, "AssociateDataShareConsumer"), scenario.n);
    assert.equal(accepted(destroy.calls, "DisassociateDataShareConsumer"), scenario.n);
    // The burst is smaller than N and the calls come faster than the rate: some are refused.
    assert.ok(total(up.calls, "rateLimited") + total(destroy.calls, "rateLimited") > 0);
    for (const r of report.summary.rateLimit) {
      positive(r.ms, `${r.step} ms`);
      assert.equal(r.rateLimited, total(r.calls, "rateLimited"));
    }
    // Reads of one datashare share its describe (in flight or a few seconds old): one per datashare.
    const describes = run.steps.refresh!.calls.DescribeDataShares;
    assert.equal(describes.accepted, scenario.dataShares, JSON.stringify(describes));
  });

  it("counts the faults injected at the default settings", () => {
    const [run] = report.measurements.engine.faults;
    const injected = Object.values(run.steps).reduce(
      (sum, s) => sum + total(s.calls, "throttled") + total(s.calls, "serverErrors"),
      0,
    );
    assert.equal(report.summary.faults.injected, injected);
  });

  it("sends a permanent failure's calls once each: an unknown datashare, an unknown access key", () => {
    const [badArn, badKey] = report.measurements.permanentFailures.cases;
    assert.deepEqual(badArn.calls, {
      GetCallerIdentity: 1,
      AssociateDataShareConsumer: 1,
      DescribeDataShares: 1,
    });
    assert.ok(
      Object.values(badKey.calls).every((n) => n === 1),
      JSON.stringify(badKey.calls),
    );
    for (const c of [badArn, badKey]) positive(c.ms, c.case);
  });

  it("prints a Markdown table naming the machine, with a PASS or MISS for every target", () => {
    assert.match(report.table, /Pulumi CLI \d+\.\d+\.\d+/);
    assert.match(report.table, /\| Measure \| DataShareConsumer \|/);
    for (const target of report.summary.targets) assert.ok(Number.isFinite(target.measured), target.name);
    const verdicts = report.table.match(/\| (PASS|MISS) \|/g) ?? [];
    assert.equal(verdicts.length, report.summary.targets.length);
  });

  it("prints DataShareAuthorization's in-process rows: time against the SDK floor, and API calls", () => {
    const reps = QUICK_PLAN.overhead.reps;
    for (const op of ["create", "read", "delete"]) {
      assert.match(
        report.table,
        new RegExp(`\\| authorization ${op}, in-process \\(median of ${reps}\\) \\|`),
      );
      assert.match(
        report.table,
        new RegExp(`\\| API calls per authorization ${op} \\(\\w+ 1\\) \\| 1 \\| 1 \\|`),
      );
    }
  });
});
