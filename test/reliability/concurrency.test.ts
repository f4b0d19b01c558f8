import { SMALL } from "./scenario/plan";
import { runConcurrencyScenario } from "./scenario/concurrency";
import { SCENARIO_TIMEOUT_MS, assertPassed } from "./assertReport";

describe("reliability at the engine's default parallelism (small size)", function () {
  this.timeout(SCENARIO_TIMEOUT_MS);

  it("creates, refreshes and destroys many associations on a few datashares with exact emulator state", async () => {
    assertPassed(await runConcurrencyScenario({ associations: SMALL.concurrency, shares: 4 }));
  });
});
