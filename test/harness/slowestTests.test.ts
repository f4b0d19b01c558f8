import * as assert from "node:assert/strict";
import { inE2eTier, slowestTable } from "../../harness/slowestTests";

describe("the slowest e2e tests printed at the end of npm test", () => {
  it("knows the e2e tier's files by its mocha configuration's globs and names", () => {
    assert.equal(inE2eTier("test/provider/consumer/state.e2e.test.ts"), true);
    assert.equal(inE2eTier("test/plugin/yaml.e2e.test.ts"), true);
    assert.equal(inE2eTier("test/reliability/faults.test.ts"), true);
    assert.equal(inE2eTier("test/reliability/pure.test.ts"), false);
    assert.equal(inE2eTier("test/provider/consumer/id.test.ts"), false);
  });

  it("lists the ten slowest, slowest first, with minutes past a minute", () => {
    const tests = Array.from({ length: 12 }, (_, i) => ({ title: `t${i}`, file: "f.ts", ms: i * 10_000 }));
    const lines = slowestTable(tests).trimEnd().split("\n");
    assert.equal(lines[0], "The 10 slowest e2e tests:");
    assert.equal(lines.length, 11);
    assert.match(lines[1], /1 min 50 s {2}f\.ts: t11$/);
    assert.match(lines[10], /20\.0 s {2}f\.ts: t2$/);
  });

  it("prints nothing when no e2e test ran", () => {
    assert.equal(slowestTable([]), "");
  });
});
