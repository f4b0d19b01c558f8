/** Renders a benchmark run as a Markdown table (pasteable into README) with the machine above it. */
import type { MachineInfo } from "./machine";
import { ENGINE_STEPS, EngineStep } from "./engineScale";
import { coldStartRows, overheadRows } from "./inProcessRows";
import { EngineSize, findSize, Measurements, Summary, TargetCheck } from "./summary";
import { bytes, ms, ms0, Row, row, s, targetNamed, verdict, x } from "./tableRow";

export interface LoadSamples {
  min: number;
  median: number;
  max: number;
}

export interface TableInput {
  machine: MachineInfo;
  load: LoadSamples;
  date: string;
  quick: boolean;
  measurements: Measurements;
  summary: Summary;
}

function kindRows(
  label: string,
  sizes: EngineSize[],
  step: EngineStep,
  n: number,
  target?: [string, TargetCheck | undefined],
): Row {
  const p = findSize(sizes, "DataShareConsumer", n);
  const f = findSize(sizes, "no-op, same properties", n);
  const r = sizes.find((e) => e.kind === "no-op" && e.n === n);
  return row(
    `${label} pulumi ${step}, N=${n} (median of ${p.reps})`,
    s(p.ms[step]),
    s(f.ms[step]),
    x(p.ms[step] / f.ms[step]),
    target?.[0] ?? "",
    verdict(target?.[1]),
    r ? s(r.ms[step]) : "",
    r ? x(p.ms[step] / r.ms[step]) : "",
  );
}

function latencyRows(m: Measurements, summary: Summary): Row[] {
  const n = m.latency.scenario.sizes[m.latency.scenario.sizes.length - 1];
  const label = `${m.latency.scenario.latencyMs} ms a call:`;
  return ENGINE_STEPS.map((step) =>
    kindRows(label, summary.latency, step, n, [
      "≤ 1.10×",
      targetNamed(summary.targets, `latency: pulumi ${step}`),
    ]),
  );
}

function rateLimitRows(m: Measurements, summary: Summary): Row[] {
  const sc = m.rateLimit.scenario;
  const label = `${sc.ratePerSecond}/s burst ${sc.burst}, N=${sc.n}, K=${sc.dataShares}:`;
  const rows: Row[] = [];
  for (const r of summary.rateLimit) {
    const detail = Object.entries(r.calls)
      .map(([op, c]) => `${op} ${c.received}${c.rateLimited > 0 ? ` (${c.rateLimited} rate-limited)` : ""}`)
      .join(", ");
    rows.push(
      row(
        `${label} pulumi ${r.step} (${detail})`,
        s(r.ms),
        r.step === "refresh" ? "" : `N ÷ rate ${s((sc.n / sc.ratePerSecond) * 1000)}`,
        r.step === "refresh" ? "" : x(r.ms / ((sc.n / sc.ratePerSecond) * 1000)),
      ),
    );
    if (r.step === "refresh") {
      rows.push(
        row(
          `${label} refresh, rate-limited answers`,
          String(r.rateLimited),
          "",
          "",
          "0",
          verdict(targetNamed(summary.targets, "rate limit: pulumi refresh")),
        ),
      );
      continue;
    }
    rows.push(
      row(
        `${label} ${r.step}, failed resources`,
        String(r.failedOps),
        "",
        "",
        "0",
        verdict(targetNamed(summary.targets, `rate limit: pulumi ${r.step} failures`)),
      ),
    );
    rows.push(
      row(
        `${label} ${r.step}, ${r.operation} accepted per second (retries: ${r.rateLimited} rate-limited answers)`,
        `${r.acceptedPerSecond.toFixed(2)}/s`,
        `${sc.ratePerSecond}/s`,
        x(r.acceptedPerSecond / sc.ratePerSecond),
        "≥ 0.80×",
        verdict(targetNamed(summary.targets, `rate limit: pulumi ${r.step} accepted`)),
      ),
    );
  }
  return rows;
}

function faultRows(m: Measurements, summary: Summary): Row[] {
  const sc = m.faults.scenario;
  const run = m.faults.run;
  const label = `${sc.throttleRate * 100}% throttling + ${sc.serverErrorRate * 100}% 5xx, N=${sc.n}, default maxAttempts:`;
  return [
    ...ENGINE_STEPS.map((step) => row(`${label} pulumi ${step}`, s(run.steps[step].ms))),
    row(
      `${label} failed resources (faults injected and retried: ${summary.faults.injected})`,
      String(summary.faults.failedOps),
      "",
      "",
      "0",
      verdict(targetNamed(summary.targets, "faults at default")),
    ),
    ...m.permanentFailures.cases.map((p) => {
      const detail = Object.entries(p.calls)
        .map(([op, n]) => `${op} ${n}`)
        .join(", ");
      return row(
        `permanent failure, ${m.permanentFailures.latencyMs} ms a call: ${p.case} (${detail})`,
        ms0(p.ms),
        "",
        "",
        "not retried",
        verdict(targetNamed(summary.targets, `permanent failure not retried: ${p.case}`)),
      );
    }),
  ];
}

function zeroLatencyRows(m: Measurements, summary: Summary): Row[] {
  const rows: Row[] = [];
  for (const step of ENGINE_STEPS)
    for (const n of m.zeroLatency.scenario.sizes) rows.push(kindRows("0 ms:", summary.zeroLatency, step, n));
  const [small, large] = summary.marginalBetween;
  for (const step of ENGINE_STEPS) {
    const mm = summary.marginalMs[step];
    const isUp = step === "up";
    rows.push(
      row(
        `0 ms: pulumi ${step}, marginal per resource ((t(${large}) − t(${small})) / ${large - small})`,
        ms(mm.DataShareConsumer),
        ms(mm["no-op, same properties"]),
        x(mm.DataShareConsumer / mm["no-op, same properties"]),
        isUp ? "≤ 1.25×" : "",
        isUp ? verdict(targetNamed(summary.targets, "zero latency: pulumi up")) : "",
        mm["no-op"] === undefined ? "" : ms(mm["no-op"]),
        mm["no-op"] === undefined ? "" : x(mm.DataShareConsumer / mm["no-op"]),
      ),
    );
  }
  const p = findSize(summary.zeroLatency, "DataShareConsumer", large);
  const f = findSize(summary.zeroLatency, "no-op, same properties", large);
  const r = summary.zeroLatency.find((e) => e.kind === "no-op" && e.n === large);
  const ref = (v: (e: EngineSize) => number, fmt: (n: number) => string) =>
    r ? [fmt(v(r)), x(v(p) / v(r))] : ["", ""];
  rows.push(
    row(
      "serialized `__provider` per resource",
      bytes(p.providerBytes),
      bytes(f.providerBytes),
      x(p.providerBytes / f.providerBytes),
      "≤ 4096 B",
      verdict(targetNamed(summary.targets, "serialized")),
      ...ref((e) => e.providerBytes, bytes),
    ),
    row(
      `state file per resource (total / ${large})`,
      bytes(p.stateBytes / large),
      bytes(f.stateBytes / large),
      x(p.stateBytes / f.stateBytes),
      "",
      "",
      ...ref((e) => e.stateBytes / large, bytes),
    ),
  );
  return rows;
}

export function renderTable(input: TableInput): string {
  const { machine, load, summary, measurements } = input;
  const header: Row = [
    "Measure",
    "DataShareConsumer",
    "Floor (SDK / no-op, same properties)",
    "Ratio",
    "no-op, 2 properties",
    "Ratio",
    "Target",
    "Result",
  ];
  const rows: Row[] = [
    ...latencyRows(measurements, summary),
    ...rateLimitRows(measurements, summary),
    ...faultRows(measurements, summary),
    ...zeroLatencyRows(measurements, summary),
    ...overheadRows(measurements.overhead, summary.targets, ""),
    ...overheadRows(measurements.authorizationOverhead, summary.targets, "authorization "),
    ...coldStartRows(measurements),
  ];
  const line = (r: Row) => `| ${r.join(" | ")} |`;
  const lines = [
    `Machine: ${machine.os}; ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; ` +
      `Pulumi CLI ${machine.pulumiCli} (SDK ${machine.pulumiSdk}). ${input.date}${input.quick ? " — QUICK run (small N, few reps)" : ""}.`,
    `Load average (1 min) while measuring: min ${load.min.toFixed(2)}, median ${load.median.toFixed(2)}, max ${load.max.toFixed(2)}.`,
    "",
    line(header),
    line(header.map(() => "---") as Row),
    ...rows.map(line),
  ];
  const passed = summary.targets.filter((t) => t.pass).length;
  lines.push("", `Targets: ${passed}/${summary.targets.length} PASS.`);
  return lines.join("\n");
}
