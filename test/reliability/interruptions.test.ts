import { SMALL } from "./scenario/plan";
import { runEmulatorRestartScenario, runSigintScenario } from "./scenario/interruptions";
import { SCENARIO_TIMEOUT_MS, assertPassed } from "./assertReport";

describe("reliability when up is interrupted (small size)", function () {
  this.timeout(SCENARIO_TIMEOUT_MS);
  const size = { associations: SMALL.faults, shares: 5 };

  it("when the emulator is stopped and restarted on its state file mid-up, a rerun converges and nothing is lost", async () => {
    assertPassed(await runEmulatorRestartScenario(size));
  });

  it("when up gets SIGINT, a rerun converges, refresh passes and a preview shows no changes", async () => {
    assertPassed(await runSigintScenario(size));
  });
});
