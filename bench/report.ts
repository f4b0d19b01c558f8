/** The one path from a plan to the documents, for every part: measure, summarize, rows, table. */
import { Cell, markdownTable, TargetCheck, targetsOf } from "./format";
import { describeMachine, LoadSamples, MachineInfo, sampleLoad } from "./machine";

export type Log = (line: string) => void;

export interface Report<Plan, Measurements, Summary> {
  quick: boolean;
  date: string;
  durationS: number;
  machine: MachineInfo;
  load: LoadSamples;
  plan: Plan;
  measurements: Measurements;
  summary: Summary & { targets: TargetCheck[] };
  table: string;
}

export type Figures<P, M, S> = Pick<Report<P, M, S>, "plan" | "measurements"> & { summary: S };

export interface Part<Plan, Measurements, Summary> {
  plan(quick: boolean): Plan;
  /** Runs the plan against an emulator of its own. */
  measure(plan: Plan, log: Log): Promise<Measurements>;
  /** Pure: the figures. */
  summarize(plan: Plan, m: Measurements): Summary;
  /** What was measured, above the table. */
  title(plan: Plan): string;
  header: readonly string[];
  rows(r: Figures<Plan, Measurements, Summary>): Cell[][];
  /** The short summary a document shows (docs/performance.md, docs/plugin.md). */
  brief(r: Report<Plan, Measurements, Summary>): string;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- a list of parts of different plans */
export type AnyPart = Part<any, any, any>;
export type AnyReport = Report<any, any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */

export type Run<P, M> = Omit<Report<P, M, unknown>, "summary" | "table">;

/** The figures, targets and table of a run, from its plan and measurements by the current code. */
export function summarizeRun<P, M, S>(part: Part<P, M, S>, r: Run<P, M>): Report<P, M, S> {
  const summary = part.summarize(r.plan, r.measurements);
  const rows = part.rows({ ...r, summary });
  const targets = targetsOf(rows);
  const { machine: m, load } = r;
  const passed = targets.filter((t) => t.pass).length;
  const table = [
    part.title(r.plan),
    `Machine: ${m.os}; ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB; Node ${m.node}; Pulumi CLI ` +
      `${m.pulumiCli} (SDK ${m.pulumiSdk}). ${r.date}${r.quick ? " — QUICK run (small N, few reps)" : ""}.`,
    `Load average (1 min) while measuring: min ${load.min.toFixed(2)}, median ${load.median.toFixed(2)}, ` +
      `max ${load.max.toFixed(2)}.`,
    "",
    markdownTable(part.header, rows),
    ...(targets.length > 0 ? ["", `Targets: ${passed}/${targets.length} PASS.`] : []),
  ].join("\n");
  return { ...r, summary: { ...summary, targets }, table };
}

/** Measures a part's plan: the run, not yet summarized (kept as it is should summarizing fail). */
export async function runPart<P, M>(part: Part<P, M, unknown>, quick: boolean, log: Log): Promise<Run<P, M>> {
  const started = Date.now();
  const machine = await describeMachine();
  const load = sampleLoad();
  try {
    const plan = part.plan(quick);
    const measurements = await part.measure(plan, log);
    const [date, durationS] = [new Date(started).toISOString(), (Date.now() - started) / 1000];
    return { quick, date, durationS, machine, load: load.stop(), plan, measurements };
  } finally {
    load.stop();
  }
}
