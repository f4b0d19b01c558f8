import * as assert from "node:assert/strict";
import { Report, runPart, summarizeRun } from "../../bench/report";
import { sqlPart, SqlSummary, stepCalls } from "../../bench/sqlPart";
import { CHAIN, SQL_OPERATIONS, SqlMeasurements, SqlPlan } from "../../bench/sqlRun";

describe("the SQL part at quick size (npm run bench -- --quick --only sql)", function () {
  this.timeout(10 * 60 * 1000);
  let report: Report<SqlPlan, SqlMeasurements, SqlSummary>;

  before(async () => {
    report = summarizeRun(sqlPart, await runPart(sqlPart, true, () => undefined));
  });

  it("records statements for every operation of every resource, and the floor sends as many in-process", () => {
    const { provider, floor } = report.measurements.inProcess;
    for (const r of CHAIN)
      for (const op of SQL_OPERATIONS) {
        const waves = report.measurements.recorded[r].waves[op];
        assert.ok(waves.flat().length > 0, `${r} ${op} sent no statement`);
        for (const [ours, theirs] of provider.map((c, i) => [c[r][op], floor[i][r][op]])) {
          assert.equal(theirs.statements, ours.statements, `${r} ${op}`);
          assert.ok(ours.polls >= ours.statements && theirs.polls >= theirs.statements);
          assert.equal(ours.lagsMs.length, ours.statements);
        }
      }
  });

  it("runs both stacks through up, refresh and destroy, the floor's steps sending the provider's statements", () => {
    const runs = report.measurements.engine;
    assert.deepEqual(runs.map((r) => r.kind).sort(), ["SQL floor", "SQL resources"]);
    for (const run of runs)
      for (const step of Object.values(run.steps)) {
        assert.equal(step.exitCode, 0, `${run.kind}`);
        assert.equal(step.failedOps, 0, `${run.kind}`);
      }
    const [ours, floor] = ["SQL resources", "SQL floor"].map((k) => runs.find((r) => r.kind === k)!);
    for (const step of ["up", "refresh", "destroy"] as const)
      assert.equal(
        stepCalls(floor.steps[step]!.calls).statements,
        stepCalls(ours.steps[step]!.calls).statements,
        step,
      );
  });

  it("prints the engine rows with a target each and the polling rows", () => {
    assert.equal(report.summary.targets.length, 3);
    assert.match(report.table, /DescribeStatement polls per statement/);
    assert.match(report.table, /QUICK run/);
  });
});
