/**
 * Which scenarios run at which size. `full` is the size (50 associations under faults,
 * 100 for concurrency); `small` is what `npm test` runs; a number N means N under faults and 2N
 * for concurrency.
 */
import { runAuthRejectionScenario } from "./authRejection";
import { runBadInputScenario } from "./badInput";
import { runConcurrencyScenario } from "./concurrency";
import { runDroppedResponseScenario, runThrottledScenario } from "./faults";
import { runEmulatorRestartScenario, runSigintScenario } from "./interruptions";
import type { ScenarioReport } from "./report";
import { runSecretsScenario } from "./secrets";
import { MAX_ATTEMPTS } from "./world";

export interface Sizes {
  faults: number;
  concurrency: number;
  /** Every bad-input case through the engine, or one per category. */
  everyBadInputThroughEngine: boolean;
}

export const FULL: Sizes = { faults: 50, concurrency: 100, everyBadInputThroughEngine: true };
export const SMALL: Sizes = { faults: 10, concurrency: 12, everyBadInputThroughEngine: false };

export function sizesFor(size: "full" | "small" | number): Sizes {
  if (size === "full") return FULL;
  if (size === "small") return SMALL;
  return { faults: size, concurrency: 2 * size, everyBadInputThroughEngine: size >= FULL.faults };
}

export interface PlannedScenario {
  id: string;
  run: () => Promise<ScenarioReport>;
}

export function planScenarios(s: Sizes): PlannedScenario[] {
  const faults = { associations: s.faults, shares: 5 };
  return [
    // At the provider's default attempts (REDSHIFT_DATASHARE_MAX_ATTEMPTS unset): give-ups are counted.
    { id: "throttling", run: () => runThrottledScenario(faults, "default") },
    { id: "throttling-retry", run: () => runThrottledScenario(faults, MAX_ATTEMPTS) },
    { id: "dropped-1", run: () => runDroppedResponseScenario(faults, 1) },
    { id: "dropped-retry", run: () => runDroppedResponseScenario(faults, MAX_ATTEMPTS) },
    { id: "restart", run: () => runEmulatorRestartScenario(faults) },
    { id: "sigint", run: () => runSigintScenario(faults) },
    { id: "concurrency", run: () => runConcurrencyScenario({ associations: s.concurrency, shares: 4 }) },
    {
      id: "bad-input",
      run: () => runBadInputScenario({ everyCaseThroughEngine: s.everyBadInputThroughEngine }),
    },
    { id: "secrets", run: () => runSecretsScenario() },
    { id: "auth", run: () => runAuthRejectionScenario() },
  ];
}
