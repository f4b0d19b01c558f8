/**
 * The main part's plans (full, quick) and its run, cheapest first, against one emulator: overhead
 * in-process, cold start, permanent failures, then the engine scenarios, which are data.
 */
import { Emulator, FaultConfig, startEmulator } from "../emulator";
import { measureColdStart } from "./coldStart";
import { FAULT_MIX, measurePermanentFailures } from "./retryDefaults";
import { measureOverhead } from "./inProcess";
import { Kind, OURS, Step } from "./kinds";
import type { Log } from "./report";
import { buildBenchSeed } from "./seed";
import { runStack, StackRun } from "./stack";

export interface EngineScenario {
  /** The quick plan leaves out the two-property no-op. */
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

/**
 * Every (N, kind) `reps` times under the scenario's faults; the order of the kinds rotates at
 * every step so that a slow spell of the machine does not land on one kind.
 */
async function measureEngine(emulator: Emulator, name: string, s: EngineScenario, log: Log) {
  const [runs, noopLatencyMs] = [[] as StackRun[], s.faults.latencyMs ?? 0];
  emulator.setFaults(s.faults);
  try {
    for (let rep = 0, turn = 0; rep < s.reps; rep++) {
      for (const n of s.sizes) {
        for (const kind of s.kinds.map((_, i) => s.kinds[(i + turn) % s.kinds.length])) {
          const opts = { emulator, kind, n, dataShares: s.dataShares, noopLatencyMs, steps: ENGINE_STEPS };
          runs.push(await runStack(opts));
          log(`  ${name}, ${kind} N=${n}: ${describeRun(runs[runs.length - 1])}`);
        }
        turn++;
      }
    }
    return runs;
  } finally {
    emulator.setFaults({});
  }
}

export const describeRun = (run: StackRun) =>
  Object.entries(run.steps)
    .map(([step, r]) => `${step} ${(r.ms / 1000).toFixed(2)} s${r.exitCode ? ` (exit ${r.exitCode})` : ""}`)
    .join(", ");

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
