/**
 * The README's short summary of a benchmark run: the engine figures at 100 ms a call against the
 * floor, the rate-limit and fault scenarios, and every target missed. Written from the same report
 * as bench/README.md's full table (bench/results.json), by bench/insertTable.ts.
 */
import type { BenchReport } from "./runBench";
import { findSize } from "./summary";
import { s, x } from "./tableRow";

export type SummaryInput = Pick<BenchReport, "date" | "durationS" | "machine" | "load" | "plan" | "summary">;

const percent = (share: number) => `${Math.round(share * 100)} %`;

function latencyLine(r: SummaryInput): string {
  const { latencyMs, sizes, reps } = r.plan.latency;
  const n = Math.max(...sizes);
  const provider = findSize(r.summary.latency, "DataShareConsumer", n);
  const floor = findSize(r.summary.latency, "no-op, same properties", n);
  const steps = (["up", "refresh", "destroy"] as const).map(
    (step) => `\`${step}\` ${s(provider.ms[step])} (${x(provider.ms[step] / floor.ms[step])} the floor)`,
  );
  return `- ${latencyMs} ms a call, N = ${n} (median of ${reps}): ${steps.join(", ")}.`;
}

function rateLimitLine(r: SummaryInput): string {
  const { n, ratePerSecond, burst } = r.plan.rateLimit;
  const step = (name: string) => r.summary.rateLimit.find((e) => e.step === name);
  const failed = r.summary.rateLimit.reduce((sum, e) => sum + e.failedOps, 0);
  const up = step("up");
  const destroy = step("destroy");
  const refresh = step("refresh");
  const rate = (e: typeof up) => (e ? `${x(e.acceptedPerSecond / ratePerSecond)} of the limit` : "n/a");
  return (
    `- Rate limit ${ratePerSecond} calls/s (burst ${burst}), N = ${n}: ${failed} failed resources; ` +
    `\`up\` sustained ${rate(up)}, \`destroy\` ${rate(destroy)}; \`refresh\` made ` +
    `${refresh?.accepted ?? "?"} \`${refresh?.operation ?? "DescribeDataShares"}\` calls, ` +
    `${refresh?.rateLimited ?? "?"} rate-limited.`
  );
}

function faultsLine(r: SummaryInput): string {
  const { n, throttleRate, serverErrorRate } = r.plan.faults;
  const f = r.summary.faults;
  return (
    `- ${percent(throttleRate)} throttling + ${percent(serverErrorRate)} 5xx, N = ${n}, default ` +
    `\`maxAttempts\`: ${f.failedOps} failed resources (${f.injected} faults injected, ${f.retried} retried).`
  );
}

function targetsLine(r: SummaryInput): string {
  const targets = r.summary.targets;
  const missed = targets.filter((t) => !t.pass);
  const head = `Targets met: ${targets.length - missed.length} of ${targets.length}`;
  if (missed.length === 0) return `${head}.`;
  const value = (v: number, unit: string) => (unit === "×" ? `${v.toFixed(2)}×` : `${v} ${unit}`);
  const what = missed.map(
    (t) => `${t.name} ${value(t.measured, t.unit)} (target ≤ ${value(t.limit, t.unit)})`,
  );
  return `${head}; missed: ${what.join("; ")}.`;
}

export function renderReadmeSummary(r: SummaryInput): string {
  const m = r.machine;
  return [
    `Latest full run: ${r.date.slice(0, 10)}, ${Math.round(r.durationS)} s on ${m.cpu}, ${m.cores} cores, ` +
      `Node ${m.node}, Pulumi CLI ${m.pulumiCli} (load average median ${r.load.median}).`,
    "",
    latencyLine(r),
    rateLimitLine(r),
    faultsLine(r),
    "",
    targetsLine(r),
  ].join("\n");
}
