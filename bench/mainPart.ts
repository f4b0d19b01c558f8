/** The main part (`--only main`): its figures, its table with the targets and its summary. */
import { bytes, calls, Cell, listCounts, ms, ms0, perSecond, s, target, targetsLine, vs, x } from "./format";
import { OPERATIONS, OverheadResult } from "./inProcess";
import { FLOOR, Kind, OURS, Step } from "./kinds";
import { ENGINE_STEPS, MainMeasurements, MainPlan, mainPlan, measureMain } from "./mainRun";
import type { Figures, Part, Report } from "./report";
import type { StepResult } from "./stack";
import { describeCalls, findSize, rateLimitedSteps, Size, STEP_WRITE, summarizeSizes } from "./sizes";
import { marginal, total } from "./stats";

const last = <T>(list: readonly T[]) => list[list.length - 1];
const timeOf = (sizes: Size[], kind: Kind, n: number, step: Step) => findSize(sizes, kind, n).ms[step] ?? NaN;
const limitOf = (p: MainPlan) => ({ ratePerSecond: 0, burst: 0, ...p.engine.rateLimit.faults.rateLimit });

export function summarizeMain(plan: MainPlan, m: MainMeasurements) {
  const [zeroLatency, latency] = [summarizeSizes(m.engine.zeroLatency), summarizeSizes(m.engine.latency)];
  const [small, large] = [plan.engine.zeroLatency.sizes[0], last(plan.engine.zeroLatency.sizes)];
  const at = (step: Step, kind: Kind, n: number) => ({ n, ms: timeOf(zeroLatency, kind, n, step) });
  const kinds = plan.engine.zeroLatency.kinds;
  const byKind = (step: Step) => kinds.map((k) => [k, marginal(at(step, k, small), at(step, k, large))]);
  /** Per-resource marginal cost of each step at zero latency, by kind. */
  const marginalMs = Object.fromEntries(ENGINE_STEPS.map((step) => [step, Object.fromEntries(byKind(step))]));
  const faultSteps = m.engine.faults.flatMap((r) => Object.values(r.steps));
  const sumOf = (of: (st: StepResult) => number) => faultSteps.reduce((a, st) => a + of(st), 0);
  const failedOps = sumOf((st) => st.failedOps);
  const injected = sumOf((st) => total(st.calls, "throttled") + total(st.calls, "serverErrors"));
  return {
    latency,
    zeroLatency,
    marginalBetween: [small, large],
    marginalMs: marginalMs as Partial<Record<Step, Partial<Record<Kind, number>>>>,
    rateLimit: rateLimitedSteps(m.engine.rateLimit[0]),
    faults: { failedOps, injected, retried: failedOps === 0 ? injected : NaN },
  };
}

export type MainSummary = ReturnType<typeof summarizeMain>;
type Main = Figures<MainPlan, MainMeasurements, MainSummary>;
type Fmt = (v: number) => string;

/** Measure, ours, floor, ratio, and the two-property no-op and its ratio when it ran. */
function vsFloor(label: string, ours: number, floor: number, ref: number | undefined, fmt: Fmt) {
  return [...vs(label, ours, floor, fmt), ...(ref === undefined ? ["", ""] : [fmt(ref), x(ours / ref)])];
}

function kindRow(label: string, sizes: Size[], step: Step, n: number): Cell[] {
  const ref = sizes.find((e) => e.kind === "no-op" && e.n === n)?.ms[step];
  const measure = `${label} pulumi ${step}, N=${n} (median of ${findSize(sizes, OURS, n).reps})`;
  return vsFloor(measure, timeOf(sizes, OURS, n, step), timeOf(sizes, FLOOR, n, step), ref, s);
}

function latencyRows({ plan, summary }: Main): Cell[][] {
  const [n, label] = [last(plan.engine.latency.sizes), `${plan.engine.latency.faults.latencyMs} ms a call:`];
  return ENGINE_STEPS.map((step) => {
    const ratio = timeOf(summary.latency, OURS, n, step) / timeOf(summary.latency, FLOOR, n, step);
    const goal = target("≤ 1.10×", `latency: pulumi ${step} / floor at N=${n}`, ratio, 1.1, "×");
    return [...kindRow(label, summary.latency, step, n), goal];
  });
}

function rateLimitRows({ plan, summary }: Main): Cell[][] {
  const { ratePerSecond, burst } = limitOf(plan);
  const n = plan.engine.rateLimit.sizes[0];
  const label = `${ratePerSecond}/s burst ${burst}, N=${n}, K=${plan.engine.rateLimit.dataShares}:`;
  const floorMs = (n / ratePerSecond) * 1000;
  return summary.rateLimit.flatMap((r) => {
    const command = `${label} pulumi ${r.step} (${describeCalls(r.calls)})`;
    const name = `rate limit: pulumi ${r.step}`;
    const none = target("0", `${name} rate-limited answers`, r.rateLimited, 0, "calls");
    const answers = [`${label} ${r.step}, rate-limited answers`, String(r.rateLimited), none];
    if (r.acceptedPerSecond === undefined) return [[command, s(r.ms)], answers];
    const share = r.acceptedPerSecond / ratePerSecond;
    const accepted = `${STEP_WRITE[r.step]} accepted per second (retries: ${r.rateLimited} rate-limited answers)`;
    const failures = target("0", `${name} failures`, r.failedOps, 0, "failures");
    const enough = target("≥ 0.80×", `${name} accepted/s ÷ limit`, share, 0.8, "×", true);
    return [
      [command, s(r.ms), `N ÷ rate ${s(floorMs)}`, x(r.ms / floorMs)],
      [`${label} ${r.step}, failed resources`, String(r.failedOps), failures],
      [`${label} ${r.step}, ${accepted}`, ...perSecond(r.acceptedPerSecond, ratePerSecond), enough],
    ];
  });
}

function faultRows({ plan, measurements: m, summary }: Main): Cell[][] {
  const { faults: f, sizes } = plan.engine.faults;
  const mix = `${(f.throttleRate ?? 0) * 100}% throttling + ${(f.serverErrorRate ?? 0) * 100}% 5xx`;
  const label = `${mix}, N=${sizes[0]}, default maxAttempts:`;
  const { failedOps, injected } = summary.faults;
  const failures = target("0", "faults at default maxAttempts: failures", failedOps, 0, "failures");
  // Not retried: no operation is sent twice (a retried call would be sent maxAttempts times).
  const permanent = m.permanentFailures.cases.map((p) => {
    const most = Math.max(...Object.values(p.calls));
    const name = `permanent failure not retried: ${p.case}`;
    const goal = target("not retried", name, most, 1, "calls per operation");
    const measure = `permanent failure, ${m.permanentFailures.latencyMs} ms a call: ${p.case} (${listCounts(p.calls)})`;
    return [measure, ms0(p.ms), goal];
  });
  return [
    ...ENGINE_STEPS.map((step) => [`${label} pulumi ${step}`, s(m.engine.faults[0].steps[step]?.ms ?? NaN)]),
    [`${label} failed resources (faults injected and retried: ${injected})`, String(failedOps), failures],
    ...permanent,
  ];
}

function zeroLatencyRows({ plan, summary }: Main): Cell[][] {
  const sizes = summary.zeroLatency;
  const at = plan.engine.zeroLatency.sizes;
  const rows: Cell[][] = ENGINE_STEPS.flatMap((step) => at.map((n) => kindRow("0 ms:", sizes, step, n)));
  const [small, large] = summary.marginalBetween;
  for (const step of ENGINE_STEPS) {
    const mm = summary.marginalMs[step] ?? {};
    const [ours, floor] = [mm[OURS] ?? NaN, mm[FLOOR] ?? NaN];
    const label = `0 ms: pulumi ${step}, marginal per resource ((t(${large}) − t(${small})) / ${large - small})`;
    const name = `zero latency: pulumi up marginal / same-properties no-op at N=${large}`;
    const goal = step === "up" ? [target("≤ 1.25×", name, ours / floor, 1.25, "×")] : [];
    rows.push([...vsFloor(label, ours, floor, mm["no-op"], ms), ...goal]);
  }
  const of = (kind: Kind, v: (z: Size) => number | undefined) => {
    const z = sizes.find((e) => e.kind === kind && e.n === large);
    return z && (v(z) ?? NaN);
  };
  const row = (label: string, v: (z: Size) => number | undefined) =>
    vsFloor(label, of(OURS, v) ?? NaN, of(FLOOR, v) ?? NaN, of("no-op", v), bytes);
  const provider = of(OURS, (z) => z.providerBytes) ?? NaN;
  const goal = target("≤ 4096 B", "serialized provider per resource", provider, 4096, "bytes");
  rows.push(
    [...row("serialized `__provider` per resource", (z) => z.providerBytes), goal],
    row(`state file per resource (total / ${large})`, (z) => z.stateBytes / large),
  );
  return rows;
}

/** `resource` prefixes the measure and names the targets: "" for DataShareConsumer, "authorization ". */
function overheadRows(o: OverheadResult, resource: string): Cell[][] {
  const times = OPERATIONS.map((op) => {
    const c = o.operations[op];
    const goal = target("≤ 1.10×", `${resource}${op}: provider / SDK time`, c.ratio, 1.1, "×");
    return [...vs(`${resource}${op}, in-process (median of ${o.reps})`, c.providerMs, c.sdkMs, ms), goal];
  });
  const counts = OPERATIONS.map((op) => {
    const c = o.operations[op];
    const label = `API calls per ${resource}${op} (${listCounts(c.providerCalls)})`;
    return [label, calls(c.providerCallsPerOp), calls(c.sdkCallsPerOp)];
  });
  return [...times, ...counts];
}

function coldStartRows({ measurements: m }: Main): Cell[][] {
  const [p, q] = ["DataShareConsumer", "no-op"].map((kind) => m.coldStart.find((c) => c.kind === kind));
  if (!p || !q) return [];
  const row = (label: string, a: number, b: number, fmt: Fmt) => [label, fmt(a), "", "", fmt(b), x(a / b)];
  const later = `host's later Creates (median of ${p.hosts * (p.createsPerHost - 1)})`;
  return [
    row(`provider host start (median of ${p.hosts} hosts)`, p.hostStartMs, q.hostStartMs, ms0),
    row("host's first Create (cold)", p.firstCreateMs, q.firstCreateMs, ms),
    row(later, p.laterCreateMs, q.laterCreateMs, ms),
  ];
}

function brief(r: Report<MainPlan, MainMeasurements, MainSummary>): string {
  const { machine: mc, summary: sm } = r;
  const { latency, rateLimit, faults } = r.plan.engine;
  const n = last(latency.sizes);
  const step = (st: Step) => {
    const [ours, floor] = [timeOf(sm.latency, OURS, n, st), timeOf(sm.latency, FLOOR, n, st)];
    return `\`${st}\` ${s(ours)} (${x(ours / floor)} the floor)`;
  };
  const { ratePerSecond, burst } = limitOf(r.plan);
  const limited = (st: Step) => sm.rateLimit.find((e) => e.step === st);
  const share = (st: Step) => x((limited(st)?.acceptedPerSecond ?? NaN) / ratePerSecond);
  const refresh = limited("refresh");
  const failed = sm.rateLimit.reduce((sum, e) => sum + e.failedOps, 0);
  const percent = (v = 0) => `${Math.round(v * 100)} %`;
  return [
    `Latest full run: ${r.date.slice(0, 10)}, ${Math.round(r.durationS)} s on ${mc.cpu}, ${mc.cores} cores, ` +
      `Node ${mc.node}, Pulumi CLI ${mc.pulumiCli} (load average median ${r.load.median.toFixed(2)}).`,
    "",
    `- ${latency.faults.latencyMs} ms a call, N = ${n} (median of ${latency.reps}): ${ENGINE_STEPS.map(step).join(", ")}.`,
    `- Rate limit ${ratePerSecond} calls/s (burst ${burst}), N = ${rateLimit.sizes[0]}: ${failed} failed resources; ` +
      `\`up\` sustained ${share("up")} of the limit, \`destroy\` ${share("destroy")} of the limit; \`refresh\` made ` +
      `${refresh?.calls.DescribeDataShares?.accepted ?? 0} \`DescribeDataShares\` calls, ${refresh?.rateLimited} rate-limited.`,
    `- ${percent(faults.faults.throttleRate)} throttling + ${percent(faults.faults.serverErrorRate)} 5xx, ` +
      `N = ${faults.sizes[0]}, default \`maxAttempts\`: ${sm.faults.failedOps} failed resources ` +
      `(${sm.faults.injected} faults injected, ${sm.faults.retried} retried).`,
    "",
    targetsLine("Targets", sm.targets),
  ].join("\n");
}

const HEADER =
  "Measure|DataShareConsumer|Floor (SDK / no-op, same properties)|Ratio|no-op, 2 properties|Ratio|Target|Result";

export const mainPart: Part<MainPlan, MainMeasurements, MainSummary> = {
  plan: mainPlan,
  measure: measureMain,
  summarize: summarizeMain,
  title: () => "Main part: the provider against its floors, engine scenarios, in-process, cold start.",
  header: HEADER.split("|"),
  rows: (r) => [
    ...latencyRows(r),
    ...rateLimitRows(r),
    ...faultRows(r),
    ...zeroLatencyRows(r),
    ...overheadRows(r.measurements.overhead, ""),
    ...overheadRows(r.measurements.authorizationOverhead, "authorization "),
    ...coldStartRows(r),
  ],
  brief,
};
