/**
 * Interruption scenarios: the service goes away in the middle of `pulumi up`, or the user presses
 * Ctrl-C (SIGINT to the CLI). Either way a rerun must converge and nothing may be lost.
 */
import { describeComparison, liveAssociations } from "./associations";
import { SizeOptions, summarize } from "./faults";
import { Recorder, ScenarioReport } from "./report";
import { World } from "./world";

/** Added to every answer so that `up` is still running when the interruption comes. */
const LATENCY_MS = 40;
/** How long the emulator stays down. */
const DOWNTIME_MS = 3000;

export async function runEmulatorRestartScenario(size: SizeOptions): Promise<ScenarioReport> {
  const rec = new Recorder("emulator restarted mid-up", size.associations);
  const world = await World.start({ ...size, persistent: true, faults: { latencyMs: LATENCY_MS } });
  try {
    const pending = rec.engine("up (emulator stopped and restarted)", (onEvent) =>
      world.stack.up({ onEvent }),
    );
    let finished = false;
    void pending.then(() => (finished = true));
    const reached = await waitFor(() => heldAssociations(world) >= size.associations / 3, 120_000);
    rec.expect("up was still running when the emulator stopped", reached && !finished);
    const acknowledged = liveAssociations(world.emu.admin.snapshot()).map((a) => a.key);
    await world.stopEmulator();
    await sleep(DOWNTIME_MS);
    await world.startEmulatorAgain();
    const kept = new Set(liveAssociations(world.emu.admin.snapshot()).map((a) => a.key));
    const dropped = acknowledged.filter((k) => !kept.has(k));
    rec.expect(
      "the restarted emulator still holds every association it held when stopped",
      dropped.length === 0,
      `${acknowledged.length} held before the stop, ${dropped.length} missing after the restart`,
    );
    const interrupted = await pending;
    rec.expect("the interrupted up ended (either way)", true, summarize(interrupted));

    await convergeAndVerify(rec, world);
    return rec.finish(world.counts());
  } finally {
    await world.dispose();
  }
}

export async function runSigintScenario(size: SizeOptions): Promise<ScenarioReport> {
  const rec = new Recorder("SIGINT during up", size.associations);
  const world = await World.start({ ...size, faults: { latencyMs: LATENCY_MS } });
  try {
    const abort = new AbortController();
    const pending = rec.engine("up (SIGINT)", (onEvent) => world.stack.up({ onEvent, signal: abort.signal }));
    let finished = false;
    void pending.then(() => (finished = true));
    const reached = await waitFor(() => heldAssociations(world) >= size.associations / 3, 120_000);
    rec.expect("up was still running when SIGINT was sent", reached && !finished);
    abort.abort();
    const interrupted = await pending;
    rec.expect(
      "the interrupted up stopped before creating everything",
      interrupted.run.result !== "succeeded" || (interrupted.run.changes.create ?? 0) <= size.associations,
      summarize(interrupted),
    );
    const partial = world.compare();
    rec.expect("no duplicate after SIGINT", partial.duplicates.length === 0, describeComparison(partial));

    await convergeAndVerify(rec, world);
    return rec.finish(world.counts(), 0);
  } finally {
    await world.dispose();
  }
}

/** Rerun up; then the emulator must hold exactly the declared set, and refresh and a no-change preview pass. */
export async function convergeAndVerify(rec: Recorder, world: World): Promise<void> {
  const rerun = await rec.engine("up (rerun)", (onEvent) => world.stack.up({ onEvent }));
  rec.expect(
    "the rerun succeeds with 0 errors",
    rerun.run.result === "succeeded" && rerun.run.errors === 0,
    summarize(rerun),
  );
  rec.expectExact("after the rerun, the emulator holds exactly the declared associations", world.compare());
  const refresh = await rec.engine("refresh", (onEvent) => world.stack.refresh({ onEvent }));
  rec.expect(
    "refresh succeeds",
    refresh.run.result === "succeeded" && refresh.run.errors === 0,
    summarize(refresh),
  );
  const preview = await rec.engine("preview --expect-no-changes", (onEvent) =>
    world.stack.preview({ expectNoChanges: true, onEvent }),
  );
  rec.expect("preview shows no changes", preview.error === undefined, summarize(preview));
}

function heldAssociations(world: World): number {
  return liveAssociations(world.emu.admin.snapshot()).length;
}

export async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await sleep(25);
  }
  return condition();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
