/**
 * From raw measurements to the figures the table shows: medians per (scenario, kind, N), marginal
 * costs, rates under the rate limit, failures, and the targets with PASS/MISS.
 */
import type { OperationCounts } from "../emulator";
import type { ResourceKind } from "./benchStack";
import type { ColdStartResult } from "./coldStart";
import { ENGINE_STEPS, EngineRun, EngineStep, total } from "./engineScale";
import type { OverheadResult } from "./providerOverhead";
import { OPERATIONS } from "./providerOverhead";
import type { PermanentFailure } from "./retryDefaults";
import type { FaultScenario, KindsScenario, RateLimitScenario } from "./scenarios";
import { marginal, median } from "./stats";

export interface Measurements {
  overhead: OverheadResult;
  /** DataShareAuthorization's in-process overhead (the same method as `overhead`). */
  authorizationOverhead: OverheadResult;
  coldStart: ColdStartResult[];
  zeroLatency: { scenario: KindsScenario; runs: EngineRun[] };
  latency: { scenario: KindsScenario; runs: EngineRun[] };
  rateLimit: { scenario: RateLimitScenario; run: EngineRun };
  faults: { scenario: FaultScenario; run: EngineRun };
  permanentFailures: { latencyMs: number; cases: PermanentFailure[] };
}

export interface EngineSize {
  kind: ResourceKind;
  n: number;
  reps: number;
  ms: Record<EngineStep, number>;
  failedOps: number;
  stateBytes: number;
  providerBytes: number;
}

export interface RateLimited {
  step: EngineStep;
  ms: number;
  failedOps: number;
  /** The operation the step is made of (Associate for up, Disassociate for destroy, Describe for refresh). */
  operation: string;
  accepted: number;
  rateLimited: number;
  acceptedPerSecond: number;
  calls: Record<string, OperationCounts>;
}

export interface TargetCheck {
  name: string;
  measured: number;
  limit: number;
  unit: string;
  pass: boolean;
}

export interface Summary {
  zeroLatency: EngineSize[];
  latency: EngineSize[];
  marginalBetween: [number, number];
  /** Per-resource marginal cost of each step at zero latency, by kind. */
  marginalMs: Record<
    EngineStep,
    Partial<Record<ResourceKind, number>> & Record<"DataShareConsumer" | "no-op, same properties", number>
  >;
  rateLimit: RateLimited[];
  faults: { failedOps: number; injected: number; retried: number };
  targets: TargetCheck[];
}

export const PROVIDER_SDK_RATIO_LIMIT = 1.1;
export const LATENCY_RATIO_LIMIT = 1.1;
export const UP_MARGINAL_RATIO_LIMIT = 1.25;
export const RATE_SHARE_LIMIT = 0.8;
export const PROVIDER_BYTES_LIMIT = 4096;

const STEP_OPERATION: Record<EngineStep, string> = {
  up: "AssociateDataShareConsumer",
  refresh: "DescribeDataShares",
  destroy: "DisassociateDataShareConsumer",
};

export function summarizeRuns(runs: EngineRun[]): EngineSize[] {
  const groups = new Map<string, EngineRun[]>();
  for (const run of runs)
    groups.set(`${run.kind}/${run.n}`, [...(groups.get(`${run.kind}/${run.n}`) ?? []), run]);
  return [...groups.values()].map((group) => ({
    kind: group[0].kind,
    n: group[0].n,
    reps: group.length,
    ms: Object.fromEntries(ENGINE_STEPS.map((s) => [s, median(group.map((r) => r.steps[s].ms))])) as Record<
      EngineStep,
      number
    >,
    failedOps: group.reduce((sum, r) => sum + ENGINE_STEPS.reduce((a, s) => a + r.steps[s].failedOps, 0), 0),
    stateBytes: median(group.map((r) => r.stateBytes)),
    providerBytes: median(group.map((r) => r.providerBytes)),
  }));
}

export function findSize(sizes: EngineSize[], kind: ResourceKind, n: number): EngineSize {
  const found = sizes.find((e) => e.kind === kind && e.n === n);
  if (!found) throw new Error(`no engine run of ${kind} at N=${n}`);
  return found;
}

function rateLimited(run: EngineRun): RateLimited[] {
  return ENGINE_STEPS.map((step) => {
    const r = run.steps[step];
    const op = r.calls[STEP_OPERATION[step]];
    const accepted = op?.accepted ?? 0;
    return {
      step,
      ms: r.ms,
      failedOps: r.failedOps,
      operation: STEP_OPERATION[step],
      accepted,
      rateLimited: total(r.calls, "rateLimited"),
      acceptedPerSecond: accepted / (r.ms / 1000),
      calls: r.calls,
    };
  });
}

function check(name: string, measured: number, limit: number, unit: string, atMost = true): TargetCheck {
  return { name, measured, limit, unit, pass: atMost ? measured <= limit : measured >= limit };
}

export function summarize(m: Measurements): Summary {
  const zeroLatency = summarizeRuns(m.zeroLatency.runs);
  const latency = summarizeRuns(m.latency.runs);
  const sizes = [...new Set(zeroLatency.map((e) => e.n))].sort((a, b) => a - b);
  const [small, large] = [sizes[0], sizes[sizes.length - 1]];
  const kinds = [...new Set(zeroLatency.map((e) => e.kind))];
  const marginalMs = Object.fromEntries(
    ENGINE_STEPS.map((step) => [
      step,
      Object.fromEntries(
        kinds.map((kind) => [
          kind,
          marginal(
            { n: small, ms: findSize(zeroLatency, kind, small).ms[step] },
            { n: large, ms: findSize(zeroLatency, kind, large).ms[step] },
          ),
        ]),
      ),
    ]),
  ) as Summary["marginalMs"];

  const targets: TargetCheck[] = OPERATIONS.map((op) =>
    check(`${op}: provider / SDK time`, m.overhead.operations[op].ratio, PROVIDER_SDK_RATIO_LIMIT, "×"),
  );
  for (const op of OPERATIONS) {
    targets.push(
      check(
        `authorization ${op}: provider / SDK time`,
        m.authorizationOverhead.operations[op].ratio,
        PROVIDER_SDK_RATIO_LIMIT,
        "×",
      ),
    );
  }
  const latN = m.latency.scenario.sizes[m.latency.scenario.sizes.length - 1];
  for (const step of ENGINE_STEPS) {
    const p = findSize(latency, "DataShareConsumer", latN).ms[step];
    const f = findSize(latency, "no-op, same properties", latN).ms[step];
    targets.push(check(`latency: pulumi ${step} / floor at N=${latN}`, p / f, LATENCY_RATIO_LIMIT, "×"));
  }
  const limited = rateLimited(m.rateLimit.run);
  const rate = m.rateLimit.scenario.ratePerSecond;
  for (const r of limited.filter((l) => l.step !== "refresh")) {
    targets.push(check(`rate limit: pulumi ${r.step} failures`, r.failedOps, 0, "failures"));
    targets.push(
      check(
        `rate limit: pulumi ${r.step} accepted/s ÷ limit`,
        r.acceptedPerSecond / rate,
        RATE_SHARE_LIMIT,
        "×",
        false,
      ),
    );
  }
  const refresh = limited.find((l) => l.step === "refresh")!;
  targets.push(check("rate limit: pulumi refresh rate-limited answers", refresh.rateLimited, 0, "calls"));
  const faultRun = m.faults.run;
  const faultFailures = ENGINE_STEPS.reduce((a, s) => a + faultRun.steps[s].failedOps, 0);
  const injected = ENGINE_STEPS.reduce(
    (a, s) =>
      a + total(faultRun.steps[s].calls, "throttled") + total(faultRun.steps[s].calls, "serverErrors"),
    0,
  );
  targets.push(check("faults at default maxAttempts: failures", faultFailures, 0, "failures"));
  // Not retried: no operation is sent twice (a retried call would be sent maxAttempts times).
  for (const p of m.permanentFailures.cases) {
    targets.push(
      check(
        `permanent failure not retried: ${p.case}`,
        Math.max(...Object.values(p.calls)),
        1,
        "calls per operation",
      ),
    );
  }
  targets.push(
    check(
      `zero latency: pulumi up marginal / same-properties no-op at N=${large}`,
      marginalMs.up.DataShareConsumer / marginalMs.up["no-op, same properties"],
      UP_MARGINAL_RATIO_LIMIT,
      "×",
    ),
  );
  targets.push(
    check(
      "serialized provider per resource",
      findSize(zeroLatency, "DataShareConsumer", large).providerBytes,
      PROVIDER_BYTES_LIMIT,
      "bytes",
    ),
  );
  return {
    zeroLatency,
    latency,
    marginalBetween: [small, large],
    marginalMs,
    rateLimit: limited,
    faults: { failedOps: faultFailures, injected, retried: faultFailures === 0 ? injected : Number.NaN },
    targets,
  };
}
