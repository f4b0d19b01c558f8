/**
 * What both SDK classes derive from their schema, and the one resource option they default:
 * deleteBeforeReplace (provider/README.md, "Update or replace").
 */
import * as assert from "node:assert/strict";
import { authorizationSpec, consumerSpec, inputNames, outputOnlyNames } from "../../provider/schema";
import { registeredProps, withResourceDefaults } from "../../sdk/resourceProps";

describe("the SDK classes' registration, from the schema", () => {
  for (const spec of [consumerSpec, authorizationSpec]) {
    it(`${spec.name}: every input from the args by name, every output-only property unset, and the provider text`, () => {
      const args = Object.fromEntries(inputNames(spec).map((n) => [n, `given:${n}`]));
      const props = registeredProps(spec, { ...args, notAnInput: "x" });
      assert.deepEqual(Object.keys(props), ["__provider", ...inputNames(spec), ...outputOnlyNames(spec)]);
      for (const n of inputNames(spec)) assert.equal(props[n], `given:${n}`);
      for (const n of outputOnlyNames(spec)) assert.equal(props[n], undefined);
      assert.match(
        String(props.__provider),
        new RegExp(spec.name === "DataShareConsumer" ? "\\.provider;" : "\\.authorizationProvider;"),
      );
    });
  }
});

describe("the SDK classes' resource options", () => {
  it("deleteBeforeReplace defaults to true, so a forced replacement of an unchanged key deletes first", () => {
    assert.equal(withResourceDefaults(undefined).deleteBeforeReplace, true);
    assert.equal(withResourceDefaults({ protect: true }).deleteBeforeReplace, true);
  });

  it("a value the program sets wins, and other options pass through", () => {
    const opts = withResourceDefaults({ deleteBeforeReplace: false, protect: true });
    assert.equal(opts.deleteBeforeReplace, false);
    assert.equal(opts.protect, true);
  });
});
