/** The printed summary of a reliability run. Pure: reports in, text out. */
import { ScenarioReport, failedChecks } from "./report";

export interface Totals {
  scenarios: number;
  checks: number;
  failedChecks: number;
  faultsInjected: {
    throttled: number;
    serverErrors: number;
    droppedResponses: number;
    emulatorRestarts: number;
    sigints: number;
  };
  requests: number;
  requestsByOperation: Record<string, number>;
  /** Requests answered by the model (received minus those answered by an injected throttle or 5xx; dropped ones were applied). */
  answered: number;
  retries: number;
  retriesKnown: boolean;
  engineRuns: number;
  engineSteps: Record<string, number>;
  lost: number;
  orphans: number;
  /** Steps failed because a call ran out of attempts, per throttling scenario. */
  giveUps: { scenario: string; maxAttempts: string; giveUps: number }[];
  seconds: number;
}

export function totals(reports: ScenarioReport[]): Totals {
  const t: Totals = {
    scenarios: reports.length,
    checks: 0,
    failedChecks: 0,
    faultsInjected: { throttled: 0, serverErrors: 0, droppedResponses: 0, emulatorRestarts: 0, sigints: 0 },
    requests: 0,
    requestsByOperation: {},
    answered: 0,
    retries: 0,
    retriesKnown: true,
    engineRuns: 0,
    engineSteps: {},
    lost: 0,
    orphans: 0,
    giveUps: [],
    seconds: 0,
  };
  for (const r of reports) {
    t.checks += r.checks.length;
    t.failedChecks += failedChecks(r).length;
    t.faultsInjected.throttled += r.injected.throttled;
    t.faultsInjected.serverErrors += r.injected.serverErrors;
    t.faultsInjected.droppedResponses += r.injected.droppedResponses;
    if (r.scenario.includes("restarted")) t.faultsInjected.emulatorRestarts++;
    if (r.scenario.includes("SIGINT")) t.faultsInjected.sigints++;
    for (const [op, n] of Object.entries(r.requests)) {
      t.requestsByOperation[op] = (t.requestsByOperation[op] ?? 0) + n;
      t.requests += n;
    }
    t.answered +=
      Object.values(r.requests).reduce((a, b) => a + b, 0) - r.injected.throttled - r.injected.serverErrors;
    if (r.retries === undefined) t.retriesKnown = false;
    else t.retries += r.retries;
    t.engineRuns += r.runs.length;
    for (const run of r.runs)
      for (const [op, n] of Object.entries(run.changes)) t.engineSteps[op] = (t.engineSteps[op] ?? 0) + n;
    const g = r as ScenarioReport & { giveUps?: number; maxAttempts?: string };
    if (g.giveUps !== undefined)
      t.giveUps.push({ scenario: r.scenario, maxAttempts: g.maxAttempts ?? "", giveUps: g.giveUps });
    t.lost += r.lost;
    t.orphans += r.orphans;
    t.seconds += r.seconds;
  }
  return t;
}

const fmt = (o: Record<string, number>) =>
  Object.entries(o)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");

/** Each run by name, or counts by result when a scenario has many (one preview per bad input). */
function describeRuns(r: ScenarioReport): string {
  if (r.runs.length === 0) return "none";
  if (r.runs.length <= 8) return r.runs.map((x) => `${x.label}=${x.result}`).join(", ");
  const byResult: Record<string, number> = {};
  for (const x of r.runs) byResult[x.result] = (byResult[x.result] ?? 0) + 1;
  return `${r.runs.length} (${fmt(byResult)})`;
}

export function formatSummary(reports: ScenarioReport[]): string {
  const t = totals(reports);
  const lines: string[] = [];
  for (const r of reports) {
    const failed = failedChecks(r);
    lines.push(
      `${failed.length === 0 ? "PASS" : "FAIL"}  ${r.scenario}${r.associations ? ` [${r.associations} associations]` : ""}  ` +
        `${r.seconds.toFixed(1)}s  runs: ${describeRuns(r)}`,
    );
    for (const c of failed) lines.push(`      failed: ${c.name}: ${c.detail}`);
  }
  const f = t.faultsInjected;
  lines.push(
    "",
    "Summary",
    `  scenarios ${t.scenarios}, checks ${t.checks}, failed ${t.failedChecks}`,
    `  faults injected: throttled ${f.throttled}, 5xx ${f.serverErrors}, dropped responses ${f.droppedResponses}, ` +
      `emulator restarts ${f.emulatorRestarts}, SIGINTs ${f.sigints}`,
    `  AWS requests received by the emulator: ${t.requests} (${fmt(t.requestsByOperation)})`,
    `  requests answered by the model (received - throttled - 5xx): ${t.answered}`,
    `  retries (requests the SDK re-sent after an injected fault): ${t.retries}${t.retriesKnown ? "" : " (+ unknown: the re-sends of calls that gave up, and requests refused while the emulator was down, are not counted)"}`,
    `  engine runs ${t.engineRuns}; resource steps: ${fmt(t.engineSteps)}`,
    `  associations lost: ${t.lost}; orphaned or duplicated: ${t.orphans}`,
    ...t.giveUps.map(
      (g) => `  give-ups (steps failed after the last attempt) at maxAttempts ${g.maxAttempts}: ${g.giveUps}`,
    ),
    `  wall time of the scenarios: ${t.seconds.toFixed(1)}s`,
  );
  return lines.join("\n");
}
