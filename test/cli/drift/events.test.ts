import * as assert from "node:assert/strict";
import {
  collectRefreshed,
  DATASHARE_AUTHORIZATION_TYPE,
  DATASHARE_CONSUMER_TYPE,
  PLUGIN_AUTHORIZATION_TYPE,
  PLUGIN_CONSUMER_TYPE,
  resourceName,
  typeOf,
  type EngineEvent,
} from "../../../cli/drift/events";

const urn = (type: string, name: string) => `urn:pulumi:dev::proj::${type}::${name}`;

function outputsEvent(
  op: string,
  type: string,
  name: string,
  old: object | null,
  live: object | null,
): EngineEvent {
  return {
    sequence: 1,
    timestamp: 0,
    resOutputsEvent: { metadata: { op, urn: urn(type, name), type, old, new: live, provider: "" } },
  } as unknown as EngineEvent;
}

const bag = (n: number) => ({
  inputs: { __provider: "code", n },
  outputs: { __provider: "code", n, status: "ACTIVE" },
});

describe("collectRefreshed", () => {
  it("when a DataShareConsumer is refreshed, keeps its stored and live state without __provider", () => {
    const [r] = collectRefreshed([outputsEvent("update", DATASHARE_CONSUMER_TYPE, "a", bag(1), bag(2))]);
    assert.deepEqual(r, {
      name: "a",
      urn: urn(DATASHARE_CONSUMER_TYPE, "a"),
      type: "DataShareConsumer",
      old: { inputs: { n: 1 }, outputs: { n: 1, status: "ACTIVE" } },
      live: { inputs: { n: 2 }, outputs: { n: 2, status: "ACTIVE" } },
    });
  });

  it("when a DataShareAuthorization is refreshed, keeps it too, typed as such", () => {
    const refreshed = collectRefreshed([
      outputsEvent("same", DATASHARE_CONSUMER_TYPE, "c", bag(1), bag(1)),
      outputsEvent("delete", DATASHARE_AUTHORIZATION_TYPE, "p", bag(1), null),
    ]);
    assert.deepEqual(
      refreshed.map((r) => [r.name, typeOf(r), r.live === undefined]),
      [
        ["c", "DataShareConsumer", false],
        ["p", "DataShareAuthorization", true],
      ],
    );
    assert.deepEqual(refreshed[1].old.inputs, { n: 1 });
  });

  it("reports the provider plugin's resources as it reports the dynamic provider's", () => {
    const refreshed = collectRefreshed([
      outputsEvent("update", PLUGIN_CONSUMER_TYPE, "c", bag(1), bag(2)),
      outputsEvent("delete", PLUGIN_AUTHORIZATION_TYPE, "p", bag(1), null),
    ]);
    assert.deepEqual(
      refreshed.map((r) => [r.name, typeOf(r), r.live === undefined]),
      [
        ["c", "DataShareConsumer", false],
        ["p", "DataShareAuthorization", true],
      ],
    );
  });

  it("when a resource carries no type (built by hand), reads it as a DataShareConsumer", () => {
    assert.equal(typeOf({ name: "a", urn: "u", old: { inputs: {}, outputs: {} } }), "DataShareConsumer");
  });

  it("when the refresh deletes a resource, leaves its live state undefined", () => {
    const [r] = collectRefreshed([outputsEvent("delete", DATASHARE_CONSUMER_TYPE, "a", bag(1), null)]);
    assert.equal(r.live, undefined);
    assert.ok("live" in r === false);
  });

  it("ignores other resource types, pre-events and resources without stored state", () => {
    const events = [
      outputsEvent("same", "pulumi:pulumi:Stack", "s", bag(0), bag(0)),
      outputsEvent("same", "pulumi-nodejs:dynamic/other:Thing", "t", bag(0), bag(0)),
      outputsEvent("create", DATASHARE_CONSUMER_TYPE, "new", null, bag(1)),
      {
        sequence: 2,
        timestamp: 0,
        resourcePreEvent: { metadata: { type: DATASHARE_CONSUMER_TYPE } },
      } as unknown as EngineEvent,
      outputsEvent("same", DATASHARE_CONSUMER_TYPE, "kept", bag(3), bag(3)),
    ];
    assert.deepEqual(
      collectRefreshed(events).map((r) => r.name),
      ["kept"],
    );
  });

  it("when a resource is reported twice, keeps the last report", () => {
    const events = [
      outputsEvent("same", DATASHARE_CONSUMER_TYPE, "a", bag(1), bag(1)),
      outputsEvent("update", DATASHARE_CONSUMER_TYPE, "a", bag(1), bag(9)),
    ];
    const refreshed = collectRefreshed(events);
    assert.equal(refreshed.length, 1);
    assert.equal(refreshed[0].live?.inputs.n, 9);
  });

  it("names a resource by the last part of its URN, even when its parent type is in the URN", () => {
    assert.equal(
      resourceName("urn:pulumi:dev::proj::my:Comp$" + DATASHARE_CONSUMER_TYPE + "::child"),
      "child",
    );
  });
});
