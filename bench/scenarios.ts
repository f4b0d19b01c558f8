/**
 * The engine scenarios, each against the floors in the same run: the emulator's fault config is
 * set for the scenario (latency, rate limit, random faults) and cleared after it.
 */
import type { Emulator, FaultConfig } from "../emulator";
import type { ResourceKind } from "./benchStack";
import { EngineRun, runOnce } from "./engineScale";

export interface KindsScenario {
  sizes: number[];
  /** The kinds measured; the quick plan leaves out the two-property no-op. */
  kinds: ResourceKind[];
  reps: number;
  /** Modelled latency per API call (ms); 0 = the loopback emulator as it is. */
  latencyMs: number;
  dataShares: number;
}

export interface RateLimitScenario {
  n: number;
  dataShares: number;
  ratePerSecond: number;
  burst: number;
  latencyMs: number;
}

export interface FaultScenario {
  n: number;
  dataShares: number;
  throttleRate: number;
  serverErrorRate: number;
  randomSeed: number;
}

async function withFaults<T>(emulator: Emulator, faults: FaultConfig, run: () => Promise<T>): Promise<T> {
  emulator.setFaults(faults);
  try {
    return await run();
  } finally {
    emulator.setFaults({});
  }
}

/**
 * Every (N, kind) `reps` times; the order of the kinds rotates at every step so that a slow spell
 * of the machine does not land on one kind.
 */
export function measureKinds(
  emulator: Emulator,
  s: KindsScenario,
  log: (line: string) => void,
): Promise<EngineRun[]> {
  const faults: FaultConfig = s.latencyMs > 0 ? { latencyMs: s.latencyMs } : {};
  return withFaults(emulator, faults, async () => {
    const runs: EngineRun[] = [];
    const kinds = s.kinds;
    let turn = 0;
    for (let rep = 0; rep < s.reps; rep++) {
      for (const n of s.sizes) {
        const order = kinds.map((_, i) => kinds[(i + turn) % kinds.length]);
        turn++;
        for (const kind of order) {
          const run = await runOnce({
            emulator,
            kind,
            n,
            dataShares: s.dataShares,
            noopLatencyMs: s.latencyMs,
          });
          log(`  ${s.latencyMs} ms latency, ${kind} N=${n}: ${describeRun(run)}`);
          runs.push(run);
        }
      }
    }
    return runs;
  });
}

export function describeRun(run: EngineRun): string {
  return Object.entries(run.steps)
    .map(([step, r]) => `${step} ${r.ms.toFixed(0)} ms${r.failedOps > 0 ? ` (${r.failedOps} failed)` : ""}`)
    .join(", ");
}

/** DataShareConsumer under an AWS-style token bucket per operation, at the default settings. */
export function measureRateLimit(
  emulator: Emulator,
  s: RateLimitScenario,
  log: (line: string) => void,
): Promise<EngineRun> {
  const faults: FaultConfig = {
    latencyMs: s.latencyMs,
    rateLimit: { ratePerSecond: s.ratePerSecond, burst: s.burst },
  };
  return withFaults(emulator, faults, async () => {
    const run = await runOnce({
      emulator,
      kind: "DataShareConsumer",
      n: s.n,
      dataShares: s.dataShares,
      noopLatencyMs: s.latencyMs,
    });
    log(`  rate limit ${s.ratePerSecond}/s burst ${s.burst}, N=${s.n}: ${describeRun(run)}`);
    return run;
  });
}

/** DataShareConsumer against random throttling and 5xx answers, at the default settings. */
export function measureFaults(
  emulator: Emulator,
  s: FaultScenario,
  log: (line: string) => void,
): Promise<EngineRun> {
  const faults: FaultConfig = {
    throttleRate: s.throttleRate,
    serverErrorRate: s.serverErrorRate,
    randomSeed: s.randomSeed,
  };
  return withFaults(emulator, faults, async () => {
    const run = await runOnce({
      emulator,
      kind: "DataShareConsumer",
      n: s.n,
      dataShares: s.dataShares,
      noopLatencyMs: 0,
    });
    log(`  faults ${s.throttleRate} throttling + ${s.serverErrorRate} 5xx, N=${s.n}: ${describeRun(run)}`);
    return run;
  });
}
