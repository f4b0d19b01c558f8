/** The scale part's figures from its runs. Pure. */
import { FLOOR, Kind, OURS, Step } from "./kinds";
import type { ScaleMeasurements, ScaleScenario } from "./scaleRun";
import { findSize, rateLimitedSteps, Size, summarizeSizes } from "./sizes";
import { marginal } from "./stats";

/** The steps both kinds run (drift reads DataShareConsumer resources only). */
export const COMPARED_STEPS = ["up", "preview", "refresh", "change", "destroy"] as const;
export type ComparedStep = (typeof COMPARED_STEPS)[number];

export type CpuSource = "engine" | "program" | "provider host" | "emulator";
const CPU_SOURCES: CpuSource[] = ["engine", "program", "provider host", "emulator"];

/** The first two and the last two of at least three, ascending by N. */
function ends<T extends { n: number }>(points: T[]): [T, T, T, T] {
  const p = [...points].sort((a, b) => a.n - b.n);
  if (p.length < 3) throw new Error(`marginal growth needs three sizes, got ${p.length}`);
  return [p[0], p[1], p[p.length - 2], p[p.length - 1]];
}

/** Marginal cost per resource over the first and the last interval of the sizes, and its growth. */
export function marginalGrowth(step: Step, kind: Kind, points: { n: number; ms: number }[]) {
  const [a, b, c, d] = ends(points);
  const [firstMs, lastMs] = [marginal(a, b), marginal(c, d)];
  // A first marginal at or below zero is noise (a run slower at the smaller N): no growth to speak of.
  const growth = firstMs > 0 ? lastMs / firstMs - 1 : NaN;
  const first: [number, number] = [a.n, b.n];
  const last: [number, number] = [c.n, d.n];
  return { step, kind, first, last, firstMs, lastMs, growth };
}

export type MarginalGrowth = ReturnType<typeof marginalGrowth>;

const cpuOf = (z: Size, step: Step, source: CpuSource) =>
  source === "emulator" ? (z.emulatorCpuMs[step] ?? 0) : (z.cpuMsByRole[step]?.[source] ?? 0);

/** Marginal CPU time per resource by process over the first and the last interval of sizes. */
export function cpuGrowth(step: Step, kind: Kind, sizes: Size[]) {
  const [a, b, c, d] = ends(sizes.filter((z) => z.kind === kind));
  const at = (z: Size, source: CpuSource) => ({ n: z.n, ms: cpuOf(z, step, source) });
  return CPU_SOURCES.map((source) => ({
    step,
    kind,
    source,
    firstMs: marginal(at(a, source), at(b, source)),
    lastMs: marginal(at(c, source), at(d, source)),
  }));
}

/** Adjusted: (ours − its emulator CPU) / (floor − its emulator CPU), the emulator's cost counted fully against it. */
export function compareStep(step: ComparedStep, ours: Size, floor: Size) {
  const [oursMs, floorMs] = [ours.ms[step] ?? NaN, floor.ms[step] ?? NaN];
  const [oursEmulatorCpuMs, floorEmulatorCpuMs] = [ours, floor].map((z) => z.emulatorCpuMs[step] ?? 0);
  const adjustedRatio = (oursMs - oursEmulatorCpuMs) / (floorMs - floorEmulatorCpuMs);
  const emulator = { oursEmulatorCpuMs, floorEmulatorCpuMs, adjustedRatio };
  return { step, oursMs, floorMs, ratio: oursMs / floorMs, ...emulator };
}

/** Wall-time growth and CPU growth by process of `steps`, for both kinds. */
function growthOf(steps: Step[], sizes: Size[]) {
  const points = (step: Step, kind: Kind) =>
    sizes.filter((z) => z.kind === kind).map((z) => ({ n: z.n, ms: z.ms[step] ?? NaN }));
  const both = <T>(f: (step: Step, kind: Kind) => T) =>
    steps.flatMap((st) => [OURS, FLOOR].map((k) => f(st, k)));
  return {
    growth: both((step, kind) => marginalGrowth(step, kind, points(step, kind))),
    cpuGrowth: both((step, kind) => cpuGrowth(step, kind, sizes)).flat(),
  };
}

export function summarizeScale(s: ScaleScenario, m: ScaleMeasurements) {
  const sizes = summarizeSizes(m.runs);
  const n = Math.max(...s.sizes.map((z) => z.n));
  const [ours, floor] = [findSize(sizes, OURS, n), findSize(sizes, FLOOR, n)];
  const comparisons = COMPARED_STEPS.map((step) => compareStep(step, ours, floor));
  const { growth } = growthOf(["up", "refresh"], sizes);
  const rateLimited = rateLimitedSteps(m.rateLimited);
  const [driftMs, previewMs] = [ours.ms.drift ?? NaN, ours.ms.preview ?? NaN];
  const unlimitedRun = m.runs.find((r) => r.kind === OURS && r.n === n)!;
  // `up` and `destroy` with PULUMI_SKIP_CHECKPOINTS=true: how much of the growth is the engine's checkpoint.
  const skippedSizes = summarizeSizes(m.checkpointsSkipped);
  return {
    n,
    sizes,
    comparisons,
    growth,
    cpuGrowth: growthOf(["up", "refresh", "destroy"], sizes).cpuGrowth,
    memory: { oursKiB: ours.hostPeakRssKiB, floorKiB: floor.hostPeakRssKiB },
    statePerResource: { ours: ours.stateBytes / n, floor: floor.stateBytes / n },
    drift: {
      driftMs,
      previewMs,
      ratio: driftMs / previewMs,
      exitCode: unlimitedRun.steps.drift?.exitCode ?? NaN,
    },
    rateLimited,
    /** The same figures for DataShareConsumer's run at the largest N without the rate limit. */
    unlimited: rateLimitedSteps(unlimitedRun),
    checkpointsSkipped: { sizes: skippedSizes, ...growthOf(["up", "destroy"], skippedSizes) },
    rateLimitedCheckpointsSkipped: rateLimitedSteps(m.rateLimitedCheckpointsSkipped),
  };
}

export type ScaleSummary = ReturnType<typeof summarizeScale>;
