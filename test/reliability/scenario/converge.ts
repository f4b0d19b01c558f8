/**
 * The one check every disturbed scenario ends with: a rerun of `up` converges. Shared by the fault
 * and interruption scenarios so that they hold the service to the same standard.
 */
import { summarize } from "./faults";
import { Recorder } from "./report";
import { World } from "./world";

export interface ConvergeOptions {
  /** Also run `refresh` (default true): state and service must agree after the rerun. */
  refresh?: boolean;
}

/** Rerun up; then the emulator must hold exactly the declared set, and refresh and a no-change preview pass. */
export async function convergeAndVerify(
  rec: Recorder,
  world: World,
  options: ConvergeOptions = {},
): Promise<void> {
  const stack = world.consumers;
  const rerun = await rec.engine("up (rerun)", () => stack.up());
  rec.expect(
    "the rerun succeeds with 0 errors",
    rerun.run.result === "succeeded" && rerun.run.errors === 0,
    summarize(rerun),
  );
  rec.expectExact("after the rerun, the emulator holds exactly the declared associations", world.compare());
  if (options.refresh ?? true) {
    const refresh = await rec.engine("refresh", () => stack.refresh());
    rec.expect(
      "refresh succeeds",
      refresh.run.result === "succeeded" && refresh.run.errors === 0,
      summarize(refresh),
    );
  }
  const preview = await rec.engine("preview --expect-no-changes", () => stack.previewExpectingNoChanges());
  rec.expect("preview shows no changes", preview.error === undefined, summarize(preview));
}
