import * as assert from "node:assert/strict";
import { SMALL } from "./scenario/plan";
import { runDroppedResponseScenario, runThrottledScenario } from "./scenario/faults";
import { SCENARIO_TIMEOUT_MS, assertPassed } from "./assertReport";

describe("reliability under injected faults (small size)", function () {
  this.timeout(SCENARIO_TIMEOUT_MS);
  const size = { associations: SMALL.faults, shares: 5 };

  it("with 20% throttling and 5% 503s at the default attempts, up, preview and destroy converge (calls that give up fail only their step) with exact emulator state", async () => {
    // Fewer associations than the other smoke scenarios: throttling backoff is what makes it slow.
    const report = await runThrottledScenario({ associations: 6, shares: 3 }, "default");
    assertPassed(report);
    assert.ok(report.injected.throttled + report.injected.serverErrors > 0, "the run injected no fault");
  });

  it("when Associate answers are dropped after the change is applied, the next up converges with no duplicate or orphan", async () => {
    const report = await runDroppedResponseScenario(size, 1);
    assertPassed(report);
    assert.ok(report.injected.droppedResponses > 0, "no answer was dropped");
  });
});
