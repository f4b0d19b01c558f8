/**
 * Fault scenarios: a throttled, flaky control plane, and changes applied whose answers are lost.
 * Each returns a report; see report.ts.
 */
import type { FaultConfig } from "../../../emulator";
import { compareAssociations, describeComparison, isExact, liveAssociations } from "./associations";
import { convergeAndVerify } from "./converge";
import { EngineRunResult, Recorder, ScenarioReport, errorDiagnostics, failedSteps } from "./report";
import { MAX_ATTEMPTS, World } from "./world";

/** Fixed so that every run injects the same faults in the same request order. */
export const FAULT_SEED = 20260601;

export const THROTTLED: FaultConfig = { throttleRate: 0.2, serverErrorRate: 0.05, randomSeed: FAULT_SEED };

export interface SizeOptions {
  associations: number;
  shares: number;
}

/** How many times `up` may be rerun to finish what give-ups left undone. */
const MAX_RERUNS = 3;

/**
 * up, preview and destroy of `associations` associations with 20% throttling and 5% 503s.
 * `maxAttempts` "default" leaves REDSHIFT_DATASHARE_MAX_ATTEMPTS unset: the provider's default
 * decides. A call that runs out of attempts ("gives up") fails its step; that is counted and
 * reported, and reruns (like a user re-running CI) must then finish with nothing duplicated or
 * lost. With an explicit, sufficient number of attempts, every run must have 0 errors.
 */
export async function runThrottledScenario(
  size: SizeOptions,
  maxAttempts: number | "default" = "default",
): Promise<ThrottledReport> {
  const tolerateGiveUps = maxAttempts === "default";
  const rec = new Recorder(
    `throttling 20% + 5xx 5%, ${tolerateGiveUps ? "default attempts" : `${maxAttempts} attempts`}`,
    size.associations,
  );
  const world = await World.start({ ...size, faults: THROTTLED, maxAttempts });
  const stack = world.consumers;
  let giveUps = 0;
  try {
    const countGiveUps = (r: EngineRunResult, label: string) => {
      const failed = failedSteps(r.events);
      giveUps += failed.length;
      if (failed.length > 0 || r.run.result !== "succeeded")
        rec.expect(
          `${label}: the run failed only because calls gave up (throttle or 5xx after the last attempt)`,
          failed.length > 0 && failed.every((f) => isGiveUp(f.message)),
          failed
            .map((f) => f.message)
            .join(" | ")
            .slice(0, 400) || errorDiagnostics(r.events).join(" | ").slice(0, 400),
        );
    };
    let up = await rec.engine("up", () => stack.up());
    if (tolerateGiveUps) countGiveUps(up, "up");
    for (let i = 1; tolerateGiveUps && up.run.result !== "succeeded" && i <= MAX_RERUNS; i++) {
      rec.expect(
        `no duplicate after up #${i}`,
        world.compare().duplicates.length === 0,
        describeComparison(world.compare()),
      );
      up = await rec.engine(`up (rerun ${i})`, () => stack.up());
      countGiveUps(up, `up (rerun ${i})`);
    }
    rec.expect(
      tolerateGiveUps ? "up succeeds (after reruns, if calls gave up)" : "up succeeds with 0 errors",
      up.run.result === "succeeded" && up.run.errors === 0,
      summarize(up),
    );
    const created = rec.runs.reduce((n, r) => n + (r.changes.create ?? 0), 0) - 1;
    rec.expect("up creates every association", created === size.associations, `${created} created`);
    rec.expectExact("after up, the emulator holds exactly the declared associations", world.compare());

    const preview = await rec.engine("preview --expect-no-changes", () => stack.previewExpectingNoChanges());
    rec.expect("preview shows no changes", preview.error === undefined, summarize(preview));

    let destroy = await rec.engine("destroy", () => stack.destroy());
    if (tolerateGiveUps) countGiveUps(destroy, "destroy");
    for (let i = 1; tolerateGiveUps && destroy.run.result !== "succeeded" && i <= MAX_RERUNS; i++) {
      destroy = await rec.engine(`destroy (rerun ${i})`, () => stack.destroy());
      countGiveUps(destroy, `destroy (rerun ${i})`);
    }
    rec.expect(
      tolerateGiveUps
        ? "destroy succeeds (after reruns, if calls gave up)"
        : "destroy succeeds with 0 errors",
      destroy.run.result === "succeeded" && destroy.run.errors === 0,
      summarize(destroy),
    );
    const after = compareAssociations([], liveAssociations(world.emu.admin.snapshot()));
    rec.expect("after destroy, the emulator holds no association", isExact(after), describeComparison(after));
    // With no give-up, the SDK re-sent every request that got an injected fault.
    const counts = world.counts();
    return {
      ...rec.finish(
        counts,
        giveUps === 0 ? counts.injected.throttled + counts.injected.serverErrors : undefined,
      ),
      giveUps,
      maxAttempts: String(maxAttempts),
    };
  } finally {
    await world.dispose();
  }
}

export interface ThrottledReport extends ScenarioReport {
  /** Resource steps that failed because a call ran out of attempts (over every run). */
  giveUps: number;
  maxAttempts: string;
}

/** A step's error after the SDK's last attempt was throttled or answered 503. */
function isGiveUp(message: string): boolean {
  return /throttl|rate exceeded|ServiceUnavailable|503|slow down|retr/i.test(message);
}

/**
 * AssociateDataShareConsumer is applied but its answer dropped (the socket is destroyed), for the
 * first `drops` calls. With `firstAttempts` 1 no SDK retry hides the loss from the provider; with
 * more, the SDK resends a change that was already applied. The next up (normal attempts) must
 * converge with no duplicate and no orphan.
 */
export async function runDroppedResponseScenario(
  size: SizeOptions,
  firstAttempts: number,
): Promise<ScenarioReport> {
  const drops = Math.max(2, Math.floor(size.associations / 4));
  const rec = new Recorder(
    `dropped Associate answers (${drops}), ${firstAttempts} attempt(s)`,
    size.associations,
  );
  const world = await World.start({
    ...size,
    faults: { dropResponse: ["AssociateDataShareConsumer"], dropResponseCount: drops },
    maxAttempts: firstAttempts,
  });
  const stack = world.consumers;
  try {
    const first = await rec.engine(`up (answers dropped, ${firstAttempts} attempt(s) per call)`, () =>
      stack.up(),
    );
    rec.expect(
      `${drops} responses were dropped`,
      world.counts().injected.droppedResponses === drops,
      JSON.stringify(world.counts().injected),
    );
    rec.expect(
      "no duplicate after the first up",
      world.compare().duplicates.length === 0,
      describeComparison(world.compare()),
    );
    if (first.run.result !== "succeeded")
      rec.expect("the failed first up names the lost answer", first.run.errors > 0, summarize(first));

    stack.setEnv("REDSHIFT_DATASHARE_MAX_ATTEMPTS", String(MAX_ATTEMPTS));
    // The rerun and its no-change preview; no refresh (dropped answers leave state and service alike).
    await convergeAndVerify(rec, world, { refresh: false });
    // With one attempt the SDK re-sends nothing (the provider recovers by reading); with more, the
    // SDK re-sends each dropped call, and no call gave up if the first up had no error.
    const counts = world.counts();
    const retries =
      firstAttempts === 1 ? 0 : first.run.errors === 0 ? counts.injected.droppedResponses : undefined;
    return rec.finish(counts, retries);
  } finally {
    await world.dispose();
  }
}

/** `up` of the whole declared set: it must succeed, create every association and leave them exact. */
export async function upCreatingEveryAssociation(
  rec: Recorder,
  world: World,
  size: SizeOptions,
): Promise<void> {
  const up = await rec.engine("up", () => world.consumers.up());
  rec.expect(
    "up succeeds with 0 errors",
    up.run.result === "succeeded" && up.run.errors === 0,
    summarize(up),
  );
  rec.expect(
    "up creates every association",
    createdAssociations(up.run) === size.associations,
    JSON.stringify(up.run.changes),
  );
  rec.expectExact("after up, the emulator holds exactly the declared associations", world.compare());
}

/** The engine counts the stack resource among the creates of a first up (and deletes of a destroy). */
export function createdAssociations(run: { changes: Record<string, number> }): number {
  return Math.max(0, (run.changes.create ?? 0) - 1);
}

export function summarize(r: {
  run: { result: string; changes: Record<string, number>; errors: number };
  error?: Error;
}): string {
  const base = `${r.run.result}, ${JSON.stringify(r.run.changes)}, ${r.run.errors} error(s)`;
  return r.error ? `${base}: ${firstLines(r.error.message)}` : base;
}

function firstLines(text: string): string {
  const lines = text.split("\n").filter((l) => /error|fail/i.test(l));
  return lines.slice(0, 4).join(" | ").slice(0, 600);
}
