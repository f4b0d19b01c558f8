import * as assert from "node:assert/strict";
import { runAuthRejectionScenario } from "./scenario/authRejection";
import { runSecretsScenario } from "./scenario/secrets";
import { SCENARIO_TIMEOUT_MS, assertPassed } from "./assertReport";

describe("secrets and request authentication", function () {
  this.timeout(SCENARIO_TIMEOUT_MS);

  it("credentials from the environment appear nowhere in state, __provider, debug logs, events or errors", async () => {
    const report = await runSecretsScenario();
    assertPassed(report);
    assert.deepEqual(report.leaks, []);
  });

  it("the emulator refuses unsigned, wrongly signed, tampered and wrong-account requests and changes nothing", async () => {
    assertPassed(await runAuthRejectionScenario());
  });
});
