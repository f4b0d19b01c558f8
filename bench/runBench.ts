/**
 * One benchmark run, in the order cheapest first: in-process provider overhead, the provider
 * host's cold start, engine scale, the refresh API budget. All against one emulator started here
 * with the bench seed.
 */
import { startEmulator } from "../emulator";
import { RESOURCE_KINDS } from "./benchStack";
import { measureColdStart } from "./coldStart";
import { measureEngineScale } from "./engineScale";
import { describeMachine, MachineInfo, sampleLoad } from "./machine";
import { measureProviderOverhead } from "./providerOverhead";
import { measureRefreshBudget } from "./refreshBudget";
import { buildBenchSeed } from "./seed";
import { Measurements, summarize, Summary } from "./summary";
import { LoadSamples, renderTable } from "./table";

export interface BenchPlan {
  overhead: { reps: number; warmup: number };
  coldStart: { hosts: number; createsPerHost: number };
  engine: { sizes: number[]; reps: number; warmup: boolean; dataShares: number };
  refreshBudget: { n: number; dataShareCounts: number[] };
}

export const FULL_PLAN: BenchPlan = {
  overhead: { reps: 300, warmup: 30 },
  coldStart: { hosts: 5, createsPerHost: 10 },
  engine: { sizes: [1, 25, 100], reps: 3, warmup: true, dataShares: 4 },
  refreshBudget: { n: 100, dataShareCounts: [1, 4, 10] },
};

export const QUICK_PLAN: BenchPlan = {
  overhead: { reps: 20, warmup: 3 },
  coldStart: { hosts: 1, createsPerHost: 3 },
  engine: { sizes: [1, 3], reps: 1, warmup: false, dataShares: 2 },
  refreshBudget: { n: 4, dataShareCounts: [1, 2] },
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
  const minShares = Math.min(plan.engine.dataShares, ...plan.refreshBudget.dataShareCounts);
  const maxN = Math.max(...plan.engine.sizes, plan.refreshBudget.n, plan.coldStart.createsPerHost);
  return {
    namespaces: Math.ceil(maxN / minShares),
    dataShares: Math.max(plan.engine.dataShares, ...plan.refreshBudget.dataShareCounts),
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
    log("provider host cold start...");
    const coldStart = await measureColdStart({ emulator, kinds: RESOURCE_KINDS, ...plan.coldStart });
    log("engine scale...");
    const engine = await measureEngineScale({ emulator, kinds: RESOURCE_KINDS, log, ...plan.engine });
    log("refresh API budget...");
    const refreshBudget = await measureRefreshBudget({ emulator, log, ...plan.refreshBudget });
    const measurements: Measurements = { overhead, engine, coldStart, refreshBudget };
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
