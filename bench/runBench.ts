/**
 * One benchmark run, cheapest first, against one emulator started here with the bench seed:
 * in-process overhead (DataShareConsumer, then DataShareAuthorization), the provider host's cold
 * start, permanent failures, then the engine scenarios in user projects driven by the plain
 * `pulumi` CLI: latency, rate limit, random faults at the default settings, and the loopback
 * (zero-latency) sizes.
 */
import { startEmulator } from "../emulator";
import { RESOURCE_KINDS } from "./benchStack";

/** The quick plan proves the code with the provider and its floor only. */
const QUICK_KINDS = RESOURCE_KINDS.slice(0, 2);
import { measureAuthorizationOverhead } from "./authorizationOverhead";
import { measureColdStart } from "./coldStart";
import { describeMachine, MachineInfo, sampleLoad } from "./machine";
import { measureProviderOverhead } from "./providerOverhead";
import { measurePermanentFailures } from "./retryDefaults";
import {
  FaultScenario,
  KindsScenario,
  measureFaults,
  measureKinds,
  measureRateLimit,
  RateLimitScenario,
} from "./scenarios";
import { buildBenchSeed } from "./seed";
import { Measurements, summarize, Summary } from "./summary";
import { LoadSamples, renderTable } from "./table";

export interface BenchPlan {
  overhead: { reps: number; warmup: number };
  coldStart: { hosts: number; createsPerHost: number };
  permanentFailureLatencyMs: number;
  latency: KindsScenario;
  rateLimit: RateLimitScenario;
  faults: FaultScenario;
  zeroLatency: KindsScenario;
}

/** The reliability suite's seed for its fault scenario, so both inject the same faults. */
const FAULT_SEED = 20260601;

export const FULL_PLAN: BenchPlan = {
  overhead: { reps: 300, warmup: 30 },
  coldStart: { hosts: 5, createsPerHost: 10 },
  permanentFailureLatencyMs: 100,
  latency: { sizes: [100], kinds: RESOURCE_KINDS, reps: 2, latencyMs: 100, dataShares: 4 },
  rateLimit: { n: 200, dataShares: 4, ratePerSecond: 10, burst: 20, latencyMs: 100 },
  faults: { n: 50, dataShares: 4, throttleRate: 0.2, serverErrorRate: 0.05, randomSeed: FAULT_SEED },
  zeroLatency: { sizes: [1, 100], kinds: RESOURCE_KINDS, reps: 3, latencyMs: 0, dataShares: 4 },
};

export const QUICK_PLAN: BenchPlan = {
  overhead: { reps: 20, warmup: 3 },
  coldStart: { hosts: 1, createsPerHost: 2 },
  permanentFailureLatencyMs: 20,
  latency: { sizes: [2], kinds: QUICK_KINDS, reps: 1, latencyMs: 50, dataShares: 2 },
  rateLimit: { n: 4, dataShares: 2, ratePerSecond: 4, burst: 2, latencyMs: 10 },
  faults: { n: 3, dataShares: 2, throttleRate: 0.2, serverErrorRate: 0.05, randomSeed: FAULT_SEED },
  zeroLatency: { sizes: [1, 2], kinds: QUICK_KINDS, reps: 1, latencyMs: 0, dataShares: 2 },
};

export interface BenchReport {
  quick: boolean;
  date: string;
  durationS: number;
  machine: MachineInfo;
  load: LoadSamples;
  plan: BenchPlan;
  measurements: Measurements;
  summary: Summary;
  table: string;
}

/** Namespaces and datashares enough for every association the plan makes. */
function seedSizeFor(plan: BenchPlan) {
  const scenarios = [plan.latency, plan.zeroLatency].map((s) => ({
    n: Math.max(...s.sizes),
    k: s.dataShares,
  }));
  scenarios.push(
    { n: plan.rateLimit.n, k: plan.rateLimit.dataShares },
    { n: plan.faults.n, k: plan.faults.dataShares },
  );
  scenarios.push({ n: plan.coldStart.createsPerHost, k: 1 });
  return {
    namespaces: Math.max(...scenarios.map((s) => Math.ceil(s.n / s.k))),
    dataShares: Math.max(...scenarios.map((s) => s.k)),
  };
}

export async function runBench(
  plan: BenchPlan,
  options: { quick: boolean; log?: (line: string) => void },
): Promise<BenchReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const machine = await describeMachine();
  const load = sampleLoad();
  const emulator = await startEmulator({ seed: buildBenchSeed(seedSizeFor(plan)) });
  try {
    log("provider overhead (in-process)...");
    const overhead = await measureProviderOverhead({ emulator, ...plan.overhead });
    log("authorization overhead (in-process)...");
    const authorizationOverhead = await measureAuthorizationOverhead({ emulator, ...plan.overhead });
    log("provider host cold start...");
    const coldStart = await measureColdStart({
      emulator,
      kinds: ["DataShareConsumer", "no-op"],
      ...plan.coldStart,
    });
    log("permanent failures...");
    const permanentFailures = {
      latencyMs: plan.permanentFailureLatencyMs,
      cases: await measurePermanentFailures(emulator, plan.permanentFailureLatencyMs),
    };
    log("latency...");
    const latencyRuns = await measureKinds(emulator, plan.latency, log);
    log("rate limit...");
    const rateRun = await measureRateLimit(emulator, plan.rateLimit, log);
    log("random faults at the default settings...");
    const faultRun = await measureFaults(emulator, plan.faults, log);
    log("zero latency...");
    const zeroRuns = await measureKinds(emulator, plan.zeroLatency, log);
    const measurements: Measurements = {
      overhead,
      authorizationOverhead,
      coldStart,
      permanentFailures,
      latency: { scenario: plan.latency, runs: latencyRuns },
      rateLimit: { scenario: plan.rateLimit, run: rateRun },
      faults: { scenario: plan.faults, run: faultRun },
      zeroLatency: { scenario: plan.zeroLatency, runs: zeroRuns },
    };
    const summary = summarize(measurements);
    const loadSamples = load.stop();
    const date = new Date(started).toISOString();
    const table = renderTable({
      machine,
      load: loadSamples,
      date,
      quick: options.quick,
      measurements,
      summary,
    });
    return {
      quick: options.quick,
      date,
      durationS: (Date.now() - started) / 1000,
      machine,
      load: loadSamples,
      plan,
      measurements,
      summary,
      table,
    };
  } finally {
    load.stop();
    await emulator.stop();
  }
}
