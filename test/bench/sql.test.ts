import * as assert from "node:assert/strict";
import type { OperationCounts } from "../../emulator";
import { markdownTable } from "../../bench/format";
import { pollingOf, sqlPart, stepCalls, summarizeSql } from "../../bench/sqlPart";
import { CHAIN, OpSample, SQL_OPERATIONS, SqlMeasurements, sqlPlan } from "../../bench/sqlRun";
import { lagsOf, pollsOf, RecordedStatement, TimedEvent, toWaves } from "../../bench/sqlStatements";
import type { StackRun, StepResult } from "../../bench/stack";

const target = { ClusterIdentifier: "c", Database: "dev" };
const statement = (id: string, createdMs: number, endedMs: number): RecordedStatement => ({
  id,
  target,
  sql: `SELECT ${id}`,
  createdMs,
  endedMs,
});
const ev = (atMs: number, kind: string, statementId: string, status?: string): TimedEvent => ({
  atMs,
  event: { kind, statementId, ...(status ? { status } : {}) },
});
const counts = (accepted: number): OperationCounts => ({
  received: accepted,
  accepted,
  rateLimited: 0,
  throttled: 0,
  serverErrors: 0,
});

describe("the SQL part's statements and polls", () => {
  it("replays statements that overlapped side by side, and one sent after another's end after it", () => {
    // b starts before a ends (Promise.all); c after both; d alone.
    const waves = toWaves([
      statement("c", 500, 800),
      statement("a", 0, 300),
      statement("b", 5, 420),
      statement("d", 900, 950),
    ]);
    assert.deepEqual(
      waves.map((w) => w.map((s) => s.sql)),
      [["SELECT a", "SELECT b"], ["SELECT c"], ["SELECT d"]],
    );
    assert.deepEqual(waves[0][0].target, target);
  });

  it("counts polls per statement and measures from its end to the first poll that saw it end", () => {
    const events = [
      ev(0, "submitted", "a"),
      ev(1, "polled", "a", "SUBMITTED"),
      ev(60, "polled", "a", "STARTED"),
      ev(340, "polled", "a", "FINISHED"),
      ev(341, "submitted", "b"),
      ev(342, "polled", "b", "FAILED"),
    ];
    const polls = pollsOf(events);
    assert.deepEqual(polls.get("a"), { polls: 3, seenMs: 340 });
    assert.deepEqual(polls.get("b"), { polls: 1, seenMs: 342 });
    assert.deepEqual(lagsOf(events, [statement("a", 0, 300), statement("b", 341, 342)]), [40, 0]);
  });

  it("splits a step's Data API calls into statements, polls and results, and names the other calls", () => {
    const c = stepCalls({
      ExecuteStatement: counts(4),
      BatchExecuteStatement: counts(1),
      DescribeStatement: counts(20),
      GetStatementResult: counts(3),
      GetCallerIdentity: counts(1),
    });
    assert.deepEqual(c, { statements: 5, polls: 20, results: 3, other: { GetCallerIdentity: 1 } });
  });

  it("sums polls over statements and takes the median, mean and longest lag", () => {
    const sample = (statements: number, polls: number, lagsMs: number[]): OpSample => ({
      ms: 1,
      statements,
      polls,
      lagsMs,
    });
    const p = pollingOf([sample(2, 8, [10, 30]), sample(1, 2, [50])]);
    assert.deepEqual(p, {
      statements: 3,
      pollsPerStatement: 10 / 3,
      lagMedianMs: 30,
      lagMeanMs: 30,
      lagMaxMs: 50,
    });
  });
});

describe("the SQL part's figures", () => {
  const plan = sqlPlan(false);
  const op = (ms: number): OpSample => ({ ms, statements: 2, polls: 6, lagsMs: [40, 60] });
  const cycle = (ms: number) =>
    Object.fromEntries(CHAIN.map((r) => [r, Object.fromEntries(SQL_OPERATIONS.map((o) => [o, op(ms)]))]));
  const step = (ms: number, statements: number): StepResult =>
    ({
      ms,
      exitCode: 0,
      failedOps: 0,
      calls: { ExecuteStatement: counts(statements), DescribeStatement: counts(statements * 3) },
      emulatorCpuMs: 0,
      processes: {},
    }) as StepResult;
  const run = (kind: StackRun["kind"], ms: number): StackRun => ({
    kind,
    n: 3,
    dataShares: 1,
    steps: { up: step(ms, 6), refresh: step(ms / 2, 4), destroy: step(ms / 2, 3) },
    stateBytes: 0,
    load: [0, 0],
  });
  const m = {
    inProcess: { provider: [cycle(400), cycle(420)], floor: [cycle(350), cycle(350)] },
    recorded: {},
    engine: [
      run("SQL resources", 10_000),
      run("SQL floor", 9_000),
      run("SQL resources", 12_000),
      run("SQL floor", 9_000),
    ],
  } as unknown as SqlMeasurements;

  it("sets each engine step against the floor's, with the statements and polls each sent", () => {
    const { steps } = summarizeSql(plan, m);
    assert.deepEqual(
      steps.map((st) => [st.step, st.ours.ms, st.floor.ms, st.ours.statements, st.ours.polls]),
      [
        ["up", 11_000, 9_000, 6, 18],
        ["refresh", 5_500, 4_500, 4, 12],
        ["destroy", 5_500, 4_500, 3, 9],
      ],
    );
    assert.ok(Math.abs(steps[0].ratio - 11 / 9) < 1e-9);
  });

  it("gives each resource's operations in-process against their statements sent with the SDK", () => {
    const { operations, polling } = summarizeSql(plan, m);
    assert.equal(operations.length, 9);
    assert.deepEqual(operations[0], {
      resource: "DataShare",
      op: "create",
      oursMs: 410,
      floorMs: 350,
      ratio: 410 / 350,
      statements: 2,
    });
    assert.equal(polling.ours.pollsPerStatement, 3);
    assert.equal(polling.ours.lagMeanMs, 50);
  });

  it("holds each engine step to 1.10× its floor in the table", () => {
    const summary = summarizeSql(plan, m);
    const rows = sqlPart.rows({ plan, measurements: m, summary });
    const table = markdownTable(sqlPart.header, rows);
    assert.match(
      table,
      /200–400 ms a statement: pulumi up \(median of 2\) \| 11\.00 s \| 9\.00 s \| 1\.22× \| ≤ 1\.10× \| MISS \|/,
    );
    assert.match(table, /pulumi refresh .* \| ≤ 1\.10× \| MISS \|/);
    assert.match(table, /DescribeStatement polls per statement .* \| 3\.00 \| 3\.00 \|/);
  });
});
