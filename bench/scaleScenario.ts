/**
 * The scale scenario (`npm run bench -- --only scale`): N associations over K datashares at a
 * modelled latency, DataShareConsumer against its same-properties no-op floor at each N in the same
 * run, then DataShareConsumer alone at the largest N under an AWS-like rate limit. One emulator,
 * seeded for the largest N (and the spare namespace of the one-resource change), started here.
 */
import { startEmulator } from "../emulator";
import type { Emulator } from "../emulator";
import type { ResourceKind } from "./benchStack";
import { describeMachine, MachineInfo, sampleLoad } from "./machine";
import { runScaleOnce, ScaleRun } from "./scaleRun";
import { summarizeScale, ScaleSummary } from "./scaleSummary";
import { renderScaleTable } from "./scaleTable";
import { buildBenchSeed, seedSizeForPlan } from "./seed";
import type { LoadSamples } from "./table";

export interface ScaleScenario {
  /** Ascending; the growth of the marginal cost compares the first interval with the last. */
  sizes: { n: number; reps: number }[];
  kinds: ResourceKind[];
  latencyMs: number;
  dataShares: number;
  /** Sizes at which each kind runs `up` and `destroy` again with PULUMI_SKIP_CHECKPOINTS=true. */
  checkpointsSkippedSizes: { n: number; reps: number }[];
  /** Token bucket per operation for the rate-limited run (at the largest N, DataShareConsumer only). */
  rateLimit: { ratePerSecond: number; burst: number };
}

export const FULL_SCALE: ScaleScenario = {
  // The first interval starts at 100, not 1: a refresh's cost per resource (a few ms) over 99
  // resources is lost in the seconds a command's start varies by on a shared machine.
  sizes: [
    { n: 100, reps: 2 },
    { n: 550, reps: 1 },
    { n: 1000, reps: 1 },
  ],
  kinds: ["DataShareConsumer", "no-op, same properties"],
  latencyMs: 100,
  dataShares: 25,
  checkpointsSkippedSizes: [
    { n: 100, reps: 2 },
    { n: 550, reps: 2 },
    { n: 1000, reps: 2 },
  ],
  rateLimit: { ratePerSecond: 10, burst: 20 },
};

export const QUICK_SCALE: ScaleScenario = {
  sizes: [
    { n: 1, reps: 1 },
    { n: 4, reps: 1 },
    { n: 8, reps: 1 },
  ],
  kinds: ["DataShareConsumer", "no-op, same properties"],
  latencyMs: 20,
  dataShares: 2,
  checkpointsSkippedSizes: [
    { n: 1, reps: 1 },
    { n: 4, reps: 1 },
    { n: 8, reps: 1 },
  ],
  rateLimit: { ratePerSecond: 4, burst: 2 },
};

export interface ScaleMeasurements {
  runs: ScaleRun[];
  /** `up` and `destroy` with PULUMI_SKIP_CHECKPOINTS=true (absent in results from before it). */
  checkpointsSkipped?: ScaleRun[];
  rateLimited: ScaleRun;
  /**
   * The rate-limited run again with PULUMI_SKIP_CHECKPOINTS=true (`up` and `destroy`): the client's
   * pace under the limit where the engine's checkpoint does not set it (absent in older results).
   */
  rateLimitedCheckpointsSkipped?: ScaleRun;
}

export interface ScaleReport {
  quick: boolean;
  date: string;
  durationS: number;
  machine: MachineInfo;
  load: LoadSamples;
  scenario: ScaleScenario;
  measurements: ScaleMeasurements;
  summary: ScaleSummary;
  table: string;
}

export function largestSize(s: ScaleScenario): number {
  return Math.max(...s.sizes.map((z) => z.n));
}

/** Each (N, repetition) runs every kind, the first kind rotating so that a slow spell lands on none. */
export function runOrder(s: ScaleScenario): { kind: ResourceKind; n: number }[] {
  const order: { kind: ResourceKind; n: number }[] = [];
  let turn = 0;
  for (const { n, reps } of s.sizes) {
    for (let rep = 0; rep < reps; rep++, turn++) {
      for (let i = 0; i < s.kinds.length; i++) order.push({ kind: s.kinds[(i + turn) % s.kinds.length], n });
    }
  }
  return order;
}

function summaryLine(run: ScaleRun): string {
  return Object.entries(run.steps)
    .map(
      ([step, r]) =>
        `${step} ${(r.ms / 1000).toFixed(1)} s${r.exitCode !== 0 ? ` (exit ${r.exitCode})` : ""}`,
    )
    .join(", ");
}

async function measureScale(
  emulator: Emulator,
  s: ScaleScenario,
  log: (line: string) => void,
): Promise<ScaleMeasurements> {
  const runs: ScaleRun[] = [];
  const at = { dataShares: s.dataShares, noopLatencyMs: s.latencyMs };
  emulator.setFaults({ latencyMs: s.latencyMs });
  try {
    for (const { kind, n } of runOrder(s)) {
      const run = await runScaleOnce({ emulator, kind, n, ...at });
      log(`  ${s.latencyMs} ms a call, ${kind} N=${n}: ${summaryLine(run)}`);
      runs.push(run);
    }
    const checkpointsSkipped: ScaleRun[] = [];
    for (const { kind, n } of runOrder({
      ...s,
      sizes: s.checkpointsSkippedSizes,
    })) {
      const run = await runScaleOnce({ emulator, kind, n, ...at, checkpointsSkipped: true });
      log(`  PULUMI_SKIP_CHECKPOINTS=true, ${kind} N=${n}: ${summaryLine(run)}`);
      checkpointsSkipped.push(run);
    }
    const { ratePerSecond, burst } = s.rateLimit;
    emulator.setFaults({ latencyMs: s.latencyMs, rateLimit: { ratePerSecond, burst } });
    const n = largestSize(s);
    const rateLimited = await runScaleOnce({ emulator, kind: "DataShareConsumer", n, ...at });
    log(`  rate limit ${ratePerSecond}/s burst ${burst}, N=${n}: ${summaryLine(rateLimited)}`);
    const rateLimitedCheckpointsSkipped = await runScaleOnce({
      emulator,
      kind: "DataShareConsumer",
      n,
      ...at,
      checkpointsSkipped: true,
    });
    log(
      `  rate limit ${ratePerSecond}/s burst ${burst}, PULUMI_SKIP_CHECKPOINTS=true, N=${n}: ` +
        summaryLine(rateLimitedCheckpointsSkipped),
    );
    return { runs, checkpointsSkipped, rateLimited, rateLimitedCheckpointsSkipped };
  } finally {
    emulator.setFaults({});
  }
}

export async function runScale(
  s: ScaleScenario,
  options: { quick: boolean; log?: (line: string) => void },
): Promise<ScaleReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const machine = await describeMachine();
  const load = sampleLoad();
  const emulator = await startEmulator({
    seed: buildBenchSeed(seedSizeForPlan(largestSize(s), s.dataShares)),
  });
  try {
    log(`scale: N = ${s.sizes.map((z) => z.n).join(", ")} over ${s.dataShares} datashares...`);
    const measurements = await measureScale(emulator, s, log);
    const summary = summarizeScale(s, measurements);
    const loadSamples = load.stop();
    const date = new Date(started).toISOString();
    const table = renderScaleTable({
      machine,
      load: loadSamples,
      date,
      quick: options.quick,
      scenario: s,
      summary,
    });
    return {
      quick: options.quick,
      date,
      durationS: (Date.now() - started) / 1000,
      machine,
      load: loadSamples,
      scenario: s,
      measurements,
      summary,
      table,
    };
  } finally {
    load.stop();
    await emulator.stop();
  }
}
