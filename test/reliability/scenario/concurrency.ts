/**
 * Many associations on a few datashares, created, refreshed and destroyed in one program at the
 * engine's default parallelism: every step must succeed and the emulator's state must be exact.
 */
import { compareAssociations, describeComparison, isExact, liveAssociations } from "./associations";
import { SizeOptions, summarize, upCreatingEveryAssociation } from "./faults";
import { Recorder, ScenarioReport } from "./report";
import { World } from "./world";

export async function runConcurrencyScenario(size: SizeOptions): Promise<ScenarioReport> {
  const rec = new Recorder(`concurrency (${size.shares} shares)`, size.associations);
  const world = await World.start(size);
  try {
    await upCreatingEveryAssociation(rec, world, size);

    const refresh = await rec.engine("refresh", () => world.consumers.refresh());
    rec.expect(
      "refresh succeeds and finds every association unchanged",
      refresh.run.result === "succeeded" &&
        refresh.run.errors === 0 &&
        (refresh.run.changes.same ?? 0) === size.associations + 1,
      summarize(refresh),
    );
    const afterRefresh = world.compare();
    rec.expect(
      "after refresh, the emulator still holds exactly the declared associations",
      isExact(afterRefresh),
      describeComparison(afterRefresh),
    );

    const destroy = await rec.engine("destroy", () => world.consumers.destroy());
    rec.expect(
      "destroy succeeds with 0 errors",
      destroy.run.result === "succeeded" && destroy.run.errors === 0,
      summarize(destroy),
    );
    rec.expect(
      "destroy deletes every association",
      (destroy.run.changes.delete ?? 0) === size.associations + 1,
      summarize(destroy),
    );
    const after = compareAssociations([], liveAssociations(world.emu.admin.snapshot()));
    rec.expect("after destroy, the emulator holds no association", isExact(after), describeComparison(after));
    return rec.finish(world.counts(), 0);
  } finally {
    await world.dispose();
  }
}
