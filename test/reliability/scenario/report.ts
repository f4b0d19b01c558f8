/**
 * What a scenario measured and what it checked. Scenarios never throw on a failed expectation:
 * they record it, so that `run.ts` can print every result and the mocha suites assert on them.
 */
import type { CommandResult, EngineEvent } from "../../../harness/pulumiStack";
import type { InjectedFaults } from "../../../emulator";
import { Comparison, describeComparison, isExact } from "./associations";
import type { Counts } from "./world";

export interface EngineRun {
  /** e.g. "up", "up (rerun)", "refresh", "preview --expect-no-changes", "destroy". */
  label: string;
  /** "succeeded", "failed", or "interrupted". */
  result: string;
  /** Resource steps by kind (create, delete, same, ...), from the engine's summary when it has one. */
  changes: Record<string, number>;
  /** Error diagnostics the engine reported for resources. */
  errors: number;
  seconds: number;
}

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export interface ScenarioReport {
  scenario: string;
  associations: number;
  seconds: number;
  runs: EngineRun[];
  /** AWS API requests the emulator received, per operation (including ones answered with a fault). */
  requests: Record<string, number>;
  injected: InjectedFaults;
  /**
   * Requests the SDK re-sent after an injected fault, when the scenario can know it exactly (see
   * docs/reliability.md); undefined otherwise.
   */
  retries?: number;
  /** Declared associations missing from the emulator at the end. */
  lost: number;
  /** Associations the emulator holds that were not declared (orphans) or holds twice. */
  orphans: number;
  checks: Check[];
}

/** One `pulumi` command's exit, output and engine events (its `--event-log`). */
export interface CliOutcome extends CommandResult {
  events: EngineEvent[];
}

/** What `Recorder.engine` gives back. */
export interface EngineRunResult {
  run: EngineRun;
  error?: Error;
  outcome: CliOutcome;
  events: EngineEvent[];
}

export class Recorder {
  readonly runs: EngineRun[] = [];
  readonly checks: Check[] = [];
  private readonly started = Date.now();
  private final: Comparison | undefined;

  constructor(
    readonly scenario: string,
    readonly associations: number,
  ) {}

  expect(name: string, ok: boolean, detail = ""): boolean {
    this.checks.push({ name, ok, detail });
    return ok;
  }

  expectExact(name: string, c: Comparison): boolean {
    this.final = c;
    return this.expect(name, isExact(c), describeComparison(c));
  }

  /** Runs one CLI command; a non-zero exit is recorded as a failed run (with its output as the error). */
  async engine(label: string, run: () => Promise<CliOutcome>): Promise<EngineRunResult> {
    const t0 = Date.now();
    const outcome = await run();
    const events = outcome.events;
    const error =
      outcome.code === 0
        ? undefined
        : new Error(`exit ${outcome.code}\n${outcome.stdout}\n${outcome.stderr}`);
    // The last summary: the update's, after its preview when one ran.
    const summaries = events.filter((e) => e.summaryEvent).map((e) => e.summaryEvent!);
    const opMap = summaries.length > 0 ? (summaries[summaries.length - 1].resourceChanges ?? {}) : {};
    const changes: Record<string, number> = {};
    for (const [op, n] of Object.entries(opMap)) {
      if (n) changes[op] = n;
    }
    const record: EngineRun = {
      label,
      result: error ? "failed" : "succeeded",
      changes,
      errors: errorDiagnostics(events).length,
      seconds: (Date.now() - t0) / 1000,
    };
    this.runs.push(record);
    return { run: record, error, outcome, events };
  }

  finish(counts: Counts, retries?: number): ScenarioReport {
    const c = this.final;
    return {
      retries,
      scenario: this.scenario,
      associations: this.associations,
      seconds: (Date.now() - this.started) / 1000,
      runs: this.runs,
      requests: counts.requests,
      injected: counts.injected,
      lost: c ? c.missing.length : 0,
      orphans: c ? c.extra.length + c.duplicates.length : 0,
      checks: this.checks,
    };
  }
}

/** Every error diagnostic of a run (resources' and the engine's own). */
export function errorDiagnostics(events: EngineEvent[]): string[] {
  return events.flatMap((e) => (e.diagnosticEvent?.severity === "error" ? [e.diagnosticEvent.message] : []));
}

/** The resources whose steps failed, each with its first error message (engine-wide errors left out). */
export function failedSteps(events: EngineEvent[]): { urn: string; message: string }[] {
  const byUrn = new Map<string, string>();
  for (const e of events) {
    const d = e.diagnosticEvent;
    if (d?.severity !== "error" || !d.urn || d.urn.includes("::pulumi:pulumi:Stack::")) continue;
    if (!byUrn.has(d.urn)) byUrn.set(d.urn, d.message);
  }
  return [...byUrn].map(([urn, message]) => ({ urn, message }));
}

export function failedChecks(report: ScenarioReport): Check[] {
  return report.checks.filter((c) => !c.ok);
}
