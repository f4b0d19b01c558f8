import * as assert from "node:assert/strict";
import { buildSchema } from "../../plugin/schema";
import {
  ResourceSpec,
  authorizationSpec,
  consumerSpec,
  resourceSpecs,
  settingSpecs,
} from "../../plugin/resources";
import { SETTINGS, SETTING_NAMES } from "../../provider/core/config";
import { inputNames, outputOnlyNames } from "../../provider/schema";

const DATA_SHARE_CONSUMER_INPUTS = inputNames(consumerSpec);
const DATA_SHARE_CONSUMER_OUTPUTS = outputOnlyNames(consumerSpec);

const schema = buildSchema({ version: "1.2.3", resources: resourceSpecs, settings: settingSpecs });
const resource = (name: string) => schema.resources[`redshift-datashare:index:${name}`];

describe("the plugin's package schema", () => {
  it("names the package redshift-datashare at the given version and serves both resources by package token", () => {
    assert.equal(schema.name, "redshift-datashare");
    assert.equal(schema.version, "1.2.3");
    assert.deepEqual(Object.keys(schema.resources), [
      "redshift-datashare:index:DataShareConsumer",
      "redshift-datashare:index:DataShareAuthorization",
      "redshift-datashare:index:DataShare",
      "redshift-datashare:index:DataShareDatabase",
      "redshift-datashare:index:DataShareGrant",
    ]);
  });

  it("declares the DataShareConsumer inputs and outputs the dynamic resource registers", () => {
    const consumer = resource("DataShareConsumer");
    assert.deepEqual(Object.keys(consumer.inputProperties).sort(), [...DATA_SHARE_CONSUMER_INPUTS].sort());
    assert.deepEqual(
      Object.keys(consumer.properties).sort(),
      [...DATA_SHARE_CONSUMER_INPUTS, ...DATA_SHARE_CONSUMER_OUTPUTS].sort(),
    );
    assert.deepEqual(consumer.requiredInputs, ["dataShareArn"]);
    assert.deepEqual(consumer.required, ["dataShareArn"]);
  });

  it("requires the authorization's datashare and consumer, and types every property from its spec", () => {
    const authorization = resource("DataShareAuthorization");
    assert.deepEqual(authorization.requiredInputs, ["dataShareArn", "consumerIdentifier"]);
    for (const spec of [consumerSpec, authorizationSpec]) {
      for (const [name, p] of Object.entries(spec.properties)) {
        assert.equal(resource(spec.name).properties[name].type, p.type, `${spec.name}.${name}`);
        assert.equal(resource(spec.name).properties[name].description, p.description);
      }
    }
  });

  it("aliases each resource to its dynamic-provider type, so that a generated SDK moves state in place", () => {
    assert.deepEqual(resource("DataShareConsumer").aliases, [
      { type: "pulumi-nodejs:dynamic/redshift:DataShareConsumer" },
    ]);
    assert.deepEqual(resource("DataShareAuthorization").aliases, [
      { type: "pulumi-nodejs:dynamic/redshift:DataShareAuthorization" },
    ]);
  });

  it("declares the provider settings as provider inputs and as config, with no credentials among them", () => {
    const names = [
      "describeReuseSeconds",
      "endpoint",
      "maxAttempts",
      "profile",
      "region",
      "statementTimeoutSeconds",
    ];
    assert.deepEqual(Object.keys(schema.provider.inputProperties).sort(), names);
    assert.deepEqual(Object.keys(schema.config.variables).sort(), names);
    assert.equal(schema.provider.inputProperties.maxAttempts.type, "integer");
    assert.doesNotMatch(JSON.stringify(schema.provider), /secretKey|accessKey|sessionToken/i);
  });

  it("takes each provider setting from the core's settings table: its type, the key the core reads, its environment and default", () => {
    assert.deepEqual(Object.keys(settingSpecs), SETTING_NAMES);
    for (const name of SETTING_NAMES) {
      const table = SETTINGS[name];
      const spec = settingSpecs[name];
      assert.equal(spec.type, table.type);
      assert.equal(spec.coreKey, table.configKey);
      assert.ok(spec.description.startsWith(table.description), name);
      for (const env of table.env) assert.ok(spec.description.includes(env), `${name}: ${env}`);
    }
    assert.match(
      settingSpecs.maxAttempts.description,
      /Allowed: a whole number from 1 to 50\. Else REDSHIFT_DATASHARE_MAX_ATTEMPTS, default 10\.$/,
    );
  });

  it("marks a property the spec declares secret as secret, and lists only specified outputs", () => {
    const spec: ResourceSpec = {
      name: "Probe",
      description: "probe",
      properties: {
        token: { type: "string", description: "t", input: { required: true }, output: true, secret: true },
        internal: { type: "string", description: "i", input: {}, output: false },
      },
      keyParts: ["token"],
      side: "producer",
      summary: "probe",
    };
    const probe = buildSchema({ version: "1.0.0", resources: [spec], settings: {} }).resources[
      "redshift-datashare:index:Probe"
    ];
    assert.deepEqual(probe.properties, { token: { type: "string", description: "t", secret: true } });
    assert.deepEqual(Object.keys(probe.inputProperties), ["token", "internal"]);
  });
  it("declares a list of objects as an array of a named object type under `types`, and a list of strings as an array", () => {
    const spec: ResourceSpec = {
      name: "Probe",
      description: "probe",
      properties: {
        groups: {
          type: "array",
          items: {
            type: "object",
            name: "ProbeGroup",
            description: "g",
            fields: {
              name: { type: "string", description: "n", required: true },
              members: { type: "array", items: { type: "string" }, description: "m" },
              open: { type: "boolean", description: "o" },
            },
          },
          description: "gs",
          input: {},
          output: true,
        },
      },
      keyParts: [],
      side: "producer",
      summary: "probe",
    };
    const built = buildSchema({ version: "1.0.0", resources: [spec], settings: {} });
    const groups = built.resources["redshift-datashare:index:Probe"].inputProperties.groups;
    assert.deepEqual(groups, {
      type: "array",
      items: { $ref: "#/types/redshift-datashare:index:ProbeGroup" },
      description: "gs",
    });
    assert.deepEqual(built.types, {
      "redshift-datashare:index:ProbeGroup": {
        type: "object",
        description: "g",
        properties: {
          name: { type: "string", description: "n" },
          members: { type: "array", items: { type: "string" }, description: "m" },
          open: { type: "boolean", description: "o" },
        },
        required: ["name"],
      },
    });
  });
});
