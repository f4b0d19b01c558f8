/**
 * Fault scenarios: a throttled, flaky control plane, and changes applied whose answers are lost.
 * Each returns a report; see report.ts.
 */
import type { FaultConfig } from "../../../emulator";
import { compareAssociations, describeComparison, isExact, liveAssociations } from "./associations";
import { Recorder, ScenarioReport } from "./report";
import { MAX_ATTEMPTS, World } from "./world";

/** Fixed so that every run injects the same faults in the same request order. */
export const FAULT_SEED = 20260601;

export const THROTTLED: FaultConfig = { throttleRate: 0.2, serverErrorRate: 0.05, randomSeed: FAULT_SEED };

export interface SizeOptions {
  associations: number;
  shares: number;
}

/** up, preview and destroy of `associations` associations with 20% throttling and 5% 503s. */
export async function runThrottledScenario(size: SizeOptions): Promise<ScenarioReport> {
  const rec = new Recorder("throttling 20% + 5xx 5%", size.associations);
  const world = await World.start({ ...size, faults: THROTTLED });
  try {
    await upCreatingEveryAssociation(rec, world, size);

    const preview = await rec.engine("preview --expect-no-changes", (onEvent) =>
      world.stack.preview({ expectNoChanges: true, onEvent }),
    );
    rec.expect("preview shows no changes", preview.error === undefined, summarize(preview));

    const destroy = await rec.engine("destroy", (onEvent) => world.stack.destroy({ onEvent }));
    rec.expect(
      "destroy succeeds with 0 errors",
      destroy.run.result === "succeeded" && destroy.run.errors === 0,
      summarize(destroy),
    );
    const after = compareAssociations([], liveAssociations(world.emu.admin.snapshot()));
    rec.expect("after destroy, the emulator holds no association", isExact(after), describeComparison(after));
    // No call gave up (0 errors), so the SDK re-sent every request that got an injected fault.
    const counts = world.counts();
    const clean = rec.runs.every((r) => r.errors === 0);
    return rec.finish(counts, clean ? counts.injected.throttled + counts.injected.serverErrors : undefined);
  } finally {
    await world.dispose();
  }
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
    env: { REDSHIFT_DATASHARE_MAX_ATTEMPTS: String(firstAttempts) },
  });
  try {
    const first = await rec.engine(`up (answers dropped, ${firstAttempts} attempt(s) per call)`, (onEvent) =>
      world.stack.up({ onEvent }),
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

    world.setEnv("REDSHIFT_DATASHARE_MAX_ATTEMPTS", String(MAX_ATTEMPTS));
    const rerun = await rec.engine("up (rerun)", (onEvent) => world.stack.up({ onEvent }));
    rec.expect(
      "the rerun succeeds with 0 errors",
      rerun.run.result === "succeeded" && rerun.run.errors === 0,
      summarize(rerun),
    );
    rec.expectExact("after the rerun, the emulator holds exactly the declared associations", world.compare());
    const preview = await rec.engine("preview --expect-no-changes", (onEvent) =>
      world.stack.preview({ expectNoChanges: true, onEvent }),
    );
    rec.expect("preview shows no changes", preview.error === undefined, summarize(preview));
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

/** The engine counts the stack resource among the creates of a first up (and deletes of a destroy). */
/** `up` of the whole declared set: it must succeed, create every association and leave them exact. */
export async function upCreatingEveryAssociation(
  rec: Recorder,
  world: World,
  size: SizeOptions,
): Promise<void> {
  const up = await rec.engine("up", (onEvent) => world.stack.up({ onEvent }));
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
