/**
 * What both SDK classes derive from their schema. They default no resource option: a replacement
 * takes the engine's order, create first, as through the plugin (provider/README.md,
 * "Replacement order").
 */
import * as assert from "node:assert/strict";
import { authorizationSpec, consumerSpec, inputNames, outputOnlyNames } from "../../provider/schema";
import { registeredProps } from "../../sdk/resourceProps";

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
