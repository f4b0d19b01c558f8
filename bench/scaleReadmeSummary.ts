/**
 * The README's short summary of the scale scenario (bench/scaleScenario.ts): each step at the
 * largest N against its floor, the rate limit, the marginal cost's growth (and without the
 * engine's per-step checkpoint), memory, state, the drift command, and the targets missed.
 * Written from bench/results.json's `scale` part by bench/insertTable.ts, below the main summary.
 */
import type { ScaleReport } from "./scaleScenario";
import type { TargetCheck } from "./summary";
import { bytes, growthPercent as pct, mib, ms, s, x } from "./tableRow";

export type ScaleSummaryInput = Pick<ScaleReport, "date" | "durationS" | "load" | "scenario" | "summary">;

const STEP_NAMES = {
  up: "`up`",
  preview: "`preview --refresh --expect-no-changes`",
  refresh: "`refresh`",
  change: "a one-resource change",
  destroy: "`destroy`",
} as const;

function ratiosLine(r: ScaleSummaryInput): string {
  const steps = r.summary.comparisons.map(
    (c) => `${STEP_NAMES[c.step]} ${s(c.oursMs)} (${x(c.adjustedRatio)})`,
  );
  return `- Against the same-properties no-op floor (emulator CPU out): ${steps.join(", ")}.`;
}

function rateLimitLine(r: ScaleSummaryInput): string {
  const { ratePerSecond, burst } = r.scenario.rateLimit;
  const failed = r.summary.targets.find((t) => t.name.startsWith("scale, rate limit: failed"));
  const rate = (step: string) => {
    const limited = r.summary.rateLimited.find((e) => e.step === step)?.acceptedPerSecond;
    const free = r.summary.unlimited.find((e) => e.step === step)?.acceptedPerSecond;
    if (limited === undefined) return "n/a";
    const skipped = r.summary.rateLimitedCheckpointsSkipped?.find((e) => e.step === step)?.acceptedPerSecond;
    const without = free === undefined ? "" : `; ${free.toFixed(2)}/s without the limit`;
    const unpaced =
      skipped === undefined ? "" : `; ${x(skipped / ratePerSecond)} with \`PULUMI_SKIP_CHECKPOINTS=true\``;
    return `${limited.toFixed(2)}/s (${x(limited / ratePerSecond)} the limit${without}${unpaced})`;
  };
  const refresh = r.summary.rateLimited.find((e) => e.step === "refresh");
  return (
    `- Rate limit ${ratePerSecond} calls/s (burst ${burst}): ${failed?.measured ?? "?"} failures; ` +
    `\`up\` ${rate("up")}, \`destroy\` ${rate("destroy")}; \`refresh\` ` +
    `${refresh?.describesPerDataShare.toFixed(2) ?? "?"} \`DescribeDataShares\` per datashare.`
  );
}

function growthLine(r: ScaleSummaryInput): string {
  const of = (list: typeof r.summary.growth, step: string, kind: string) =>
    list.find((g) => g.step === step && g.kind === kind);
  const part = (list: typeof r.summary.growth, step: string) => {
    const ours = of(list, step, "DataShareConsumer");
    const floor = of(list, step, "no-op, same properties");
    if (!ours) return undefined;
    return `\`${step}\` ${ms(ours.firstMs)} → ${ms(ours.lastMs)} (${pct(ours.growth)}; floor ${pct(floor?.growth ?? Number.NaN)})`;
  };
  const g = r.summary.growth[0];
  const spans = `N ${g.first[0]}→${g.first[1]} against ${g.last[0]}→${g.last[1]}`;
  const main = ["up", "refresh"].map((step) => part(r.summary.growth, step)).filter(Boolean);
  const skipped = r.summary.checkpointsSkipped;
  const without = skipped ? part(skipped.growth, "up") : undefined;
  return (
    `- Marginal cost per resource, ${spans}: ${main.join(", ")}` +
    (without ? `; with \`PULUMI_SKIP_CHECKPOINTS=true\` ${without}.` : ".")
  );
}

function footprintLine(r: ScaleSummaryInput): string {
  const { memory, statePerResource, drift } = r.summary;
  return (
    `- Provider host peak RSS ${mib(memory.oursKiB)} (floor ${mib(memory.floorKiB)}); state ` +
    `${bytes(statePerResource.ours)} a resource (floor ${bytes(statePerResource.floor)}); the \`drift\` ` +
    `command ${s(drift.driftMs)} against \`preview --refresh --expect-no-changes\` ${s(drift.previewMs)}.`
  );
}

function targetsLine(targets: TargetCheck[]): string {
  const missed = targets.filter((t) => !t.pass);
  const head = `Scale targets met: ${targets.length - missed.length} of ${targets.length}`;
  if (missed.length === 0) return `${head}.`;
  const what = missed.map((t) => `${t.name.replace(/^scale(, rate limit)?: /, "")} ${t.measured.toFixed(2)}`);
  return `${head}; missed: ${what.join("; ")} (bench/README.md says where the time goes).`;
}

export function renderScaleReadmeSummary(r: ScaleSummaryInput): string {
  return [
    `Latest scale run: ${r.date.slice(0, 10)}, ${Math.round(r.durationS)} s (load average median ` +
      `${r.load.median.toFixed(2)}): N = ${r.summary.n} associations over ${r.scenario.dataShares} datashares, ` +
      `${r.scenario.latencyMs} ms a call.`,
    "",
    ratiosLine(r),
    rateLimitLine(r),
    growthLine(r),
    footprintLine(r),
    "",
    targetsLine(r.summary.targets),
  ].join("\n");
}
