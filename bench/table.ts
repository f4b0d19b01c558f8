/** Renders a benchmark run as a Markdown table (pasteable into README) with the machine above it. */
import type { MachineInfo } from "./machine";
import { OPERATIONS } from "./providerOverhead";
import { ENGINE_STEPS, Measurements, Summary, TargetCheck } from "./summary";

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

type Row = [measure: string, provider: string, floor: string, ratio: string, target: string, result: string];

const ms = (v: number) => `${v.toFixed(2)} ms`;
const ms0 = (v: number) => `${v.toFixed(0)} ms`;
const s = (v: number) => `${(v / 1000).toFixed(2)} s`;
const x = (v: number) => `${v.toFixed(2)}×`;
const bytes = (v: number) => `${Math.round(v)} B`;
const calls = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
const verdict = (t: TargetCheck | undefined) => (t === undefined ? "" : t.pass ? "PASS" : "MISS");

function overheadRows(m: Measurements, targets: TargetCheck[]): Row[] {
  const rows: Row[] = [];
  for (const op of OPERATIONS) {
    const o = m.overhead.operations[op];
    const t = targets.find((c) => c.name.startsWith(`${op}: provider / SDK`));
    rows.push([
      `${op}, in-process (median of ${m.overhead.reps})`,
      ms(o.providerMs),
      ms(o.sdkMs),
      x(o.ratio),
      "≤ 1.10×",
      verdict(t),
    ]);
  }
  for (const op of OPERATIONS) {
    const o = m.overhead.operations[op];
    const detail = Object.entries(o.providerCalls)
      .map(([name, n]) => `${name} ${calls(n)}`)
      .join(", ");
    const t = op === "read" ? targets.find((c) => c.name.startsWith("read: API calls")) : undefined;
    rows.push([
      `API calls per ${op} (${detail})`,
      calls(o.providerCallsPerOp),
      calls(o.sdkCallsPerOp),
      "",
      op === "read" ? "1 per page" : "",
      verdict(t),
    ]);
  }
  return rows;
}

function engineRows(summary: Summary, targets: TargetCheck[]): Row[] {
  const rows: Row[] = [];
  const sizes = [...new Set(summary.engine.map((e) => e.n))].sort((a, b) => a - b);
  for (const step of ENGINE_STEPS) {
    for (const n of sizes) {
      const p = summary.engine.find((e) => e.kind === "DataShareConsumer" && e.n === n);
      const f = summary.engine.find((e) => e.kind === "no-op" && e.n === n);
      if (!p || !f) continue;
      rows.push([
        `pulumi ${step}, N=${n} (median of ${p.reps})`,
        s(p.ms[step]),
        s(f.ms[step]),
        x(p.ms[step] / f.ms[step]),
        "",
        "",
      ]);
    }
  }
  const [small, large] = summary.marginalBetween;
  for (const step of ENGINE_STEPS) {
    const mm = summary.marginalMs[step];
    const isUp = step === "up";
    rows.push([
      `pulumi ${step}, marginal per resource ((t(${large}) − t(${small})) / ${large - small})`,
      ms(mm.provider),
      ms(mm.floor),
      x(mm.ratio),
      isUp ? "≤ 1.25×" : "",
      isUp ? verdict(targets.find((c) => c.name.startsWith("pulumi up"))) : "",
    ]);
  }
  return rows;
}

function stateRows(summary: Summary, targets: TargetCheck[]): Row[] {
  const [small, large] = summary.marginalBetween;
  const p = summary.providerBytesPerResource;
  const st = summary.stateBytesPerResource;
  const sm = summary.stateMarginalBytes;
  return [
    [
      "serialized `__provider` per resource",
      bytes(p.provider),
      bytes(p.floor),
      x(p.ratio),
      "≤ 4096 B",
      verdict(targets.find((c) => c.name.startsWith("serialized"))),
    ],
    [`state file per resource (total / ${large})`, bytes(st.provider), bytes(st.floor), x(st.ratio), "", ""],
    [
      `state file, marginal per resource (N=${small}→${large})`,
      bytes(sm.provider),
      bytes(sm.floor),
      x(sm.ratio),
      "",
      "",
    ],
  ];
}

function coldStartRows(m: Measurements): Row[] {
  const p = m.coldStart.find((c) => c.kind === "DataShareConsumer");
  const f = m.coldStart.find((c) => c.kind === "no-op");
  if (!p || !f) return [];
  return [
    [
      `provider host start (median of ${p.hosts} hosts)`,
      ms0(p.hostStartMs),
      ms0(f.hostStartMs),
      x(p.hostStartMs / f.hostStartMs),
      "",
      "",
    ],
    [
      "host's first Create (cold)",
      ms(p.firstCreateMs),
      ms(f.firstCreateMs),
      x(p.firstCreateMs / f.firstCreateMs),
      "",
      "",
    ],
    [
      `host's later Creates (median of ${p.hosts * (p.createsPerHost - 1)})`,
      ms(p.laterCreateMs),
      ms(f.laterCreateMs),
      x(p.laterCreateMs / f.laterCreateMs),
      "",
      "",
    ],
    [
      "cold-start penalty (first − later)",
      ms(p.firstCreateMs - p.laterCreateMs),
      ms(f.firstCreateMs - f.laterCreateMs),
      "",
      "",
      "",
    ],
  ];
}

function refreshBudgetRows(m: Measurements): Row[] {
  return m.refreshBudget.map((b) => [
    `refresh API calls, N=${b.n} over K=${b.dataShares} datashares (${Object.entries(b.calls)
      .map(([name, n]) => `${name} ${n}`)
      .join(", ")})`,
    String(b.totalCalls),
    "",
    "",
    `DescribeDataShares ${b.describeDataShares} = ${calls(b.describeDataShares / b.n)}/resource`,
    "",
  ]);
}

export function renderTable(input: TableInput): string {
  const { machine, load, summary, measurements } = input;
  const header: Row = ["Measure", "DataShareConsumer", "Floor (SDK / no-op)", "Ratio", "Target", "Result"];
  const rows: Row[] = [
    ...overheadRows(measurements, summary.targets),
    ...engineRows(summary, summary.targets),
    ...stateRows(summary, summary.targets),
    ...coldStartRows(measurements),
    ...refreshBudgetRows(measurements),
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
