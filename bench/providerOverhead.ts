/**
 * Provider overhead: create, read and delete through the provider's own functions (the code the
 * dynamic provider host runs, built in-process against the emulator) against the same API calls
 * made directly with the SDK, in one process against one emulator (DataShareAuthorization's pair is
 * in authorizationOverhead.ts, measured by the same loop). The two sides alternate on the
 * same resource (each side leaves the emulator as it found it), the order flips every
 * repetition, and both sides are warmed up first; figures are medians.
 */
import type { RedshiftClientConfig } from "@aws-sdk/client-redshift";
import type { Emulator } from "../emulator";
import { createProvider } from "../provider/consumer/provider";
import { createDirectCalls, DirectCalls } from "./sdkBaseline";
import { AssociationPlan, BENCH_REGION, planAssociations } from "./seed";
import { countsDelta, median, nowMs, sumCounts } from "./stats";

export type Operation = "create" | "read" | "delete";
export const OPERATIONS: Operation[] = ["create", "read", "delete"];

export interface OperationCost {
  providerMs: number;
  sdkMs: number;
  /** providerMs / sdkMs. */
  ratio: number;
  /** Emulator requests per operation, by API operation, over the measured repetitions. */
  providerCalls: Record<string, number>;
  sdkCalls: Record<string, number>;
  providerCallsPerOp: number;
  sdkCallsPerOp: number;
}

export interface OverheadResult {
  reps: number;
  warmup: number;
  operations: Record<Operation, OperationCost>;
}

export interface OverheadOptions extends MeasureOptions {
  /** Extra settings of the SDK side's client (experiments; the benchmark uses the SDK defaults). */
  sdkClient?: Partial<RedshiftClientConfig>;
}

/** What an operation of a side keeps for the next one (the ID create returned). */
export interface CycleState {
  id?: string;
}

/**
 * One way of making the three calls on one resource: through a provider or directly with the SDK.
 * Each operation leaves the emulator as the other side expects it (create → read → delete).
 */
export type Side<P> = Record<Operation, (plan: P, state: CycleState) => Promise<unknown>>;

export interface SidePair<P> {
  provider: Side<P>;
  sdk: Side<P>;
}

function providerSide(emulator: Emulator): Side<AssociationPlan> {
  const provider = createProvider({
    endpoint: emulator.endpoint,
    stsEndpoint: emulator.endpoint,
    region: BENCH_REGION,
    credentials: emulator.credentials("consumer"),
    env: {},
  });
  return {
    create: async (plan, state) => {
      state.id = (
        await provider.create({ dataShareArn: plan.dataShareArn, consumerArn: plan.consumerArn })
      ).id;
    },
    read: (_plan, state) => provider.read(state.id ?? "", {}),
    delete: (_plan, state) => provider.delete(state.id ?? "", {}),
  };
}

function sdkSide(direct: DirectCalls): Side<AssociationPlan> {
  return {
    create: (plan) => direct.associate(plan),
    read: (plan) => direct.describe(plan),
    delete: (plan) => direct.disassociate(plan),
  };
}

interface Samples {
  ms: number[];
  calls: Record<string, number>;
}

function emptySamples(): Record<Operation, Samples> {
  return { create: { ms: [], calls: {} }, read: { ms: [], calls: {} }, delete: { ms: [], calls: {} } };
}

/** One create → read → delete cycle of one side, each operation timed and its requests counted. */
async function cycle<P>(emulator: Emulator, side: Side<P>, plan: P, into?: Record<Operation, Samples>) {
  const state: CycleState = {};
  for (const op of OPERATIONS) {
    const before = emulator.requestCounts();
    const start = nowMs();
    await side[op](plan, state);
    const ms = nowMs() - start;
    if (!into) continue;
    into[op].ms.push(ms);
    for (const [name, n] of Object.entries(countsDelta(before, emulator.requestCounts()))) {
      into[op].calls[name] = (into[op].calls[name] ?? 0) + n;
    }
  }
}

function perOperation(calls: Record<string, number>, reps: number): Record<string, number> {
  return Object.fromEntries(Object.entries(calls).map(([name, n]) => [name, n / reps]));
}

export interface MeasureOptions {
  emulator: Emulator;
  reps: number;
  warmup: number;
  /** Run one side only (for profiling it alone). */
  only?: "provider" | "sdk";
}

/**
 * The measuring loop both resources share: warm-up cycles of each side, then repetitions that
 * alternate the sides on the same resource, the order flipped every repetition; medians.
 */
export async function measureSides<P>(
  sides: SidePair<P>,
  plan: P,
  options: MeasureOptions,
): Promise<OverheadResult> {
  const { emulator, reps, warmup } = options;
  const both = ["provider", "sdk"] as const;
  const names = options.only ? [options.only] : both;
  for (let i = 0; i < warmup; i++) {
    for (const name of names) await cycle(emulator, sides[name], plan);
  }
  const samples = { provider: emptySamples(), sdk: emptySamples() };
  for (let i = 0; i < reps; i++) {
    const order = i % 2 === 0 ? names : [...names].reverse();
    for (const name of order) await cycle(emulator, sides[name], plan, samples[name]);
  }
  const operations = {} as Record<Operation, OperationCost>;
  for (const op of OPERATIONS) {
    const providerMs = median(samples.provider[op].ms);
    const sdkMs = median(samples.sdk[op].ms);
    const providerCalls = perOperation(samples.provider[op].calls, reps);
    const sdkCalls = perOperation(samples.sdk[op].calls, reps);
    operations[op] = {
      providerMs,
      sdkMs,
      ratio: providerMs / sdkMs,
      providerCalls,
      sdkCalls,
      providerCallsPerOp: sumCounts(providerCalls),
      sdkCallsPerOp: sumCounts(sdkCalls),
    };
  }
  return { reps, warmup, operations };
}

/** DataShareConsumer: one namespace association, the consumer account's credentials. */
export async function measureProviderOverhead(options: OverheadOptions): Promise<OverheadResult> {
  const { emulator } = options;
  const [plan] = planAssociations(emulator, 1, 1);
  const sides = {
    provider: providerSide(emulator),
    sdk: sdkSide(
      createDirectCalls(emulator.endpoint, BENCH_REGION, emulator.credentials("consumer"), options.sdkClient),
    ),
  };
  return measureSides(sides, plan, options);
}
