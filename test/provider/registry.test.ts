/**
 * The one resource registry (provider/registry.ts) is what every composition reads: the public
 * entry's providers, the plugin's, the SDK's provider module and the drift command's type filter.
 */
import * as assert from "node:assert/strict";
import * as entry from "../../provider";
import { createProviders } from "../../provider/providers";
import {
  dynamicTypeToken,
  packageTypeToken,
  resourceNames,
  resourceOfType,
  RESOURCES,
} from "../../provider/schema";
import { createDelegates, resourceSpecs as pluginSpecs } from "../../plugin/resources";

describe("the resource registry", () => {
  it("names each resource once, and its schema's key parts are inputs of it", () => {
    assert.equal(new Set(resourceNames).size, RESOURCES.length);
    for (const { spec } of RESOURCES) {
      for (const part of spec.keyParts) {
        const p = (spec.properties as Record<string, { input?: object }>)[part];
        assert.ok(p?.input !== undefined, `${spec.name}: key part ${part} is not an input`);
      }
    }
  });

  it("the public entry exports each resource's provider under the name its entry gives", () => {
    const exported = entry as unknown as Record<string, unknown>;
    for (const { spec, providerExport } of RESOURCES) {
      const p = exported[providerExport] as { create?: unknown; read?: unknown } | undefined;
      assert.equal(typeof p?.create, "function", `${spec.name}: ${providerExport} is no provider`);
      assert.equal(typeof p?.read, "function");
    }
    assert.notEqual(entry.provider, entry.authorizationProvider);
  });

  it("one composition gives every resource a provider; the plugin uses it with the registry's specs", () => {
    assert.deepEqual(Object.keys(createProviders({ env: {} })), resourceNames);
    assert.deepEqual(Object.keys(createDelegates({ env: {} })), resourceNames);
    assert.deepEqual(
      pluginSpecs,
      RESOURCES.map((r) => r.spec),
    );
  });

  it("knows each resource by its type token in both delivery forms, and nothing else", () => {
    for (const { spec } of RESOURCES) {
      assert.equal(resourceOfType(dynamicTypeToken(spec)), spec.name);
      assert.equal(resourceOfType(packageTypeToken(spec)), spec.name);
    }
    assert.equal(resourceOfType("pulumi:pulumi:Stack"), undefined);
    assert.equal(resourceOfType("pulumi-nodejs:dynamic/redshift:Other"), undefined);
    assert.equal(resourceOfType(undefined), undefined);
  });
});
