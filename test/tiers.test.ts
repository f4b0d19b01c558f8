/**
 * The test tiers (docs/testing.md) split the suite that `npm test` runs whole: the unit tier is
 * every test file except those the package and e2e tiers list, and the unit tier loads its guard.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

interface MochaConfig {
  require: string[];
  spec: string[];
  ignore?: string[];
}

const ROOT = path.join(__dirname, "..");
const config = (tier: string): MochaConfig =>
  JSON.parse(fs.readFileSync(path.join(ROOT, `.mocharc.${tier}.json`), "utf8")) as MochaConfig;

describe("the test tiers", () => {
  it("the unit tier ignores exactly what the package and e2e tiers run, each listed once", () => {
    const slower = [...config("package").spec, ...config("e2e").spec];
    assert.equal(new Set(slower).size, slower.length, "a file or glob is in two tiers");
    assert.deepEqual([...(config("unit").ignore ?? [])].sort(), [...slower].sort());
  });

  it("the unit tier runs every test file and loads the guard against processes and dist/", () => {
    const unit = config("unit");
    assert.deepEqual(unit.spec, ["test/**/*.test.ts"]);
    assert.ok(unit.require.includes("harness/unitTierGuard.ts"), unit.require.join(", "));
  });

  it("every file a tier names exists", () => {
    for (const tier of ["package", "e2e"]) {
      for (const spec of config(tier).spec.filter((s) => !s.includes("*"))) {
        assert.ok(fs.existsSync(path.join(ROOT, spec)), `${tier}: ${spec}`);
      }
    }
  });
});
