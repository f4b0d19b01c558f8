import * as assert from "node:assert/strict";
import {
  collectRefreshed,
  countRefreshed,
  DATASHARE_AUTHORIZATION_TYPE,
  DATASHARE_CONSUMER_TYPE,
  describeCounts,
  PLUGIN_AUTHORIZATION_TYPE,
  PLUGIN_CONSUMER_TYPE,
  type EngineEvent,
} from "../../../cli/drift/events";
import { collectGoneCauses } from "../../../cli/drift/goneCauses";
import { formatGoneReport } from "../../../provider/core/goneReport";
import { DATASHARE as SHARE } from "../../fixtures/arns";

const urn = (type: string, name: string) => `urn:pulumi:dev::proj::${type}::${name}`;

function refreshed(type: string, name: string, id: string, gone: boolean): EngineEvent {
  const state = { id, inputs: { dataShareArn: SHARE }, outputs: { status: "ACTIVE" } };
  return {
    resOutputsEvent: {
      metadata: {
        op: gone ? "delete" : "same",
        urn: urn(type, name),
        type,
        old: state,
        new: gone ? null : state,
      },
    },
  };
}

/** A read's gone report as the engine logs it: a debug-severity diagnostic (provider/core/engineLog.ts). */
function reported(resource: string, id: string, kind: "datashare-gone" | "disassociated"): EngineEvent {
  const message = `${formatGoneReport({ resource, id, reason: { kind } })}\n`;
  return { diagnosticEvent: { message, severity: "debug" } };
}

describe("collectGoneCauses: a gone resource's cause is the reason its read logged", () => {
  it("pairs each dropped resource with the report naming its type and ID, in any event order", () => {
    const events = [
      reported("DataShareConsumer", `${SHARE},account`, "datashare-gone"),
      refreshed(DATASHARE_CONSUMER_TYPE, "a", `${SHARE},account`, true),
      refreshed(DATASHARE_CONSUMER_TYPE, "b", `${SHARE},region,us-west-2`, true),
      reported("DataShareConsumer", `${SHARE},region,us-west-2`, "disassociated"),
    ];
    const causes = collectGoneCauses(events, collectRefreshed(events));
    assert.deepEqual(Object.fromEntries(causes), {
      [urn(DATASHARE_CONSUMER_TYPE, "a")]: { kind: "datashare-gone" },
      [urn(DATASHARE_CONSUMER_TYPE, "b")]: { kind: "disassociated" },
    });
  });

  it("a report for another type with the same ID, or none at all, leaves the cause unknown", () => {
    const id = `${SHARE},111122223333`;
    const events = [
      reported("DataShareAuthorization", `${SHARE},account`, "datashare-gone"),
      refreshed(DATASHARE_CONSUMER_TYPE, "a", `${SHARE},account`, true),
      refreshed(DATASHARE_CONSUMER_TYPE, "b", id, true),
    ];
    const causes = collectGoneCauses(events, collectRefreshed(events));
    for (const name of ["a", "b"]) {
      assert.equal(causes.get(urn(DATASHARE_CONSUMER_TYPE, name))?.kind, "unknown");
    }
  });

  it("a resource still there has no cause", () => {
    const events = [
      refreshed(DATASHARE_CONSUMER_TYPE, "a", `${SHARE},account`, false),
      reported("DataShareConsumer", `${SHARE},account`, "disassociated"),
    ];
    assert.equal(collectGoneCauses(events, collectRefreshed(events)).size, 0);
  });
});

describe("countRefreshed: the progress line's counts come from the refresh's events", () => {
  it("counts each resource once, without the stack and provider resources", () => {
    const other = (type: string, name: string): EngineEvent => ({
      resOutputsEvent: { metadata: { op: "same", urn: urn(type, name), type } },
    });
    const events = [
      other("pulumi:pulumi:Stack", "proj-dev"),
      other("pulumi:providers:pulumi-nodejs", "default"),
      other("random:index/randomId:RandomId", "r"),
      refreshed(DATASHARE_CONSUMER_TYPE, "a", "1", false),
      refreshed(DATASHARE_CONSUMER_TYPE, "a", "1", false),
      refreshed(DATASHARE_CONSUMER_TYPE, "b", "2", true),
      refreshed(DATASHARE_AUTHORIZATION_TYPE, "c", "3", false),
    ];
    assert.deepEqual(countRefreshed(events), {
      all: 4,
      byType: {
        DataShareConsumer: 2,
        DataShareAuthorization: 1,
        DataShare: 0,
        DataShareDatabase: 0,
        DataShareGrant: 0,
      },
    });
  });

  it("counts a plugin stack's resources (package type tokens) as their dynamic twins are counted", () => {
    const events = [
      refreshed(PLUGIN_CONSUMER_TYPE, "a", "1", false),
      refreshed(PLUGIN_CONSUMER_TYPE, "b", "2", true),
      refreshed(PLUGIN_AUTHORIZATION_TYPE, "c", "3", false),
    ];
    const counts = countRefreshed(events);
    assert.deepEqual(counts, {
      all: 3,
      byType: {
        DataShareConsumer: 2,
        DataShareAuthorization: 1,
        DataShare: 0,
        DataShareDatabase: 0,
        DataShareGrant: 0,
      },
    });
    assert.equal(
      describeCounts(counts),
      "3 resources, 2 DataShareConsumer, 1 DataShareAuthorization, 0 DataShare, 0 DataShareDatabase, 0 DataShareGrant",
    );
  });
});
