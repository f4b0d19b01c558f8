/**
 * Engine scale: wall time of `pulumi up`, `pulumi refresh` and `pulumi destroy` of N resources,
 * DataShareConsumer against the no-op dynamic resource, in the same run; plus what each leaves in
 * state and the API calls refresh makes. Each (N, kind) gets a fresh stack, so every operation
 * starts a fresh CLI and provider host, as a user's would.
 */
import type { Emulator } from "../emulator";
import {
  createBenchStack,
  ResourceKind,
  serializedProviders,
  stateFileBytes,
  TYPE_TOKENS,
} from "./benchStack";
import { consumerEnv, planAssociations } from "./seed";
import { countsDelta, timeMs } from "./stats";

export interface EngineRun {
  kind: ResourceKind;
  n: number;
  upMs: number;
  refreshMs: number;
  destroyMs: number;
  /** Checkpoint file bytes after `up`. */
  stateBytes: number;
  /** Mean length of the `__provider` input per resource. */
  providerBytes: number;
  /** Emulator requests during `up`, `refresh` and `destroy`, by operation. */
  upCalls: Record<string, number>;
  refreshCalls: Record<string, number>;
  destroyCalls: Record<string, number>;
}

export interface EngineScaleOptions {
  emulator: Emulator;
  sizes: number[];
  kinds: ResourceKind[];
  /** Repetitions of every (N, kind); the summary takes medians. */
  reps: number;
  /** Untimed N=1 runs of each kind first (CLI and disk caches). */
  warmup: boolean;
  /** Datashares the N associations are spread over. */
  dataShares: number;
  log?: (line: string) => void;
}

export async function measureEngineScale(options: EngineScaleOptions): Promise<EngineRun[]> {
  const { emulator, dataShares } = options;
  if (options.warmup) for (const kind of options.kinds) await runOnce(emulator, kind, 1, dataShares);
  const runs: EngineRun[] = [];
  let flip = false;
  for (let rep = 0; rep < options.reps; rep++) {
    for (const n of options.sizes) {
      // Alternate which kind goes first, so a slow spell of the machine does not land on one side.
      const kinds = flip ? [...options.kinds].reverse() : options.kinds;
      flip = !flip;
      for (const kind of kinds) {
        const run = await runOnce(emulator, kind, n, dataShares);
        options.log?.(
          `engine ${kind} N=${n}: up ${run.upMs.toFixed(0)} ms, refresh ${run.refreshMs.toFixed(0)} ms, destroy ${run.destroyMs.toFixed(0)} ms`,
        );
        runs.push(run);
      }
    }
  }
  return runs;
}

export async function runOnce(
  emulator: Emulator,
  kind: ResourceKind,
  n: number,
  dataShares: number,
): Promise<EngineRun> {
  const plans = planAssociations(emulator, n, dataShares);
  const t = await createBenchStack(kind, plans, consumerEnv(emulator));
  try {
    const measure = async <T>(step: () => Promise<T>) => {
      const before = emulator.requestCounts();
      const { ms } = await timeMs(step);
      return { ms, calls: countsDelta(before, emulator.requestCounts()) };
    };
    const up = await measure(() => t.stack.up());
    const stateBytes = stateFileBytes(t);
    const providers = await serializedProviders(t, TYPE_TOKENS[kind]);
    if (providers.length !== n)
      throw new Error(`expected ${n} ${kind} resources in state, found ${providers.length}`);
    const refresh = await measure(() => t.stack.refresh());
    const destroy = await measure(() => t.stack.destroy());
    return {
      kind,
      n,
      upMs: up.ms,
      refreshMs: refresh.ms,
      destroyMs: destroy.ms,
      stateBytes,
      providerBytes: providers.reduce((sum, p) => sum + p.length, 0) / n,
      upCalls: up.calls,
      refreshCalls: refresh.calls,
      destroyCalls: destroy.calls,
    };
  } finally {
    await t.dispose();
  }
}
