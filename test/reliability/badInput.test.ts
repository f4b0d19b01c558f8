import * as assert from "node:assert/strict";
import { runBadInputScenario } from "./scenario/badInput";
import { badInputCorpus, representativeSample } from "./scenario/badInputCorpus";
import { SCENARIO_TIMEOUT_MS, assertPassed } from "./assertReport";

describe("bad input", function () {
  this.timeout(SCENARIO_TIMEOUT_MS);

  it("the corpus has at least 30 cases and a sample covers every category", () => {
    const corpus = badInputCorpus({ dataShareArn: "arn:share", consumerArn: "arn:ns" });
    assert.ok(corpus.length >= 30, `${corpus.length} cases`);
    const categories = new Set(corpus.map((c) => c.category));
    assert.equal(representativeSample(corpus).length, categories.size);
  });

  it("every case fails check naming the property, a sample per category fails the engine's preview, and no AWS call is made", async () => {
    assertPassed(await runBadInputScenario({ everyCaseThroughEngine: false }));
  });
});
