/**
 * Interruption scenarios: the service goes away in the middle of `pulumi up`, or the user presses
 * Ctrl-C (SIGINT to the CLI). Either way a rerun must converge and nothing may be lost.
 *
 * Both interruptions are triggered by an event, not by a timer: the restart when the emulator has
 * run the Nth AssociateDataShareConsumer, the SIGINT when the CLI has printed its Nth "created"
 * step. N is a third of the declared associations.
 */
import { describeComparison, liveAssociations } from "./associations";
import { convergeAndVerify } from "./converge";
import { SizeOptions, summarize } from "./faults";
import { Recorder, ScenarioReport } from "./report";
import { World } from "./world";

/**
 * Added to every answer so that the other calls of `up` are still in flight when the interruption
 * comes (the engine sends the creates in parallel).
 */
const LATENCY_MS = 40;
/** How long the emulator stays down: the outage, not the trigger. */
const DOWNTIME_MS = 2000;
/** Bound on the wait for the trigger (CLI start-up on a loaded machine included). */
const TRIGGER_TIMEOUT_MS = 120_000;

/** A create step as the CLI prints it in non-interactive mode: ` +  <type> <name> created (0.1s)`. */
const CREATED_STEP = /^\s*\+\s+pulumi-nodejs:dynamic\/redshift:DataShareConsumer \S+ created\b/;

export async function runEmulatorRestartScenario(size: SizeOptions): Promise<ScenarioReport> {
  const rec = new Recorder("emulator restarted mid-up", size.associations);
  const world = await World.start({ ...size, persistent: true, faults: { latencyMs: LATENCY_MS } });
  const target = Math.ceil(size.associations / 3);
  try {
    let finished = false;
    const pending = rec.engine("up (emulator stopped and restarted)", async () => {
      const running = await world.consumers.startUp({});
      const outcome = await running.finished;
      finished = true;
      return outcome;
    });
    // The event: the emulator's model has run the Nth Associate (its counts are updated in the
    // same turn of the event loop as the call, so a short poll sees it before the next one lands).
    const reached = await until(() => world.acceptedAssociates() >= target || finished, TRIGGER_TIMEOUT_MS);
    rec.expect(
      `up was still running when the emulator stopped (after Associate #${target})`,
      reached && !finished,
      `${world.acceptedAssociates()} Associate calls run`,
    );
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
  const target = Math.ceil(size.associations / 3);
  try {
    let createdSeen = 0;
    let interruptedAfter: number | undefined;
    const interrupted = await rec.engine("up (SIGINT)", async () => {
      // The event: the engine printed its Nth create step; SIGINT goes out on that line.
      const running = await world.consumers.startUp({
        onLine: (line, stream) => {
          if (stream !== "stdout" || !CREATED_STEP.test(line)) return;
          createdSeen++;
          if (createdSeen === target && interruptedAfter === undefined) {
            interruptedAfter = createdSeen;
            running.interrupt();
          }
        },
      });
      return running.finished;
    });
    rec.expect(
      `SIGINT was sent on the CLI's create step #${target}`,
      interruptedAfter === target,
      `${createdSeen} create steps printed`,
    );
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

/** Resolves true as soon as `condition` holds (checked every few ms), false after the timeout. */
export async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (condition()) return true;
    await sleep(5);
  }
  return condition();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
