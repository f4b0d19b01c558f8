/** The main part's plans (full, quick) and its run against one emulator, cheapest first. */
import { Emulator, FaultConfig, startEmulator } from "../emulator";
import { measureColdStart } from "./coldStart";
import { FAULT_MIX, measurePermanentFailures } from "./retryDefaults";
import { measureOverhead } from "./inProcess";
import { Kind, OURS, Step } from "./kinds";
import type { Log } from "./report";
import { buildBenchSeed } from "./seed";
import { describeRun, runOrder, runStack, StackRun } from "./stack";

export interface EngineScenario {
  kinds: Kind[];
  sizes: number[];
  reps: number;
  /** Datashares the N associations are spread over. */
  dataShares: number;
  /** The emulator's faults while the scenario runs; the no-op floors wait its `latencyMs`. */
  faults: FaultConfig;
}

export const ENGINE_STEPS: Step[] = ["up", "refresh", "destroy"];
const SCENARIOS = ["latency", "rateLimit", "faults", "zeroLatency"] as const;

export function mainPlan(quick: boolean) {
  const all: Kind[] = ["DataShareConsumer", "no-op, same properties", "no-op"];
  const [kinds, ours] = [quick ? all.slice(0, 2) : all, [OURS]];
  const [k, big, latencyMs] = quick ? [2, 2, 50] : [4, 100, 100];
  const scenario = (kinds: Kind[], sizes: number[], reps: number, faults: FaultConfig) =>
    ({ kinds, sizes, reps, faults, dataShares: k }) satisfies EngineScenario;
  const rateLimit = quick ? { ratePerSecond: 4, burst: 2 } : { ratePerSecond: 10, burst: 20 };
  const engine: Record<(typeof SCENARIOS)[number], EngineScenario> = {
    latency: scenario(kinds, [big], quick ? 1 : 2, { latencyMs }),
    rateLimit: scenario(ours, [quick ? 4 : 200], 1, { latencyMs: quick ? 10 : 100, rateLimit }),
    faults: scenario(ours, [quick ? 3 : 50], 1, FAULT_MIX),
    zeroLatency: scenario(kinds, [1, big], quick ? 1 : 3, {}),
  };
  return {
    overhead: quick ? { reps: 20, warmup: 3 } : { reps: 300, warmup: 30 },
    coldStart: quick ? { hosts: 1, createsPerHost: 2 } : { hosts: 5, createsPerHost: 10 },
    permanentFailureLatencyMs: quick ? 20 : 100,
    engine,
  };
}

export type MainPlan = ReturnType<typeof mainPlan>;

/** Every (N, kind) `reps` times under the scenario's faults, the first kind rotating at every N. */
async function measureEngine(emulator: Emulator, name: string, s: EngineScenario, log: Log) {
  const [runs, noopLatencyMs] = [[] as StackRun[], s.faults.latencyMs ?? 0];
  const sizes = Array.from({ length: s.reps }, () => s.sizes.map((n) => ({ n, reps: 1 }))).flat();
  emulator.setFaults(s.faults);
  try {
    for (const { kind, n } of runOrder({ kinds: s.kinds, sizes })) {
      runs.push(
        await runStack({ emulator, kind, n, dataShares: s.dataShares, noopLatencyMs, steps: ENGINE_STEPS }),
      );
      log(`  ${name}, ${kind} N=${n}: ${describeRun(runs[runs.length - 1])}`);
    }
    return runs;
  } finally {
    emulator.setFaults({});
  }
}

export async function measureMain(plan: MainPlan, log: Log) {
  // Namespaces and datashares enough for every association the plan makes.
  const needs = Object.values(plan.engine).map((s) => [Math.max(...s.sizes), s.dataShares]);
  needs.push([plan.coldStart.createsPerHost, 1]);
  const namespaces = Math.max(...needs.map(([n, k]) => Math.ceil(n / k)));
  const seed = buildBenchSeed({ namespaces, dataShares: Math.max(...needs.map(([, k]) => k)) });
  const emulator = await startEmulator({ seed });
  try {
    log("in-process overhead, cold start, permanent failures...");
    const overhead = await measureOverhead(emulator, "DataShareConsumer", plan.overhead);
    const authorizationOverhead = await measureOverhead(emulator, "DataShareAuthorization", plan.overhead);
    const coldStart = await measureColdStart(emulator, plan.coldStart);
    const latencyMs = plan.permanentFailureLatencyMs;
    const permanentFailures = { latencyMs, cases: await measurePermanentFailures(emulator, latencyMs) };
    const engine = {} as Record<(typeof SCENARIOS)[number], StackRun[]>;
    for (const name of SCENARIOS) engine[name] = await measureEngine(emulator, name, plan.engine[name], log);
    return { overhead, authorizationOverhead, coldStart, permanentFailures, engine };
  } finally {
    await emulator.stop();
  }
}

export type MainMeasurements = Awaited<ReturnType<typeof measureMain>>;
