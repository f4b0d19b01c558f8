/** The SQL part (`--only sql`): DataShare, DataShareGrant, DataShareDatabase against their statements sent with the SDK. */
import type { OperationCounts } from "../emulator";
import { calls, Cell, ms, ms0, s, target, targetsLine, vs, x } from "./format";
import type { Kind, Step } from "./kinds";
import { ENGINE_STEPS } from "./mainRun";
import type { Figures, Part, Report } from "./report";
import { findSize, summarizeSizes } from "./sizes";
import {
  CHAIN,
  measureSql,
  SQL_OPERATIONS,
  SqlMeasurements,
  SqlOperation,
  SqlPlan,
  sqlPlan,
  SqlResource,
} from "./sqlRun";
import type { OpSample } from "./sqlRun";
import { median } from "./stats";

const [OURS, FLOOR]: Kind[] = ["SQL resources", "SQL floor"];
const STATEMENT_OPS = ["ExecuteStatement", "BatchExecuteStatement"];

/** What one engine step sent, from the emulator's counts: statements, polls, results, everything else. */
export function stepCalls(counts: Record<string, OperationCounts>) {
  const accepted = (op: string) => counts[op]?.accepted ?? 0;
  const statements = STATEMENT_OPS.reduce((sum, op) => sum + accepted(op), 0);
  const known = [...STATEMENT_OPS, "DescribeStatement", "GetStatementResult"];
  const others = Object.keys(counts).filter((op) => !known.includes(op));
  return {
    statements,
    polls: accepted("DescribeStatement"),
    results: accepted("GetStatementResult"),
    other: Object.fromEntries(others.map((op) => [op, accepted(op)])),
  };
}

/** Polls per statement and the lag from a statement's end to the poll that saw it, over samples. */
export function pollingOf(samples: readonly OpSample[]) {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const statements = sum(samples.map((o) => o.statements));
  const lags = samples.flatMap((o) => o.lagsMs);
  return {
    statements,
    pollsPerStatement: sum(samples.map((o) => o.polls)) / statements,
    lagMedianMs: median(lags),
    lagMeanMs: sum(lags) / lags.length,
    lagMaxMs: Math.max(...lags),
  };
}

export function summarizeSql(_plan: SqlPlan, m: SqlMeasurements) {
  const sizes = summarizeSizes(m.engine);
  const n = CHAIN.length;
  const side = (kind: Kind, step: Step) => {
    const list = m.engine.filter((r) => r.kind === kind).map((r) => stepCalls(r.steps[step]?.calls ?? {}));
    const of = (k: "statements" | "polls" | "results") => median(list.map((c) => c[k]));
    const { ms, reps } = findSize(sizes, kind, n);
    return {
      ms: ms[step] ?? NaN,
      reps,
      statements: of("statements"),
      polls: of("polls"),
      results: of("results"),
      other: list[0]?.other ?? {},
    };
  };
  const steps = ENGINE_STEPS.map((step) => {
    const [ours, floor] = [side(OURS, step), side(FLOOR, step)];
    return { step, ours, floor, ratio: ours.ms / floor.ms };
  });
  const each = <T>(f: (r: SqlResource, op: SqlOperation) => T) =>
    CHAIN.flatMap((resource) => SQL_OPERATIONS.map((op) => ({ resource, op, ...f(resource, op) })));
  const operations = each((r, op) => {
    const [ours, floor] = [m.inProcess.provider, m.inProcess.floor].map((cycles) =>
      cycles.map((c) => c[r][op]),
    );
    const [oursMs, floorMs] = [median(ours.map((o) => o.ms)), median(floor.map((o) => o.ms))];
    return { oursMs, floorMs, ratio: oursMs / floorMs, statements: ours[0]?.statements ?? 0 };
  });
  const all = (cycles: SqlMeasurements["inProcess"]["provider"]) =>
    cycles.flatMap((c) => CHAIN.flatMap((r) => SQL_OPERATIONS.map((op) => c[r][op])));
  const polling = { ours: pollingOf(all(m.inProcess.provider)), floor: pollingOf(all(m.inProcess.floor)) };
  return {
    steps,
    operations,
    polling,
    engineFailures: sizes.flatMap((z) => z.problems.map((p) => `${z.kind} ${p}`)),
  };
}

export type SqlSummary = ReturnType<typeof summarizeSql>;
type Sql = Figures<SqlPlan, SqlMeasurements, SqlSummary>;

const range = (p: SqlPlan) => `${p.faults.statementMs.minMs}–${p.faults.statementMs.maxMs} ms a statement`;
const countsText = (c: { statements: number; polls: number; results: number }) =>
  `${calls(c.statements)} statements, ${calls(c.polls)} polls, ${calls(c.results)} results`;

function engineRows({ plan, summary }: Sql): Cell[][] {
  return summary.steps.flatMap(({ step, ours, floor, ratio }) => {
    const label = `${range(plan)}: pulumi ${step} (median of ${ours.reps})`;
    const goal = target(
      "≤ 1.10×",
      `SQL resources: pulumi ${step} / its statements sent with the SDK`,
      ratio,
      1.1,
      "×",
    );
    const other = Object.entries(ours.other)
      .map(([op, k]) => `${op} ${calls(k)}`)
      .join(", ");
    return [
      [...vs(label, ours.ms, floor.ms, s), goal],
      [
        `${step}: what reached the Data API${other ? ` (and ${other})` : ""}`,
        countsText(ours),
        countsText(floor),
      ],
    ];
  });
}

function operationRows({ plan, summary }: Sql): Cell[][] {
  return summary.operations.map((o) => [
    ...vs(
      `${o.resource} ${o.op}, in-process, ${o.statements} statement${o.statements === 1 ? "" : "s"} (median of ${plan.inProcessReps})`,
      o.oursMs,
      o.floorMs,
      ms0,
    ),
  ]);
}

function pollingRows({ plan, summary }: Sql): Cell[][] {
  const { ours, floor } = summary.polling;
  const every = `the floor polls at once, then every ${plan.floorPollMs} ms; an ideal poller`;
  return [
    [
      `DescribeStatement polls per statement (${every}: 1)`,
      ...[ours, floor].map((p) => p.pollsPerStatement.toFixed(2)),
    ],
    [
      `from a statement's end to the poll that saw it, median (ideal: 0)`,
      ms(ours.lagMedianMs),
      ms(floor.lagMedianMs),
    ],
    [`… mean, over ${ours.statements} statements`, ms(ours.lagMeanMs), ms(floor.lagMeanMs)],
    [`… longest`, ms(ours.lagMaxMs), ms(floor.lagMaxMs)],
  ];
}

function brief(r: Report<SqlPlan, SqlMeasurements, SqlSummary>): string {
  const { machine: mc, plan, summary: sm } = r;
  const step = ({ step, ours, ratio }: SqlSummary["steps"][number]) =>
    `\`${step}\` ${s(ours.ms)} (${x(ratio)})`;
  const { ours, floor } = sm.polling;
  return [
    `SQL resources (DataShare → DataShareGrant → DataShareDatabase), ${range(plan)}: run of ${r.date.slice(0, 10)} ` +
      `on ${mc.cpu}, ${mc.cores} cores (load average median ${r.load.median.toFixed(2)}).`,
    "",
    `- Against the same statements sent and polled with the SDK (median of ${sm.steps[0]?.ours.reps}): ${sm.steps.map(step).join(", ")}.`,
    `- Polling: ${ours.pollsPerStatement.toFixed(2)} DescribeStatement calls per statement (the floor ` +
      `${floor.pollsPerStatement.toFixed(2)}, an ideal poller 1); a statement's end seen ${ms(ours.lagMeanMs)} later ` +
      `on average (the floor ${ms(floor.lagMeanMs)}, ideal 0).`,
    "",
    `${targetsLine("SQL targets", sm.targets)} bench/README.md says where the time goes.`,
  ].join("\n");
}

export const sqlPart: Part<SqlPlan, SqlMeasurements, SqlSummary> = {
  plan: sqlPlan,
  measure: measureSql,
  summarize: summarizeSql,
  title: (plan) =>
    `SQL part: DataShare, DataShareGrant, DataShareDatabase at ${range(plan)} (randomSeed ${plan.faults.randomSeed}), ` +
    `against the same statements sent and polled with the SDK (every ${plan.floorPollMs} ms).`,
  header: ["Measure", "SQL resources", "Floor (same statements, SDK)", "Ratio", "Target", "Result"],
  rows: (r) => [...engineRows(r), ...operationRows(r), ...pollingRows(r)],
  brief,
};
