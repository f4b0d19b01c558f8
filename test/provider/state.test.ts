import * as assert from "node:assert/strict";
import {
  associateRequest,
  declaredInputs,
  disassociateRequest,
  liveInputs,
  outputsFor,
} from "../../provider/state";
import { AssociationKey } from "../../provider/types";
import { CONSUMER_ACCOUNT, DATASHARE, NAMESPACE } from "./fixtures";

const NS_KEY: AssociationKey = {
  dataShareArn: DATASHARE,
  target: { kind: "namespace", consumerArn: NAMESPACE },
};

describe("requests sent to AWS", () => {
  it("send only what the user set: no AllowWrites when unset", () => {
    assert.deepEqual(associateRequest(NS_KEY, undefined), {
      DataShareArn: DATASHARE,
      ConsumerArn: NAMESPACE,
    });
  });

  it("send AllowWrites false when the user set false", () => {
    assert.deepEqual(associateRequest(NS_KEY, false), {
      DataShareArn: DATASHARE,
      ConsumerArn: NAMESPACE,
      AllowWrites: false,
    });
  });

  it("name the target by its own member for each kind, never with empty strings", () => {
    assert.deepEqual(associateRequest({ dataShareArn: DATASHARE, target: { kind: "account" } }, true), {
      DataShareArn: DATASHARE,
      AssociateEntireAccount: true,
      AllowWrites: true,
    });
    assert.deepEqual(
      disassociateRequest({
        dataShareArn: DATASHARE,
        target: { kind: "region", consumerRegion: "us-west-2" },
      }),
      {
        DataShareArn: DATASHARE,
        ConsumerRegion: "us-west-2",
      },
    );
    assert.deepEqual(disassociateRequest({ dataShareArn: DATASHARE, target: { kind: "account" } }), {
      DataShareArn: DATASHARE,
      DisassociateEntireAccount: true,
    });
  });
});

describe("state built from the live association", () => {
  const association = {
    consumerIdentifier: NAMESPACE,
    status: "ACTIVE",
    consumerAcceptedWrites: false,
    producerAllowedWrites: true,
  };

  it("outputs hold no undefined members (the engine cannot encode them)", () => {
    const outs = outputsFor(
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE },
      { associations: [] },
      association,
    );
    assert.ok(Object.values(outs).every((v) => v !== undefined));
    assert.equal(outs.status, "ACTIVE");
  });

  it("keeps an unset allowWrites unset while writes are off", () => {
    assert.equal(liveInputs(NS_KEY, { consumerArn: NAMESPACE }, association).allowWrites, undefined);
  });

  it("records allowWrites false when the user declared writes but they are off", () => {
    assert.equal(liveInputs(NS_KEY, { allowWrites: true }, association).allowWrites, false);
  });

  it("records allowWrites true when writes are on", () => {
    assert.equal(liveInputs(NS_KEY, {}, { ...association, consumerAcceptedWrites: true }).allowWrites, true);
  });

  it("rebuilds the full inputs from the key alone (import)", () => {
    const inputs = liveInputs(
      { dataShareArn: DATASHARE, target: { kind: "account" }, apiRegion: "us-east-1" },
      {},
      {
        consumerIdentifier: CONSUMER_ACCOUNT,
        status: "ACTIVE",
      },
    );
    assert.deepEqual(inputs, { dataShareArn: DATASHARE, associateEntireAccount: true, region: "us-east-1" });
  });

  it("picks the declared inputs out of stored state and drops outputs and __provider", () => {
    const picked = declaredInputs({
      dataShareArn: DATASHARE,
      consumerArn: NAMESPACE,
      status: "ACTIVE",
      __provider: "x",
      allowWrites: null,
    });
    assert.deepEqual(picked, { dataShareArn: DATASHARE, consumerArn: NAMESPACE });
  });
});
