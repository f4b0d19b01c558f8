/**
 * Engine runs: `pulumi up`, `pulumi refresh` and `pulumi destroy` of N resources of one kind in a
 * user project, each a fresh CLI and provider host as a user's run would be, with what the
 * emulator saw during each command. Used by every engine scenario (no latency, latency, rate
 * limit, faults) and by the refresh budget.
 */
import * as fs from "node:fs";
import type { Emulator, OperationCounts } from "../emulator";
import {
  createBenchStack,
  ResourceKind,
  serializedProviders,
  stateFileBytes,
  StepRun,
  timeStep,
} from "./benchStack";
import { consumerEnv, planAssociations } from "./seed";

export type EngineStep = "up" | "refresh" | "destroy";
export const ENGINE_STEPS: EngineStep[] = ["up", "refresh", "destroy"];

export interface StepResult extends StepRun {
  /** What the emulator saw during the command, by operation (only operations that were called). */
  calls: Record<string, OperationCounts>;
}

export interface EngineRun {
  kind: ResourceKind;
  n: number;
  steps: Record<EngineStep, StepResult>;
  /** Checkpoint file bytes after `up`. */
  stateBytes: number;
  /** Mean length of the `__provider` input per resource. */
  providerBytes: number;
}

export interface EngineRunOptions {
  emulator: Emulator;
  kind: ResourceKind;
  n: number;
  /** Datashares the N associations are spread over. */
  dataShares: number;
  /** The no-op floors wait this long in create, read and delete (the emulator's modelled latency). */
  noopLatencyMs: number;
  /** Extra environment for the CLI and the provider host. */
  env?: Record<string, string>;
}

const ZERO: OperationCounts = { received: 0, accepted: 0, rateLimited: 0, throttled: 0, serverErrors: 0 };

export function operationDelta(
  before: Record<string, OperationCounts>,
  after: Record<string, OperationCounts>,
): Record<string, OperationCounts> {
  const delta: Record<string, OperationCounts> = {};
  for (const [op, counts] of Object.entries(after)) {
    const was = before[op] ?? ZERO;
    const d = Object.fromEntries(
      Object.entries(counts).map(([k, v]) => [k, v - was[k as keyof OperationCounts]]),
    ) as unknown as OperationCounts;
    if (d.received !== 0) delta[op] = d;
  }
  return delta;
}

export async function runOnce(options: EngineRunOptions): Promise<EngineRun> {
  const { emulator, kind, n } = options;
  const plans = planAssociations(emulator, n, options.dataShares);
  const env = {
    ...consumerEnv(emulator),
    BENCH_NOOP_LATENCY_MS: String(options.noopLatencyMs),
    ...options.env,
  };
  const t = await createBenchStack(kind, plans, env);
  let destroyed = false;
  try {
    const measure = async (step: EngineStep): Promise<StepResult> => {
      const before = emulator.operationCounts();
      const run = await timeStep(t, step);
      return { ...run, calls: operationDelta(before, emulator.operationCounts()) };
    };
    const up = await measure("up");
    const stateBytes = stateFileBytes(t);
    const providers = await serializedProviders(t);
    if (up.failedOps === 0 && providers.length !== n)
      throw new Error(`expected ${n} ${kind} resources in state, found ${providers.length}`);
    const refresh = await measure("refresh");
    const destroy = await measure("destroy");
    destroyed = destroy.exitCode === 0;
    return {
      kind,
      n,
      steps: { up, refresh, destroy },
      stateBytes,
      providerBytes: providers.reduce((sum, p) => sum + p.length, 0) / Math.max(1, providers.length),
    };
  } finally {
    // The state lives in the project folder: a destroyed stack needs no `pulumi destroy` again.
    if (destroyed) fs.rmSync(t.stack.projectDir, { recursive: true, force: true });
    else await t.stack.dispose();
  }
}

/** Sum of one counter over every operation. */
export function total(calls: Record<string, OperationCounts>, counter: keyof OperationCounts): number {
  return Object.values(calls).reduce((sum, c) => sum + c[counter], 0);
}
