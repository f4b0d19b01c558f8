import * as assert from "node:assert/strict";
import { runBadInputScenario } from "./scenario/badInput";
import { engineSample, representativeSample } from "./scenario/badInputCorpus";
import { fullCorpus } from "./scenario/badInput";
import { SCENARIO_TIMEOUT_MS, assertPassed } from "./assertReport";

describe("bad input", function () {
  this.timeout(SCENARIO_TIMEOUT_MS);

  it("the corpus has at least 30 consumer and 20 authorization cases, and samples cover every category and resource", () => {
    const corpus = fullCorpus({ dataShareArn: "arn:share", consumerArn: "arn:ns" });
    const of = (resource: string) => corpus.filter((c) => c.resource === resource).length;
    assert.ok(of("DataShareConsumer") >= 30, `${of("DataShareConsumer")} consumer cases`);
    assert.ok(of("DataShareAuthorization") >= 20, `${of("DataShareAuthorization")} authorization cases`);
    assert.equal(representativeSample(corpus).length, new Set(corpus.map((c) => c.category)).size);
    assert.deepEqual(
      engineSample(corpus).map((c) => c.resource),
      ["DataShareConsumer", "DataShareAuthorization"],
    );
  });

  it("every case fails check naming the property, one case per resource fails the engine's preview, and no AWS call is made", async () => {
    assertPassed(await runBadInputScenario({ everyCaseThroughEngine: false }));
  });
});
