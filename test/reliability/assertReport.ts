import * as assert from "node:assert/strict";
import { ScenarioReport, failedChecks } from "./scenario/report";

/** Fails with every failed check of the scenario, not just the first. */
export function assertPassed(report: ScenarioReport): void {
  const failed = failedChecks(report);
  assert.equal(
    failed.length,
    0,
    `${report.scenario}: ${failed.map((c) => `${c.name} (${c.detail})`).join("; ")}\nruns: ${JSON.stringify(report.runs)}`,
  );
  assert.equal(report.lost, 0, "associations lost");
  assert.equal(report.orphans, 0, "associations orphaned or duplicated");
}

/** Long enough for a few engine runs with throttling backoff on two cores. */
export const SCENARIO_TIMEOUT_MS = 5 * 60 * 1000;
