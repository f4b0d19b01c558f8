/**
 * From raw measurements to the figures the table shows: medians per engine size, per-resource
 * marginal costs, state bytes per resource, and the targets with PASS/MISS.
 */
import type { ResourceKind } from "./benchStack";
import type { ColdStartResult } from "./coldStart";
import type { EngineRun } from "./engineScale";
import type { OverheadResult } from "./providerOverhead";
import { OPERATIONS } from "./providerOverhead";
import type { RefreshBudget } from "./refreshBudget";
import { marginal, median } from "./stats";

export interface Measurements {
  overhead: OverheadResult;
  engine: EngineRun[];
  coldStart: ColdStartResult[];
  refreshBudget: RefreshBudget[];
}

export type EngineStep = "up" | "refresh" | "destroy";
export const ENGINE_STEPS: EngineStep[] = ["up", "refresh", "destroy"];

export interface EngineSize {
  kind: ResourceKind;
  n: number;
  reps: number;
  ms: Record<EngineStep, number>;
  stateBytes: number;
  providerBytes: number;
}

export interface KindPair {
  provider: number;
  floor: number;
  ratio: number;
}

export interface TargetCheck {
  name: string;
  measured: number;
  limit: number;
  unit: string;
  pass: boolean;
}

export interface Summary {
  engine: EngineSize[];
  /** Largest and smallest N the marginals are taken between. */
  marginalBetween: [number, number];
  marginalMs: Record<EngineStep, KindPair>;
  providerBytesPerResource: KindPair;
  stateBytesPerResource: KindPair;
  stateMarginalBytes: KindPair;
  targets: TargetCheck[];
}

export const PROVIDER_SDK_RATIO_LIMIT = 1.1;
export const UP_MARGINAL_RATIO_LIMIT = 1.25;
export const PROVIDER_BYTES_LIMIT = 4096;

function summarizeEngine(runs: EngineRun[]): EngineSize[] {
  const groups = new Map<string, EngineRun[]>();
  for (const run of runs) {
    const key = `${run.kind}/${run.n}`;
    groups.set(key, [...(groups.get(key) ?? []), run]);
  }
  return [...groups.values()].map((group) => ({
    kind: group[0].kind,
    n: group[0].n,
    reps: group.length,
    ms: {
      up: median(group.map((r) => r.upMs)),
      refresh: median(group.map((r) => r.refreshMs)),
      destroy: median(group.map((r) => r.destroyMs)),
    },
    stateBytes: median(group.map((r) => r.stateBytes)),
    providerBytes: median(group.map((r) => r.providerBytes)),
  }));
}

function pair(provider: number, floor: number): KindPair {
  return { provider, floor, ratio: provider / floor };
}

export function summarize(m: Measurements): Summary {
  const engine = summarizeEngine(m.engine);
  const sizes = [...new Set(engine.map((e) => e.n))].sort((a, b) => a - b);
  const small = sizes[0];
  const large = sizes[sizes.length - 1];
  const at = (kind: ResourceKind, n: number) => {
    const found = engine.find((e) => e.kind === kind && e.n === n);
    if (!found) throw new Error(`no engine run of ${kind} at N=${n}`);
    return found;
  };
  const marginalOf = (kind: ResourceKind, step: EngineStep) =>
    marginal({ n: small, ms: at(kind, small).ms[step] }, { n: large, ms: at(kind, large).ms[step] });
  const marginalMs = Object.fromEntries(
    ENGINE_STEPS.map((step) => [
      step,
      pair(marginalOf("DataShareConsumer", step), marginalOf("no-op", step)),
    ]),
  ) as Record<EngineStep, KindPair>;
  const bytesPerResource = (kind: ResourceKind) => at(kind, large).stateBytes / large;
  const stateMarginal = (kind: ResourceKind) =>
    (at(kind, large).stateBytes - at(kind, small).stateBytes) / (large - small);
  const providerBytes = pair(at("DataShareConsumer", large).providerBytes, at("no-op", large).providerBytes);

  const targets: TargetCheck[] = OPERATIONS.map((op) => ({
    name: `${op}: provider / SDK time`,
    measured: m.overhead.operations[op].ratio,
    limit: PROVIDER_SDK_RATIO_LIMIT,
    unit: "×",
    pass: m.overhead.operations[op].ratio <= PROVIDER_SDK_RATIO_LIMIT,
  }));
  // A direct DescribeDataShares of one datashare is one page, so the SDK side's count is the pages.
  const read = m.overhead.operations.read;
  targets.push({
    name: "read: API calls per page",
    measured: read.providerCallsPerOp / read.sdkCallsPerOp,
    limit: 1,
    unit: "calls",
    pass: read.providerCallsPerOp <= read.sdkCallsPerOp,
  });
  targets.push({
    name: `pulumi up: marginal cost / no-op at N=${large}`,
    measured: marginalMs.up.ratio,
    limit: UP_MARGINAL_RATIO_LIMIT,
    unit: "×",
    pass: marginalMs.up.ratio <= UP_MARGINAL_RATIO_LIMIT,
  });
  targets.push({
    name: "serialized provider per resource",
    measured: providerBytes.provider,
    limit: PROVIDER_BYTES_LIMIT,
    unit: "bytes",
    pass: providerBytes.provider <= PROVIDER_BYTES_LIMIT,
  });
  return {
    engine,
    marginalBetween: [small, large],
    marginalMs,
    providerBytesPerResource: providerBytes,
    stateBytesPerResource: pair(bytesPerResource("DataShareConsumer"), bytesPerResource("no-op")),
    stateMarginalBytes: pair(stateMarginal("DataShareConsumer"), stateMarginal("no-op")),
    targets,
  };
}
