/** The scale scenario's Markdown table (bench/README.md), with the machine and its load above it. */
import type { MachineInfo } from "./machine";
import type { ProcessRole } from "./processSampler";
import type { ScaleScenario } from "./scaleScenario";
import type { ScaleStep } from "./scaleRun";
import type { CpuGrowth, MarginalGrowth } from "./scaleGrowth";
import { COMPARED_STEPS, findScaleSize, ScaleSize, ScaleSummary } from "./scaleSummary";
import type { TargetCheck } from "./summary";
import type { LoadSamples } from "./table";
import { bytes, growthPercent, mib, ms, s, targetNamed, verdict, x } from "./tableRow";

export interface ScaleTableInput {
  machine: MachineInfo;
  load: LoadSamples;
  date: string;
  quick: boolean;
  scenario: ScaleScenario;
  summary: ScaleSummary;
}

/** Measure, DataShareConsumer, floor, ratio, emulator CPU (ours / floor), ratio with it out, target, result. */
type ScaleRow = [string, string, string, string, string, string, string, string];

const row = (
  measure: string,
  ours: string,
  floor = "",
  ratio = "",
  emu = "",
  adjusted = "",
  goal = "",
  result = "",
) => [measure, ours, floor, ratio, emu, adjusted, goal, result] as ScaleRow;

const STEP_LABEL: Record<ScaleStep, string> = {
  up: "pulumi up",
  preview: "pulumi preview --refresh --expect-no-changes",
  drift: "pulumi-redshift-datashare drift",
  refresh: "pulumi refresh",
  change: "pulumi up, one resource changed (replaced)",
  destroy: "pulumi destroy",
};

const ROLES: [ProcessRole, string][] = [
  ["engine", "engine"],
  ["program", "program"],
  ["provider host", "provider host"],
  ["language host", "language host"],
  ["other", "other"],
];

const pct = (v: number) => growthPercent(v, "n/a (first marginal ≤ 0)");

function cpuCell(size: ScaleSize, step: ScaleStep): string {
  const byRole = size.cpuMsByRole[step] ?? {};
  const parts = ROLES.filter(([role]) => (byRole[role] ?? 0) > 0).map(
    ([role, label]) => `${label} ${s(byRole[role] ?? 0)}`,
  );
  parts.push(`emulator ${s(size.emulatorCpuMs[step] ?? 0)}`);
  return parts.join(", ");
}

function largestRows(t: ScaleTableInput): ScaleRow[] {
  const { summary, scenario } = t;
  const n = summary.n;
  const label = `N=${n}, ${scenario.latencyMs} ms a call:`;
  const ours = findScaleSize(summary.sizes, "DataShareConsumer", n);
  const floor = findScaleSize(summary.sizes, "no-op, same properties", n);
  const rows: ScaleRow[] = summary.comparisons.map((c) =>
    row(
      `${label} ${STEP_LABEL[c.step]}`,
      s(c.oursMs),
      s(c.floorMs),
      x(c.ratio),
      `${s(c.oursEmulatorCpuMs)} / ${s(c.floorEmulatorCpuMs)}`,
      x(c.adjustedRatio),
      "≤ 1.10×",
      verdict(targetNamed(summary.targets, `scale: pulumi ${c.step} /`)),
    ),
  );
  for (const step of COMPARED_STEPS) {
    rows.push(row(`${label} ${STEP_LABEL[step]}, CPU by process`, cpuCell(ours, step), cpuCell(floor, step)));
  }
  const d = summary.drift;
  rows.push(
    row(
      `${label} drift command against ${STEP_LABEL.preview} (same stack)`,
      s(d.driftMs),
      `preview ${s(d.previewMs)}`,
      x(d.ratio),
    ),
    row(
      `${label} provider host peak RSS (VmHWM, largest of the steps)`,
      mib(summary.memory.oursKiB),
      mib(summary.memory.floorKiB),
      x(summary.memory.oursKiB / summary.memory.floorKiB),
    ),
    row(
      `${label} state file per resource (total / ${n})`,
      bytes(summary.statePerResource.ours),
      bytes(summary.statePerResource.floor),
      x(summary.statePerResource.ours / summary.statePerResource.floor),
    ),
  );
  return rows;
}

function growthRowsOf(
  growth: MarginalGrowth[],
  steps: readonly MarginalGrowth["step"][],
  prefix: string,
  targets?: TargetCheck[],
): ScaleRow[] {
  const rows: ScaleRow[] = [];
  for (const step of steps) {
    const ours = growth.find((g) => g.step === step && g.kind === "DataShareConsumer");
    const floor = growth.find((g) => g.step === step && g.kind === "no-op, same properties");
    if (!ours || !floor) continue;
    const span = (r: [number, number]) => `((t(${r[1]}) − t(${r[0]})) / ${r[1] - r[0]})`;
    rows.push(
      row(
        `${prefix}pulumi ${step}, marginal per resource ${span(ours.first)}`,
        ms(ours.firstMs),
        ms(floor.firstMs),
        x(ours.firstMs / floor.firstMs),
      ),
      row(
        `${prefix}pulumi ${step}, marginal per resource ${span(ours.last)}`,
        ms(ours.lastMs),
        ms(floor.lastMs),
        x(ours.lastMs / floor.lastMs),
      ),
      targets === undefined
        ? row(`${prefix}pulumi ${step}, growth of the marginal cost`, pct(ours.growth), pct(floor.growth))
        : row(
            `${prefix}pulumi ${step}, growth of the marginal cost`,
            pct(ours.growth),
            pct(floor.growth),
            "",
            "",
            "",
            "≤ +10 %",
            verdict(targetNamed(targets, `scale: pulumi ${step} marginal`)),
          ),
    );
  }
  return rows;
}

function growthRows(t: ScaleTableInput): ScaleRow[] {
  return growthRowsOf(t.summary.growth, ["up", "refresh"], "", t.summary.targets);
}

const growthCell = (rows: CpuGrowth[], step: string, kind: string) =>
  rows
    .filter((g) => g.step === step && g.kind === kind && (g.firstMs !== 0 || g.lastMs !== 0))
    .map((g) => `${g.source} ${g.firstMs.toFixed(1)} → ${g.lastMs.toFixed(1)} ms`)
    .join(", ");

/** `up` and `destroy` with the engine writing state once: what remains of the growth without its per-step checkpoint. */
function checkpointRows(t: ScaleTableInput): ScaleRow[] {
  const skipped = t.summary.checkpointsSkipped;
  if (skipped === undefined) return [];
  const prefix = "PULUMI_SKIP_CHECKPOINTS=true: ";
  const n = t.summary.n;
  const rows: ScaleRow[] = [];
  for (const step of ["up", "destroy"] as const) {
    const ours = skipped.sizes.find((z) => z.kind === "DataShareConsumer" && z.n === n);
    const floor = skipped.sizes.find((z) => z.kind === "no-op, same properties" && z.n === n);
    const withCheckpoints = t.summary.comparisons.find((c) => c.step === step);
    if (ours && floor) {
      const [o, f] = [ours.ms[step] ?? Number.NaN, floor.ms[step] ?? Number.NaN];
      rows.push(row(`${prefix}N=${n}: ${STEP_LABEL[step]}`, s(o), s(f), x(o / f)));
      if (withCheckpoints)
        rows.push(
          row(
            `${prefix}N=${n}: ${STEP_LABEL[step]}, time saved against the checkpointed run above`,
            `${s(withCheckpoints.oursMs - o)} of ${s(withCheckpoints.oursMs)}`,
            `${s(withCheckpoints.floorMs - f)} of ${s(withCheckpoints.floorMs)}`,
          ),
        );
    }
  }
  rows.push(...growthRowsOf(skipped.growth, ["up", "destroy"], prefix));
  const [first, last] = [skipped.growth[0].first, skipped.growth[0].last];
  for (const step of ["up", "destroy"] as const) {
    rows.push(
      row(
        `${prefix}pulumi ${step}, marginal CPU time per resource by process (N ${first[0]}→${first[1]} → N ${last[0]}→${last[1]})`,
        growthCell(skipped.cpuGrowth, step, "DataShareConsumer"),
        growthCell(skipped.cpuGrowth, step, "no-op, same properties"),
      ),
    );
  }
  return rows;
}

function cpuGrowthRows(t: ScaleTableInput): ScaleRow[] {
  const { summary } = t;
  const cell = (step: string, kind: string) => growthCell(summary.cpuGrowth, step, kind);
  const [first, last] = [summary.growth[0].first, summary.growth[0].last];
  const spans = `N ${first[0]}→${first[1]} → N ${last[0]}→${last[1]}`;
  return (["up", "refresh", "destroy"] as const).map((step) =>
    row(
      `pulumi ${step}, marginal CPU time per resource by process (${spans})`,
      cell(step, "DataShareConsumer"),
      cell(step, "no-op, same properties"),
    ),
  );
}

function smallerRows(t: ScaleTableInput): ScaleRow[] {
  const { summary, scenario } = t;
  const rows: ScaleRow[] = [];
  for (const { n } of scenario.sizes.filter((z) => z.n !== summary.n)) {
    const ours = findScaleSize(summary.sizes, "DataShareConsumer", n);
    const floor = findScaleSize(summary.sizes, "no-op, same properties", n);
    for (const step of COMPARED_STEPS) {
      const [o, f] = [ours.ms[step] ?? Number.NaN, floor.ms[step] ?? Number.NaN];
      rows.push(row(`N=${n} (median of ${ours.reps}): ${STEP_LABEL[step]}`, s(o), s(f), x(o / f)));
    }
  }
  return rows;
}

function rateLimitRows(t: ScaleTableInput): ScaleRow[] {
  const { summary, scenario } = t;
  const { ratePerSecond, burst } = scenario.rateLimit;
  const label = `${ratePerSecond}/s burst ${burst}, N=${summary.n}, K=${scenario.dataShares}:`;
  const rows: ScaleRow[] = [];
  for (const r of summary.rateLimited) {
    const detail = Object.entries(r.calls)
      .map(([op, c]) => `${op} ${c.received}${c.rateLimited > 0 ? ` (${c.rateLimited} rate-limited)` : ""}`)
      .join(", ");
    const writes = r.acceptedPerSecond !== undefined;
    const floorMs = (summary.n / ratePerSecond) * 1000;
    rows.push(
      row(
        `${label} ${STEP_LABEL[r.step]} (${detail || "no calls"})`,
        s(r.ms),
        writes ? `N ÷ rate ${s(floorMs)}` : "",
        writes ? x(r.ms / floorMs) : "",
      ),
    );
    if (writes) {
      rows.push(
        row(
          `${label} ${r.step}, accepted per second`,
          `${(r.acceptedPerSecond ?? 0).toFixed(2)}/s`,
          `${ratePerSecond}/s`,
          x((r.acceptedPerSecond ?? 0) / ratePerSecond),
          "",
          "",
          "≥ 0.80×",
          verdict(targetNamed(summary.targets, `scale, rate limit: pulumi ${r.step} accepted`)),
        ),
      );
    }
    const skipped = summary.rateLimitedCheckpointsSkipped?.find((u) => u.step === r.step);
    if (writes && skipped?.acceptedPerSecond !== undefined) {
      rows.push(
        row(
          `${label} ${r.step} with PULUMI_SKIP_CHECKPOINTS=true (the engine's checkpoint out of the pace), accepted per second (${skipped.rateLimited} rate-limited, ${skipped.failedOps} failed)`,
          `${skipped.acceptedPerSecond.toFixed(2)}/s`,
          `${ratePerSecond}/s`,
          x(skipped.acceptedPerSecond / ratePerSecond),
        ),
      );
    }
    const unlimited = summary.unlimited.find((u) => u.step === r.step);
    if (writes && unlimited?.acceptedPerSecond !== undefined) {
      rows.push(
        row(
          `${r.step} without the rate limit (${scenario.latencyMs} ms a call only, same N), accepted per second`,
          `${unlimited.acceptedPerSecond.toFixed(2)}/s`,
        ),
      );
    }
    if (r.step === "refresh") {
      rows.push(
        row(
          `${label} refresh, DescribeDataShares per datashare (rate-limited answers: ${r.rateLimited})`,
          r.describesPerDataShare.toFixed(2),
          "",
          "",
          "",
          "",
          "≤ 1.2",
          verdict(targetNamed(summary.targets, "scale, rate limit: pulumi refresh Describe")),
        ),
        row(
          `refresh without the rate limit (${scenario.latencyMs} ms a call only, same N), DescribeDataShares per datashare`,
          unlimited === undefined ? "" : unlimited.describesPerDataShare.toFixed(2),
        ),
      );
    }
  }
  const failed = targetNamed(summary.targets, "scale, rate limit: failed");
  rows.push(
    row(
      `${label} failed steps and resources`,
      String(failed?.measured ?? ""),
      "",
      "",
      "",
      "",
      "0",
      verdict(failed),
    ),
  );
  return rows;
}

export function renderScaleTable(t: ScaleTableInput): string {
  const { machine, load, summary, scenario } = t;
  const header = row(
    "Measure (scale)",
    "DataShareConsumer",
    "Floor (no-op, same properties)",
    "Ratio",
    "Emulator CPU (ours / floor)",
    "Ratio, emulator CPU out",
    "Target",
    "Result",
  );
  const problems = summary.targets.filter((c) => / steps failed or found changes$/.test(c.name));
  const rows = [
    ...largestRows(t),
    ...growthRows(t),
    ...cpuGrowthRows(t),
    ...checkpointRows(t),
    ...problems.map((c) =>
      row(c.name.replace(/^scale: /, ""), String(c.measured), "", "", "", "", "0", verdict(c)),
    ),
    ...rateLimitRows(t),
    ...smallerRows(t),
  ];
  const line = (r: ScaleRow) => `| ${r.join(" | ")} |`;
  const sizes = scenario.sizes.map((z) => z.n).join(", ");
  const passed = summary.targets.filter((c) => c.pass).length;
  return [
    `Scale: N = ${sizes} associations over K = ${scenario.dataShares} datashares, ${scenario.latencyMs} ms a call, default settings. ` +
      `${machine.cores} cores, Node ${machine.node}, Pulumi CLI ${machine.pulumiCli}. ${t.date}${t.quick ? " — QUICK run (small N)" : ""}.`,
    `Load average (1 min) while measuring: min ${load.min.toFixed(2)}, median ${load.median.toFixed(2)}, max ${load.max.toFixed(2)}.`,
    "",
    line(header),
    line(header.map(() => "---") as ScaleRow),
    ...rows.map(line),
    "",
    `Scale targets: ${passed}/${summary.targets.length} PASS.`,
  ].join("\n");
}
