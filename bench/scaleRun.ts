/** The scale part's plans and run (bench/README.md, Method, "Scale"). */
import { startEmulator } from "../emulator";
import { Kind, OURS, Step } from "./kinds";
import type { Log } from "./report";
import { buildBenchSeed, seedSizeForPlan } from "./seed";
import { describeRun, runOrder, runStack, Sizes, StackRun } from "./stack";

const sizes = (ns: number[], reps: number[]): Sizes => ns.map((n, i) => ({ n, reps: reps[i] }));

/** `sizes` ascending; the full plan's start at 100, not 1: bench/README.md, Method, "Scale". */
export function scalePlan(quick: boolean) {
  return {
    sizes: quick ? sizes([1, 4, 8], [1, 1, 1]) : sizes([100, 550, 1000], [2, 1, 1]),
    kinds: ["DataShareConsumer", "no-op, same properties"] as Kind[],
    latencyMs: quick ? 20 : 100,
    dataShares: quick ? 2 : 25,
    /** Sizes at which each kind runs `up` and `destroy` again with PULUMI_SKIP_CHECKPOINTS=true. */
    checkpointsSkippedSizes: quick ? sizes([1, 4, 8], [1, 1, 1]) : sizes([100, 550, 1000], [2, 2, 2]),
    /** Token bucket per operation for the rate-limited runs (at the largest N, DataShareConsumer only). */
    rateLimit: quick ? { ratePerSecond: 4, burst: 2 } : { ratePerSecond: 10, burst: 20 },
  };
}

export type ScaleScenario = ReturnType<typeof scalePlan>;
export const SCALE_STEPS: Step[] = ["up", "preview", "drift", "refresh", "change", "destroy"];
export const largestSize = (s: ScaleScenario) => Math.max(...s.sizes.map((z) => z.n));

export async function measureScale(s: ScaleScenario, log: Log) {
  const seed = buildBenchSeed(seedSizeForPlan(largestSize(s), s.dataShares));
  const emulator = await startEmulator({ seed });
  const run = async (label: string, kind: Kind, n: number, checkpointsSkipped = false) => {
    const steps: Step[] = checkpointsSkipped ? ["up", "destroy"] : SCALE_STEPS;
    const at = { dataShares: s.dataShares, noopLatencyMs: s.latencyMs, checkpointsSkipped };
    const result = await runStack({ emulator, kind, n, steps, ...at });
    log(`  ${label}, ${kind} N=${n}: ${describeRun(result)}`);
    return result;
  };
  try {
    log(`scale: N = ${s.sizes.map((z) => z.n).join(", ")} over ${s.dataShares} datashares...`);
    emulator.setFaults({ latencyMs: s.latencyMs });
    const [runs, checkpointsSkipped]: StackRun[][] = [[], []];
    for (const { kind, n } of runOrder(s)) runs.push(await run(`${s.latencyMs} ms a call`, kind, n));
    for (const { kind, n } of runOrder({ kinds: s.kinds, sizes: s.checkpointsSkippedSizes }))
      checkpointsSkipped.push(await run("PULUMI_SKIP_CHECKPOINTS=true", kind, n, true));
    emulator.setFaults({ latencyMs: s.latencyMs, rateLimit: s.rateLimit });
    const limit = `rate limit ${s.rateLimit.ratePerSecond}/s burst ${s.rateLimit.burst}`;
    const rateLimited = await run(limit, OURS, largestSize(s));
    const unpaced = `${limit}, PULUMI_SKIP_CHECKPOINTS=true`;
    const rateLimitedCheckpointsSkipped = await run(unpaced, OURS, largestSize(s), true);
    return { runs, checkpointsSkipped, rateLimited, rateLimitedCheckpointsSkipped };
  } finally {
    await emulator.stop();
  }
}

export type ScaleMeasurements = Awaited<ReturnType<typeof measureScale>>;
