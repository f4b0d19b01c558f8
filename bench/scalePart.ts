/** The scale part (`--only scale`): its table with the targets and its summary in docs/performance.md. */
import { bytes, Cell, mib, ms, pct, perSecond, s, target, targetsLine, vs, x } from "./format";
import { FLOOR, OURS, Step, STEP_LABEL } from "./kinds";
import type { ProcessRole } from "./processSampler";
import type { Figures, Part, Report } from "./report";
import { measureScale, ScaleMeasurements, ScaleScenario, scalePlan } from "./scaleRun";
import { COMPARED_STEPS, cpuGrowth, MarginalGrowth, ScaleSummary, summarizeScale } from "./scaleSummary";
import { describeCalls, findSize, Size } from "./sizes";

type Scale = Figures<ScaleScenario, ScaleMeasurements, ScaleSummary>;

const ROLES: ProcessRole[] = ["engine", "program", "provider host", "language host", "other"];
const growthPct = (v: number) => pct(v, "n/a (first marginal ≤ 0)");
const timeOf = (z: Size, step: Step) => z.ms[step] ?? NaN;

function cpuCell(size: Size, step: Step): string {
  const byRole = size.cpuMsByRole[step] ?? {};
  const used = ROLES.filter((role) => (byRole[role] ?? 0) > 0);
  const parts = used.map((role) => `${role} ${s(byRole[role] ?? 0)}`);
  return [...parts, `emulator ${s(size.emulatorCpuMs[step] ?? 0)}`].join(", ");
}

function largestRows({ plan, summary: sm }: Scale): Cell[][] {
  const label = `N=${sm.n}, ${plan.latencyMs} ms a call:`;
  const [ours, floor] = [findSize(sm.sizes, OURS, sm.n), findSize(sm.sizes, FLOOR, sm.n)];
  const rows: Cell[][] = sm.comparisons.map((c) => {
    const name = `scale: pulumi ${c.step} / floor at N=${sm.n} (emulator CPU out)`;
    const goal = target("≤ 1.10×", name, c.adjustedRatio, 1.1, "×");
    const adjusted = [`${s(c.oursEmulatorCpuMs)} / ${s(c.floorEmulatorCpuMs)}`, x(c.adjustedRatio)];
    return [...vs(`${label} ${STEP_LABEL[c.step]}`, c.oursMs, c.floorMs, s), ...adjusted, goal];
  });
  for (const step of COMPARED_STEPS)
    rows.push([`${label} ${STEP_LABEL[step]}, CPU by process`, cpuCell(ours, step), cpuCell(floor, step)]);
  const { drift: d, memory: m, statePerResource: st } = sm;
  const drift = `${label} drift command against ${STEP_LABEL.preview} (same stack)`;
  return [
    ...rows,
    [drift, s(d.driftMs), `preview ${s(d.previewMs)}`, x(d.ratio)],
    vs(`${label} provider host peak RSS (VmHWM, largest of the steps)`, m.oursKiB, m.floorKiB, mib),
    vs(`${label} state file per resource (total / ${sm.n})`, st.ours, st.floor, bytes),
  ];
}

function growthRows(growth: MarginalGrowth[], steps: Step[], prefix: string, withTargets: boolean): Cell[][] {
  return steps.flatMap((step) => {
    const [ours, floor] = [OURS, FLOOR].map((kind) => growth.find((g) => g.step === step && g.kind === kind));
    if (!ours || !floor) return [];
    const span = (r: number[]) => `((t(${r[1]}) − t(${r[0]})) / ${r[1] - r[0]})`;
    const measure = `${prefix}pulumi ${step}`;
    const name = `scale: pulumi ${step} marginal per resource, growth`;
    const goal = withTargets ? [target("≤ +10 %", name, ours.growth, 0.1, "%")] : [];
    return [
      vs(`${measure}, marginal per resource ${span(ours.first)}`, ours.firstMs, floor.firstMs, ms),
      vs(`${measure}, marginal per resource ${span(ours.last)}`, ours.lastMs, floor.lastMs, ms),
      [`${measure}, growth of the marginal cost`, growthPct(ours.growth), growthPct(floor.growth), ...goal],
    ];
  });
}

function cpuGrowthRows(sm: ScaleSummary, cpu: ReturnType<typeof cpuGrowth>, steps: Step[], prefix: string) {
  const cell = (step: Step, kind: string) =>
    cpu
      .filter((g) => g.step === step && g.kind === kind && (g.firstMs !== 0 || g.lastMs !== 0))
      .map((g) => `${g.source} ${g.firstMs.toFixed(1)} → ${g.lastMs.toFixed(1)} ms`)
      .join(", ");
  const [first, last] = [sm.growth[0].first, sm.growth[0].last];
  const spans = `N ${first[0]}→${first[1]} → N ${last[0]}→${last[1]}`;
  const measure = `marginal CPU time per resource by process (${spans})`;
  return steps.map((step) => [`${prefix}pulumi ${step}, ${measure}`, cell(step, OURS), cell(step, FLOOR)]);
}

/** `up` and `destroy` with the engine writing state once: what remains of the growth without its per-step checkpoint. */
function checkpointRows({ summary: sm }: Scale): Cell[][] {
  const skipped = sm.checkpointsSkipped;
  const [prefix, steps]: [string, Step[]] = ["PULUMI_SKIP_CHECKPOINTS=true: ", ["up", "destroy"]];
  const rows = steps.flatMap((step) => {
    const [ours, floor] = [OURS, FLOOR].map((k) => skipped.sizes.find((z) => z.kind === k && z.n === sm.n));
    const c = sm.comparisons.find((x) => x.step === step);
    if (!ours || !floor || !c) return [];
    const [o, f] = [timeOf(ours, step), timeOf(floor, step)];
    const label = `${prefix}N=${sm.n}: ${STEP_LABEL[step]}`;
    const saved = [`${s(c.oursMs - o)} of ${s(c.oursMs)}`, `${s(c.floorMs - f)} of ${s(c.floorMs)}`];
    return [vs(label, o, f, s), [`${label}, time saved against the checkpointed run above`, ...saved]];
  });
  const cpu = cpuGrowthRows({ ...sm, growth: skipped.growth }, skipped.cpuGrowth, steps, prefix);
  return [...rows, ...growthRows(skipped.growth, steps, prefix, false), ...cpu];
}

function rateLimitRows({ plan, summary: sm }: Scale): Cell[][] {
  const { ratePerSecond: rate, burst } = plan.rateLimit;
  const label = `${rate}/s burst ${burst}, N=${sm.n}, K=${plan.dataShares}:`;
  const unlimitedLabel = `without the rate limit (${plan.latencyMs} ms a call only, same N)`;
  const floorMs = (sm.n / rate) * 1000;
  const checkpointOut = "with PULUMI_SKIP_CHECKPOINTS=true (the engine's checkpoint out of the pace)";
  const rows = sm.rateLimited.flatMap(({ step, ms: t, calls, acceptedPerSecond: writes, ...r }): Cell[][] => {
    const rows: Cell[][] = [[`${label} ${STEP_LABEL[step]} (${describeCalls(calls)})`, s(t)]];
    const unpaced = sm.rateLimitedCheckpointsSkipped?.find((u) => u.step === step);
    const unlimited = sm.unlimited.find((u) => u.step === step);
    if (writes !== undefined) {
      rows[0].push(`N ÷ rate ${s(floorMs)}`, x(t / floorMs));
      const name = `scale, rate limit: pulumi ${step} accepted/s ÷ limit`;
      const goal = target("≥ 0.80×", name, writes / rate, 0.8, "×", true);
      rows.push([`${label} ${step}, accepted per second`, ...perSecond(writes, rate), goal]);
      const [skip, free] = [unpaced?.acceptedPerSecond, unlimited?.acceptedPerSecond];
      const what = `(${unpaced?.rateLimited} rate-limited, ${unpaced?.failedOps} failed)`;
      const skipLabel = `${label} ${step} ${checkpointOut}, accepted per second ${what}`;
      if (skip !== undefined) rows.push([skipLabel, ...perSecond(skip, rate)]);
      if (free !== undefined)
        rows.push([`${step} ${unlimitedLabel}, accepted per second`, `${free.toFixed(2)}/s`]);
    }
    if (step !== "refresh") return rows;
    // "About one DescribeDataShares per datashare" in a refresh.
    const name = "scale, rate limit: pulumi refresh DescribeDataShares per datashare";
    const goal = target("≤ 1.2", name, r.describesPerDataShare, 1.2, "calls");
    const measure = `${label} refresh, DescribeDataShares per datashare (rate-limited answers: ${r.rateLimited})`;
    const free = unlimited?.describesPerDataShare.toFixed(2) ?? "";
    rows.push([measure, r.describesPerDataShare.toFixed(2), goal]);
    return [...rows, [`refresh ${unlimitedLabel}, DescribeDataShares per datashare`, free]];
  });
  const failed = sm.rateLimited.reduce((sum, r) => sum + r.failedOps + (r.exitCode === 0 ? 0 : 1), 0);
  const goal = target("0", "scale, rate limit: failed steps and resources", failed, 0, "failures");
  return [...rows, [`${label} failed steps and resources`, String(failed), goal]];
}
function problemRows({ summary }: Scale): Cell[][] {
  return [OURS, FLOOR].map((kind) => {
    const problems = summary.sizes.filter((z) => z.kind === kind).flatMap((z) => z.problems).length;
    const goal = target("0", `scale: ${kind} steps failed or found changes`, problems, 0, "steps");
    return [`${kind} steps failed or found changes`, String(problems), goal];
  });
}

function smallerRows({ plan, summary: sm }: Scale): Cell[][] {
  return plan.sizes
    .filter((z) => z.n !== sm.n)
    .flatMap(({ n }) => {
      const [ours, floor] = [findSize(sm.sizes, OURS, n), findSize(sm.sizes, FLOOR, n)];
      const label = (step: Step) => `N=${n} (median of ${ours.reps}): ${STEP_LABEL[step]}`;
      return COMPARED_STEPS.map((step) => vs(label(step), timeOf(ours, step), timeOf(floor, step), s));
    });
}

/** "`up`", "`preview --refresh --expect-no-changes`", … "a one-resource change". */
const stepName = (step: Step) =>
  step === "change" ? "a one-resource change" : `\`${STEP_LABEL[step].slice(7)}\``;

function brief(r: Report<ScaleScenario, ScaleMeasurements, ScaleSummary>) {
  const { date, durationS, load, plan, summary: sm } = r;
  const { ratePerSecond: rate, burst } = plan.rateLimit;
  const steps = sm.comparisons.map((c) => `${stepName(c.step)} ${s(c.oursMs)} (${x(c.adjustedRatio)})`);
  const rateOf = (step: Step) => {
    const of = (list?: typeof sm.unlimited) => list?.find((e) => e.step === step)?.acceptedPerSecond;
    const [limited, free] = [of(sm.rateLimited), of(sm.unlimited)];
    const skipped = of(sm.rateLimitedCheckpointsSkipped);
    if (limited === undefined) return "n/a";
    const without = free === undefined ? "" : `; ${free.toFixed(2)}/s without the limit`;
    const unpaced = `; ${x((skipped ?? NaN) / rate)} with \`PULUMI_SKIP_CHECKPOINTS=true\``;
    return `${limited.toFixed(2)}/s (${x(limited / rate)} the limit${without}${unpaced})`;
  };
  const failed = sm.targets.find((t) => t.name.startsWith("scale, rate limit: failed"))?.measured;
  const describes = sm.rateLimited.find((e) => e.step === "refresh")?.describesPerDataShare.toFixed(2);
  const part = (list: MarginalGrowth[], step: Step) => {
    const [ours, floor] = [OURS, FLOOR].map((kind) => list.find((g) => g.step === step && g.kind === kind));
    const growth = `${pct(ours?.growth ?? NaN)}; floor ${pct(floor?.growth ?? NaN)}`;
    return ours && `\`${step}\` ${ms(ours.firstMs)} → ${ms(ours.lastMs)} (${growth})`;
  };
  const [g, skipped] = [sm.growth[0], part(sm.checkpointsSkipped.growth, "up")];
  const { memory: m, statePerResource: st, drift } = sm;
  return [
    `Latest scale run: ${date.slice(0, 10)}, ${Math.round(durationS)} s (load average median ` +
      `${load.median.toFixed(2)}): N = ${sm.n} associations over ${plan.dataShares} datashares, ${plan.latencyMs} ms a call.`,
    "",
    `- Against the same-properties no-op floor (emulator CPU out): ${steps.join(", ")}.`,
    `- Rate limit ${rate} calls/s (burst ${burst}): ${failed} failures; \`up\` ${rateOf("up")}, ` +
      `\`destroy\` ${rateOf("destroy")}; \`refresh\` ${describes} \`DescribeDataShares\` per datashare.`,
    `- Marginal cost per resource, N ${g.first[0]}→${g.first[1]} against ${g.last[0]}→${g.last[1]}: ` +
      [part(sm.growth, "up"), part(sm.growth, "refresh")].filter(Boolean).join(", ") +
      (skipped ? `; with \`PULUMI_SKIP_CHECKPOINTS=true\` ${skipped}.` : "."),
    `- Provider host peak RSS ${mib(m.oursKiB)} (floor ${mib(m.floorKiB)}); state ${bytes(st.ours)} a resource ` +
      `(floor ${bytes(st.floor)}); the \`drift\` command ${s(drift.driftMs)} against ` +
      `\`preview --refresh --expect-no-changes\` ${s(drift.previewMs)}.`,
    "",
    targetsLine("Scale targets", sm.targets) + " bench/README.md says where the time goes.",
  ].join("\n");
}

const HEADER =
  "Measure (scale)|DataShareConsumer|Floor (no-op, same properties)|Ratio|Emulator CPU (ours / floor)|Ratio, emulator CPU out|Target|Result";

export const scalePart: Part<ScaleScenario, ScaleMeasurements, ScaleSummary> = {
  plan: scalePlan,
  measure: measureScale,
  summarize: summarizeScale,
  title: (plan) =>
    `Scale: N = ${plan.sizes.map((z) => z.n).join(", ")} associations over K = ${plan.dataShares} datashares, ` +
    `${plan.latencyMs} ms a call, default settings.`,
  header: HEADER.split("|"),
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
