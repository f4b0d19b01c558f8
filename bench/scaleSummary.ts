/**
 * The scale scenario's figures from its runs. Pure. Medians per (kind, N); at the largest N each
 * step against the floor, raw and with the emulator's CPU taken out of both sides; the marginal
 * cost per resource over the first and the last interval of sizes, and how much it grew; memory,
 * state, the drift command; the rate-limited run; the targets.
 */
import type { OperationCounts } from "../emulator";
import type { ResourceKind } from "./benchStack";
import { total } from "./engineScale";
import type { ProcessRole } from "./processSampler";
import type { ScaleMeasurements, ScaleScenario } from "./scaleScenario";
import type { ScaleRun, ScaleStep } from "./scaleRun";
import { cpuGrowth, CpuGrowth, GROWTH_STEPS, marginalGrowth, MarginalGrowth } from "./scaleGrowth";
import { median } from "./stats";
import type { TargetCheck } from "./summary";

/** The steps both kinds run (drift reads DataShareConsumer resources only). */
export const COMPARED_STEPS = ["up", "preview", "refresh", "change", "destroy"] as const;
export type ComparedStep = (typeof COMPARED_STEPS)[number];

export const SCALE_RATIO_LIMIT = 1.1;
export const MARGINAL_GROWTH_LIMIT = 0.1;
export const RATE_SHARE_LIMIT = 0.8;
/** "About one DescribeDataShares per datashare" in a refresh. */
export const DESCRIBES_PER_DATASHARE_LIMIT = 1.2;

const OURS: ResourceKind = "DataShareConsumer";
const FLOOR: ResourceKind = "no-op, same properties";

export interface ScaleSize {
  kind: ResourceKind;
  n: number;
  reps: number;
  ms: Partial<Record<ScaleStep, number>>;
  emulatorCpuMs: Partial<Record<ScaleStep, number>>;
  /** CPU time by process role, per step (medians). */
  cpuMsByRole: Partial<Record<ScaleStep, Partial<Record<ProcessRole, number>>>>;
  /** Steps that exited non-zero or had failed resources, as "step: exit 1, 2 failed". */
  problems: string[];
  stateBytes: number;
  /** The provider host's largest VmHWM over the steps (median over the repetitions), KiB. */
  hostPeakRssKiB: number;
}

export interface StepComparison {
  step: ComparedStep;
  oursMs: number;
  floorMs: number;
  ratio: number;
  oursEmulatorCpuMs: number;
  floorEmulatorCpuMs: number;
  /** (ours − its emulator CPU) / (floor − its emulator CPU): the emulator's cost counted fully against it. */
  adjustedRatio: number;
}

export interface RateLimitedStep {
  step: ScaleStep;
  ms: number;
  exitCode: number;
  failedOps: number;
  calls: Record<string, OperationCounts>;
  rateLimited: number;
  /** The step's own write (Associate for up, Disassociate for destroy) accepted per second of wall time. */
  acceptedPerSecond?: number;
  /** DescribeDataShares accepted per datashare of the stack. */
  describesPerDataShare: number;
}

export interface ScaleSummary {
  n: number;
  sizes: ScaleSize[];
  comparisons: StepComparison[];
  growth: MarginalGrowth[];
  /** The same marginals for the CPU time of each process (and the emulator), to tell where growth is. */
  cpuGrowth: CpuGrowth[];
  memory: { oursKiB: number; floorKiB: number };
  statePerResource: { ours: number; floor: number };
  drift: { driftMs: number; previewMs: number; ratio: number; exitCode: number };
  rateLimited: RateLimitedStep[];
  /** The same figures for DataShareConsumer's run at the largest N without the rate limit. */
  unlimited: RateLimitedStep[];
  /**
   * `up` and `destroy` again with PULUMI_SKIP_CHECKPOINTS=true: their marginal growth and CPU by
   * process, to show how much of the growth is the engine rewriting the checkpoint after every step.
   */
  checkpointsSkipped?: { sizes: ScaleSize[]; growth: MarginalGrowth[]; cpuGrowth: CpuGrowth[] };
  /** The rate-limited `up` and `destroy` with PULUMI_SKIP_CHECKPOINTS=true. */
  rateLimitedCheckpointsSkipped?: RateLimitedStep[];
  targets: TargetCheck[];
}

function target(name: string, measured: number, limit: number, unit: string, atMost = true): TargetCheck {
  return { name, measured, limit, unit, pass: atMost ? measured <= limit : measured >= limit };
}

function medianOf(runs: ScaleRun[], value: (r: ScaleRun) => number | undefined): number {
  return median(runs.map(value).filter((v): v is number => v !== undefined));
}

export function summarizeSizes(runs: ScaleRun[]): ScaleSize[] {
  const groups = new Map<string, ScaleRun[]>();
  for (const run of runs)
    groups.set(`${run.kind}/${run.n}`, [...(groups.get(`${run.kind}/${run.n}`) ?? []), run]);
  return [...groups.values()].map((group) => {
    const steps = [...new Set(group.flatMap((r) => Object.keys(r.steps) as ScaleStep[]))];
    const per = <T>(f: (step: ScaleStep) => T) => Object.fromEntries(steps.map((s) => [s, f(s)]));
    const roles = (step: ScaleStep) => [
      ...new Set(group.flatMap((r) => Object.keys(r.steps[step]?.processes ?? {}) as ProcessRole[])),
    ];
    return {
      kind: group[0].kind,
      n: group[0].n,
      reps: group.length,
      ms: per((s) => medianOf(group, (r) => r.steps[s]?.ms)),
      emulatorCpuMs: per((s) => medianOf(group, (r) => r.steps[s]?.emulatorCpuMs)),
      cpuMsByRole: per((s) =>
        Object.fromEntries(
          roles(s).map((role) => [role, medianOf(group, (r) => r.steps[s]?.processes[role]?.cpuMs ?? 0)]),
        ),
      ),
      problems: group.flatMap((r) =>
        Object.entries(r.steps)
          .filter(([, x]) => x.exitCode !== 0 || x.failedOps > 0)
          .map(([s, x]) => `${s}: exit ${x.exitCode}, ${x.failedOps} failed`),
      ),
      stateBytes: medianOf(group, (r) => r.stateBytes),
      hostPeakRssKiB: medianOf(group, (r) =>
        Math.max(0, ...Object.values(r.steps).map((x) => x.processes["provider host"]?.peakRssKiB ?? 0)),
      ),
    };
  });
}

export function findScaleSize(sizes: ScaleSize[], kind: ResourceKind, n: number): ScaleSize {
  const found = sizes.find((z) => z.kind === kind && z.n === n);
  if (!found) throw new Error(`no scale run of ${kind} at N=${n}`);
  return found;
}

export function compareStep(step: ComparedStep, ours: ScaleSize, floor: ScaleSize): StepComparison {
  const oursMs = ours.ms[step] ?? Number.NaN;
  const floorMs = floor.ms[step] ?? Number.NaN;
  const oursEmulatorCpuMs = ours.emulatorCpuMs[step] ?? 0;
  const floorEmulatorCpuMs = floor.emulatorCpuMs[step] ?? 0;
  return {
    step,
    oursMs,
    floorMs,
    ratio: oursMs / floorMs,
    oursEmulatorCpuMs,
    floorEmulatorCpuMs,
    adjustedRatio: (oursMs - oursEmulatorCpuMs) / (floorMs - floorEmulatorCpuMs),
  };
}

const STEP_WRITE: Partial<Record<ScaleStep, string>> = {
  up: "AssociateDataShareConsumer",
  destroy: "DisassociateDataShareConsumer",
};

export function rateLimitedSteps(run: ScaleRun): RateLimitedStep[] {
  return Object.entries(run.steps).map(([name, r]) => {
    const step = name as ScaleStep;
    const write = STEP_WRITE[step];
    return {
      step,
      ms: r.ms,
      exitCode: r.exitCode,
      failedOps: r.failedOps,
      calls: r.calls,
      rateLimited: total(r.calls, "rateLimited"),
      acceptedPerSecond: write === undefined ? undefined : (r.calls[write]?.accepted ?? 0) / (r.ms / 1000),
      describesPerDataShare: (r.calls.DescribeDataShares?.accepted ?? 0) / run.dataShares,
    };
  });
}

const SKIPPED_STEPS = ["up", "destroy"] as const;

function summarizeSkipped(runs: ScaleRun[]): ScaleSummary["checkpointsSkipped"] {
  const sizes = summarizeSizes(runs);
  const at = (kind: ResourceKind) => sizes.filter((z) => z.kind === kind);
  if (at(OURS).length < 3 || at(FLOOR).length < 3) return undefined;
  return {
    sizes,
    growth: SKIPPED_STEPS.flatMap((step) =>
      [OURS, FLOOR].map((kind) =>
        marginalGrowth(
          step,
          kind,
          at(kind).map((z) => ({ n: z.n, ms: z.ms[step] ?? Number.NaN })),
        ),
      ),
    ),
    cpuGrowth: SKIPPED_STEPS.flatMap((step) => [OURS, FLOOR].flatMap((kind) => cpuGrowth(step, kind, sizes))),
  };
}

export function summarizeScale(s: ScaleScenario, m: ScaleMeasurements): ScaleSummary {
  const sizes = summarizeSizes(m.runs);
  const n = Math.max(...s.sizes.map((z) => z.n));
  const ours = findScaleSize(sizes, OURS, n);
  const floor = findScaleSize(sizes, FLOOR, n);
  const comparisons = COMPARED_STEPS.map((step) => compareStep(step, ours, floor));
  const growth = GROWTH_STEPS.flatMap((step) =>
    [OURS, FLOOR].map((kind) =>
      marginalGrowth(
        step,
        kind,
        s.sizes.map(({ n: at }) => ({ n: at, ms: findScaleSize(sizes, kind, at).ms[step] ?? Number.NaN })),
      ),
    ),
  );
  const rateLimited = rateLimitedSteps(m.rateLimited);
  const { ratePerSecond } = s.rateLimit;

  const targets: TargetCheck[] = comparisons.map((c) =>
    target(
      `scale: pulumi ${c.step} / floor at N=${n} (emulator CPU out)`,
      c.adjustedRatio,
      SCALE_RATIO_LIMIT,
      "×",
    ),
  );
  for (const kind of [OURS, FLOOR]) {
    const problems = sizes.filter((z) => z.kind === kind).flatMap((z) => z.problems);
    targets.push(target(`scale: ${kind} steps failed or found changes`, problems.length, 0, "steps"));
  }
  for (const g of growth.filter((x) => x.kind === OURS)) {
    targets.push(
      target(`scale: pulumi ${g.step} marginal per resource, growth`, g.growth, MARGINAL_GROWTH_LIMIT, "×"),
    );
  }
  const failed = rateLimited.reduce((sum, r) => sum + r.failedOps + (r.exitCode === 0 ? 0 : 1), 0);
  targets.push(target("scale, rate limit: failed steps and resources", failed, 0, "failures"));
  for (const r of rateLimited.filter((x) => x.acceptedPerSecond !== undefined)) {
    targets.push(
      target(
        `scale, rate limit: pulumi ${r.step} accepted/s ÷ limit`,
        (r.acceptedPerSecond ?? 0) / ratePerSecond,
        RATE_SHARE_LIMIT,
        "×",
        false,
      ),
    );
  }
  const refresh = rateLimited.find((r) => r.step === "refresh");
  targets.push(
    target(
      "scale, rate limit: pulumi refresh DescribeDataShares per datashare",
      refresh?.describesPerDataShare ?? Number.NaN,
      DESCRIBES_PER_DATASHARE_LIMIT,
      "calls",
    ),
  );
  const driftMs = ours.ms.drift ?? Number.NaN;
  const previewMs = ours.ms.preview ?? Number.NaN;
  return {
    n,
    sizes,
    comparisons,
    growth,
    cpuGrowth: (["up", "refresh", "destroy"] as const).flatMap((step) =>
      [OURS, FLOOR].flatMap((kind) => cpuGrowth(step, kind, sizes)),
    ),
    memory: { oursKiB: ours.hostPeakRssKiB, floorKiB: floor.hostPeakRssKiB },
    statePerResource: { ours: ours.stateBytes / n, floor: floor.stateBytes / n },
    drift: {
      driftMs,
      previewMs,
      ratio: driftMs / previewMs,
      exitCode: m.runs.find((r) => r.kind === OURS && r.n === n)?.steps.drift?.exitCode ?? Number.NaN,
    },
    rateLimited,
    unlimited: rateLimitedSteps(m.runs.find((r) => r.kind === OURS && r.n === n)!),
    checkpointsSkipped: summarizeSkipped(m.checkpointsSkipped ?? []),
    ...(m.rateLimitedCheckpointsSkipped
      ? { rateLimitedCheckpointsSkipped: rateLimitedSteps(m.rateLimitedCheckpointsSkipped) }
      : {}),
    targets,
  };
}
