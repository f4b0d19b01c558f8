/**
 * The scale part (`npm run bench -- --only scale`): its table (bench/README.md) and its short
 * summary (README.md, below the main part's), from scaleSummary.ts's figures.
 */
import { bytes, Cell, mib, ms, pct, s, target, targetsLine, x } from "./format";
import { FLOOR, OURS, Step, STEP_LABEL } from "./kinds";
import type { ProcessRole } from "./processSampler";
import type { Part, Report } from "./report";
import { measureScale, ScaleMeasurements, ScaleScenario, scalePlan } from "./scaleRun";
import { COMPARED_STEPS, cpuGrowth, MarginalGrowth, ScaleSummary, summarizeScale } from "./scaleSummary";
import { describeCalls, findSize, Size } from "./sizes";

type ScaleReport = Report<ScaleScenario, ScaleMeasurements, ScaleSummary>;
type Figures = Pick<ScaleReport, "plan" | "measurements"> & { summary: ScaleSummary };

const ROLES: ProcessRole[] = ["engine", "program", "provider host", "language host", "other"];
const growthPct = (v: number) => pct(v, "n/a (first marginal ≤ 0)");

function cpuCell(size: Size, step: Step): string {
  const byRole = size.cpuMsByRole[step] ?? {};
  const parts = ROLES.filter((role) => (byRole[role] ?? 0) > 0).map(
    (role) => `${role} ${s(byRole[role] ?? 0)}`,
  );
  return [...parts, `emulator ${s(size.emulatorCpuMs[step] ?? 0)}`].join(", ");
}

function largestRows({ plan, summary }: Figures): Cell[][] {
  const { n } = summary;
  const label = `N=${n}, ${plan.latencyMs} ms a call:`;
  const [ours, floor] = [findSize(summary.sizes, OURS, n), findSize(summary.sizes, FLOOR, n)];
  const rows: Cell[][] = summary.comparisons.map((c) => [
    `${label} ${STEP_LABEL[c.step]}`,
    s(c.oursMs),
    s(c.floorMs),
    x(c.ratio),
    `${s(c.oursEmulatorCpuMs)} / ${s(c.floorEmulatorCpuMs)}`,
    x(c.adjustedRatio),
    target(
      "≤ 1.10×",
      `scale: pulumi ${c.step} / floor at N=${n} (emulator CPU out)`,
      c.adjustedRatio,
      1.1,
      "×",
    ),
  ]);
  for (const step of COMPARED_STEPS)
    rows.push([`${label} ${STEP_LABEL[step]}, CPU by process`, cpuCell(ours, step), cpuCell(floor, step)]);
  const { drift: d, memory, statePerResource: st } = summary;
  rows.push(
    [
      `${label} drift command against ${STEP_LABEL.preview} (same stack)`,
      s(d.driftMs),
      `preview ${s(d.previewMs)}`,
      x(d.ratio),
    ],
    [
      `${label} provider host peak RSS (VmHWM, largest of the steps)`,
      mib(memory.oursKiB),
      mib(memory.floorKiB),
      x(memory.oursKiB / memory.floorKiB),
    ],
    [
      `${label} state file per resource (total / ${n})`,
      bytes(st.ours),
      bytes(st.floor),
      x(st.ours / st.floor),
    ],
  );
  return rows;
}

function growthRows(growth: MarginalGrowth[], steps: Step[], prefix: string, withTargets: boolean): Cell[][] {
  return steps.flatMap((step) => {
    const [ours, floor] = [OURS, FLOOR].map((kind) => growth.find((g) => g.step === step && g.kind === kind));
    if (!ours || !floor) return [];
    const span = (r: number[]) => `((t(${r[1]}) − t(${r[0]})) / ${r[1] - r[0]})`;
    const measure = `${prefix}pulumi ${step}, marginal per resource`;
    const name = `scale: pulumi ${step} marginal per resource, growth`;
    const goal = withTargets ? [target("≤ +10 %", name, ours.growth, 0.1, "%")] : [];
    const [a, b, c, d] = [ours.firstMs, floor.firstMs, ours.lastMs, floor.lastMs];
    return [
      [`${measure} ${span(ours.first)}`, ms(a), ms(b), x(a / b)],
      [`${measure} ${span(ours.last)}`, ms(c), ms(d), x(c / d)],
      [
        `${prefix}pulumi ${step}, growth of the marginal cost`,
        growthPct(ours.growth),
        growthPct(floor.growth),
        ...goal,
      ],
    ];
  });
}

function cpuGrowthRows(
  summary: ScaleSummary,
  cpu: ReturnType<typeof cpuGrowth>,
  steps: Step[],
  prefix: string,
): Cell[][] {
  const cell = (step: Step, kind: string) =>
    cpu
      .filter((g) => g.step === step && g.kind === kind && (g.firstMs !== 0 || g.lastMs !== 0))
      .map((g) => `${g.source} ${g.firstMs.toFixed(1)} → ${g.lastMs.toFixed(1)} ms`)
      .join(", ");
  const [first, last] = [summary.growth[0].first, summary.growth[0].last];
  const spans = `N ${first[0]}→${first[1]} → N ${last[0]}→${last[1]}`;
  return steps.map((step) => [
    `${prefix}pulumi ${step}, marginal CPU time per resource by process (${spans})`,
    cell(step, OURS),
    cell(step, FLOOR),
  ]);
}

/** `up` and `destroy` with the engine writing state once: what remains of the growth without its per-step checkpoint. */
function checkpointRows({ summary }: Figures): Cell[][] {
  const skipped = summary.checkpointsSkipped;
  if (skipped === undefined) return [];
  const prefix = "PULUMI_SKIP_CHECKPOINTS=true: ";
  const n = summary.n;
  const rows: Cell[][] = [];
  for (const step of ["up", "destroy"] as const) {
    const ours = skipped.sizes.find((z) => z.kind === OURS && z.n === n);
    const floor = skipped.sizes.find((z) => z.kind === FLOOR && z.n === n);
    const checkpointed = summary.comparisons.find((c) => c.step === step);
    if (!ours || !floor) continue;
    const [o, f] = [ours.ms[step] ?? Number.NaN, floor.ms[step] ?? Number.NaN];
    rows.push([`${prefix}N=${n}: ${STEP_LABEL[step]}`, s(o), s(f), x(o / f)]);
    if (checkpointed)
      rows.push([
        `${prefix}N=${n}: ${STEP_LABEL[step]}, time saved against the checkpointed run above`,
        `${s(checkpointed.oursMs - o)} of ${s(checkpointed.oursMs)}`,
        `${s(checkpointed.floorMs - f)} of ${s(checkpointed.floorMs)}`,
      ]);
  }
  rows.push(...growthRows(skipped.growth, ["up", "destroy"], prefix, false));
  rows.push(
    ...cpuGrowthRows({ ...summary, growth: skipped.growth }, skipped.cpuGrowth, ["up", "destroy"], prefix),
  );
  return rows;
}

function rateLimitRows({ plan, summary }: Figures): Cell[][] {
  const { ratePerSecond, burst } = plan.rateLimit;
  const label = `${ratePerSecond}/s burst ${burst}, N=${summary.n}, K=${plan.dataShares}:`;
  const unlimitedLabel = `without the rate limit (${plan.latencyMs} ms a call only, same N)`;
  const floorMs = (summary.n / ratePerSecond) * 1000;
  const rows = summary.rateLimited.flatMap((r): Cell[][] => {
    const [writes, step] = [r.acceptedPerSecond, r.step];
    const vsFloor = writes === undefined ? [] : [`N ÷ rate ${s(floorMs)}`, x(r.ms / floorMs)];
    const rows: Cell[][] = [
      [`${label} ${STEP_LABEL[step]} (${describeCalls(r.calls)})`, s(r.ms), ...vsFloor],
    ];
    const unpaced = summary.rateLimitedCheckpointsSkipped?.find((u) => u.step === step);
    const unlimited = summary.unlimited.find((u) => u.step === step);
    if (writes !== undefined) {
      const name = `scale, rate limit: pulumi ${step} accepted/s ÷ limit`;
      const goal = target("≥ 0.80×", name, writes / ratePerSecond, 0.8, "×", true);
      const perSecond = (v: number) => [`${v.toFixed(2)}/s`, `${ratePerSecond}/s`, x(v / ratePerSecond)];
      rows.push([`${label} ${step}, accepted per second`, ...perSecond(writes), goal]);
      if (unpaced?.acceptedPerSecond !== undefined) {
        const what = `(${unpaced.rateLimited} rate-limited, ${unpaced.failedOps} failed)`;
        const measure = `${label} ${step} with PULUMI_SKIP_CHECKPOINTS=true (the engine's checkpoint out of the pace), accepted per second ${what}`;
        rows.push([measure, ...perSecond(unpaced.acceptedPerSecond)]);
      }
      if (unlimited?.acceptedPerSecond !== undefined)
        rows.push([
          `${step} ${unlimitedLabel}, accepted per second`,
          `${unlimited.acceptedPerSecond.toFixed(2)}/s`,
        ]);
    }
    if (step !== "refresh") return rows;
    const name = "scale, rate limit: pulumi refresh DescribeDataShares per datashare";
    // "About one DescribeDataShares per datashare" in a refresh.
    const goal = target("≤ 1.2", name, r.describesPerDataShare, 1.2, "calls");
    const measure = `${label} refresh, DescribeDataShares per datashare (rate-limited answers: ${r.rateLimited})`;
    return [
      ...rows,
      [measure, r.describesPerDataShare.toFixed(2), goal],
      [
        `refresh ${unlimitedLabel}, DescribeDataShares per datashare`,
        unlimited?.describesPerDataShare.toFixed(2) ?? "",
      ],
    ];
  });
  const failed = summary.rateLimited.reduce((sum, r) => sum + r.failedOps + (r.exitCode === 0 ? 0 : 1), 0);
  const goal = target("0", "scale, rate limit: failed steps and resources", failed, 0, "failures");
  return [...rows, [`${label} failed steps and resources`, String(failed), goal]];
}

function problemRows({ summary }: Figures): Cell[][] {
  return [OURS, FLOOR].map((kind) => {
    const problems = summary.sizes.filter((z) => z.kind === kind).flatMap((z) => z.problems).length;
    const goal = target("0", `scale: ${kind} steps failed or found changes`, problems, 0, "steps");
    return [`${kind} steps failed or found changes`, String(problems), goal];
  });
}

function smallerRows({ plan, summary }: Figures): Cell[][] {
  return plan.sizes
    .filter((z) => z.n !== summary.n)
    .flatMap(({ n }) => {
      const [ours, floor] = [findSize(summary.sizes, OURS, n), findSize(summary.sizes, FLOOR, n)];
      return COMPARED_STEPS.map((step) => {
        const [o, f] = [ours.ms[step] ?? Number.NaN, floor.ms[step] ?? Number.NaN];
        return [`N=${n} (median of ${ours.reps}): ${STEP_LABEL[step]}`, s(o), s(f), x(o / f)];
      });
    });
}

const STEP_NAMES: Record<string, string> = {
  up: "`up`",
  preview: "`preview --refresh --expect-no-changes`",
  refresh: "`refresh`",
  change: "a one-resource change",
  destroy: "`destroy`",
};

function brief({ date, durationS, load, plan, summary: sm }: ScaleReport): string {
  const { ratePerSecond, burst } = plan.rateLimit;
  const steps = sm.comparisons.map((c) => `${STEP_NAMES[c.step]} ${s(c.oursMs)} (${x(c.adjustedRatio)})`);
  const rate = (step: Step) => {
    const of = (list?: typeof sm.unlimited) => list?.find((e) => e.step === step)?.acceptedPerSecond;
    const [limited, free, skipped] = [
      of(sm.rateLimited),
      of(sm.unlimited),
      of(sm.rateLimitedCheckpointsSkipped),
    ];
    if (limited === undefined) return "n/a";
    const without = free === undefined ? "" : `; ${free.toFixed(2)}/s without the limit`;
    const unpaced =
      skipped === undefined ? "" : `; ${x(skipped / ratePerSecond)} with \`PULUMI_SKIP_CHECKPOINTS=true\``;
    return `${limited.toFixed(2)}/s (${x(limited / ratePerSecond)} the limit${without}${unpaced})`;
  };
  const failed = sm.targets.find((t) => t.name.startsWith("scale, rate limit: failed"));
  const describes = sm.rateLimited.find((e) => e.step === "refresh")?.describesPerDataShare.toFixed(2) ?? "?";
  const part = (list: MarginalGrowth[], step: Step) => {
    const [ours, floor] = [OURS, FLOOR].map((kind) => list.find((g) => g.step === step && g.kind === kind));
    return (
      ours &&
      `\`${step}\` ${ms(ours.firstMs)} → ${ms(ours.lastMs)} (${pct(ours.growth)}; floor ${pct(floor?.growth ?? Number.NaN)})`
    );
  };
  const g = sm.growth[0];
  const without = sm.checkpointsSkipped && part(sm.checkpointsSkipped.growth, "up");
  const { memory, statePerResource: st, drift } = sm;
  return [
    `Latest scale run: ${date.slice(0, 10)}, ${Math.round(durationS)} s (load average median ${load.median.toFixed(2)}): ` +
      `N = ${sm.n} associations over ${plan.dataShares} datashares, ${plan.latencyMs} ms a call.`,
    "",
    `- Against the same-properties no-op floor (emulator CPU out): ${steps.join(", ")}.`,
    `- Rate limit ${ratePerSecond} calls/s (burst ${burst}): ${failed?.measured ?? "?"} failures; \`up\` ${rate("up")}, ` +
      `\`destroy\` ${rate("destroy")}; \`refresh\` ${describes} \`DescribeDataShares\` per datashare.`,
    `- Marginal cost per resource, N ${g.first[0]}→${g.first[1]} against ${g.last[0]}→${g.last[1]}: ` +
      `${[part(sm.growth, "up"), part(sm.growth, "refresh")].filter(Boolean).join(", ")}` +
      (without ? `; with \`PULUMI_SKIP_CHECKPOINTS=true\` ${without}.` : "."),
    `- Provider host peak RSS ${mib(memory.oursKiB)} (floor ${mib(memory.floorKiB)}); state ${bytes(st.ours)} a resource ` +
      `(floor ${bytes(st.floor)}); the \`drift\` command ${s(drift.driftMs)} against \`preview --refresh --expect-no-changes\` ${s(drift.previewMs)}.`,
    "",
    targetsLine("Scale targets", sm.targets) + " bench/README.md says where the time goes.",
  ].join("\n");
}

export const scalePart: Part<ScaleScenario, ScaleMeasurements, ScaleSummary> = {
  plan: scalePlan,
  measure: measureScale,
  summarize: summarizeScale,
  title: (plan) =>
    `Scale: N = ${plan.sizes.map((z) => z.n).join(", ")} associations over K = ${plan.dataShares} datashares, ` +
    `${plan.latencyMs} ms a call, default settings.`,
  header: [
    "Measure (scale)",
    "DataShareConsumer",
    "Floor (no-op, same properties)",
    "Ratio",
    "Emulator CPU (ours / floor)",
    "Ratio, emulator CPU out",
    "Target",
    "Result",
  ],
  rows: (r) => [
    ...largestRows(r),
    ...growthRows(r.summary.growth, ["up", "refresh"], "", true),
    ...cpuGrowthRows(r.summary, r.summary.cpuGrowth, ["up", "refresh", "destroy"], ""),
    ...checkpointRows(r),
    ...problemRows(r),
    ...rateLimitRows(r),
    ...smallerRows(r),
  ],
  brief,
};
