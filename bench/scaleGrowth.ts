/**
 * How the cost per resource changes with N: the marginal wall time per resource over the first and
 * the last interval of sizes, and the same for the CPU time of each process, so that growth in the
 * engine is told apart from growth in the provider host. Pure.
 */
import type { ResourceKind } from "./benchStack";
import type { ScaleStep } from "./scaleRun";
import type { ScaleSize } from "./scaleSummary";
import { marginal } from "./stats";

export const GROWTH_STEPS = ["up", "refresh"] as const;

export interface MarginalGrowth {
  step: (typeof GROWTH_STEPS)[number] | "destroy";
  kind: ResourceKind;
  /** [low, high] sizes of the first and the last interval. */
  first: [number, number];
  last: [number, number];
  firstMs: number;
  lastMs: number;
  /** lastMs / firstMs − 1. */
  growth: number;
}

/** Marginal cost per resource over the first and the last interval of the sizes, and its growth. */
export function marginalGrowth(
  step: MarginalGrowth["step"],
  kind: ResourceKind,
  points: { n: number; ms: number }[],
): MarginalGrowth {
  if (points.length < 3) throw new Error(`marginal growth needs three sizes, got ${points.length}`);
  const p = [...points].sort((a, b) => a.n - b.n);
  const [a, b, c, d] = [p[0], p[1], p[p.length - 2], p[p.length - 1]];
  const firstMs = marginal(a, b);
  const lastMs = marginal(c, d);
  // A first marginal at or below zero is noise (a run slower at the smaller N): no growth to speak of.
  const growth = firstMs > 0 ? lastMs / firstMs - 1 : Number.NaN;
  return { step, kind, first: [a.n, b.n], last: [c.n, d.n], firstMs, lastMs, growth };
}

export type CpuSource = "engine" | "program" | "provider host" | "emulator";
const CPU_SOURCES: CpuSource[] = ["engine", "program", "provider host", "emulator"];

export interface CpuGrowth {
  step: (typeof GROWTH_STEPS)[number] | "destroy";
  kind: ResourceKind;
  source: CpuSource;
  firstMs: number;
  lastMs: number;
}

function cpuOf(size: ScaleSize, step: ScaleStep, source: CpuSource): number {
  return source === "emulator" ? (size.emulatorCpuMs[step] ?? 0) : (size.cpuMsByRole[step]?.[source] ?? 0);
}

/** Marginal CPU time per resource by process over the first and the last interval of sizes. */
export function cpuGrowth(step: CpuGrowth["step"], kind: ResourceKind, sizes: ScaleSize[]): CpuGrowth[] {
  const mine = sizes.filter((z) => z.kind === kind).sort((a, b) => a.n - b.n);
  if (mine.length < 3) return [];
  const [a, b, c, d] = [mine[0], mine[1], mine[mine.length - 2], mine[mine.length - 1]];
  return CPU_SOURCES.map((source) => ({
    step,
    kind,
    source,
    firstMs: marginal({ n: a.n, ms: cpuOf(a, step, source) }, { n: b.n, ms: cpuOf(b, step, source) }),
    lastMs: marginal({ n: c.n, ms: cpuOf(c, step, source) }, { n: d.n, ms: cpuOf(d, step, source) }),
  }));
}
