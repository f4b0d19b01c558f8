import * as assert from "node:assert/strict";
import {
  associateRequest,
  declaredInputs,
  disassociateRequest,
  liveInputs,
  outputsFor,
} from "../../../provider/consumer/state";
import { LiveDataShare } from "../../../provider/core/types";
import { AssociationKey, DataShareConsumerInputs } from "../../../provider/consumer/types";
import { CONSUMER_ACCOUNT, DATASHARE, NAMESPACE } from "../../fixtures/arns";

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

  const PRODUCER = "arn:aws:redshift:us-east-1:111122223333:namespace:a1b2c3d4-0000-4000-8000-000000000001";
  const share: LiveDataShare = {
    dataShareArn: DATASHARE,
    producerArn: PRODUCER,
    allowPubliclyAccessibleConsumers: false,
    managedBy: undefined,
    dataShareType: "INTERNAL",
    associations: [],
  };
  /** Equal values, and the members in the same order (the engine shows them in this order). */
  const assertOutputs = (actual: object, expected: object) => {
    assert.deepEqual(actual, expected);
    assert.deepEqual(Object.keys(actual), Object.keys(expected));
  };

  it("a namespace association: the inputs first, then everything AWS reports", () => {
    const outs = outputsFor({ dataShareArn: DATASHARE, consumerArn: NAMESPACE }, share, {
      ...association,
      createdDate: "2026-01-01T00:00:00.000Z",
      statusChangeDate: "2026-01-02T00:00:00.000Z",
    });
    assertOutputs(outs, {
      dataShareArn: DATASHARE,
      consumerArn: NAMESPACE,
      producerArn: PRODUCER,
      allowPubliclyAccessibleConsumers: false,
      dataShareType: "INTERNAL",
      status: "ACTIVE",
      consumerIdentifier: NAMESPACE,
      createdDate: "2026-01-01T00:00:00.000Z",
      statusChangeDate: "2026-01-02T00:00:00.000Z",
      producerAllowedWrites: true,
      consumerAcceptedWrites: false,
    });
  });

  it("a region association AWS did not list: the declared consumerRegion stands in, in the inputs' place", () => {
    const inputs = {
      dataShareArn: DATASHARE,
      consumerRegion: "us-west-2",
      allowWrites: false,
      region: "us-east-1",
    };
    assertOutputs(outputsFor(inputs, share), {
      dataShareArn: DATASHARE,
      consumerRegion: "us-west-2",
      allowWrites: false,
      region: "us-east-1",
      producerArn: PRODUCER,
      allowPubliclyAccessibleConsumers: false,
      dataShareType: "INTERNAL",
    });
  });

  it("the consumerRegion AWS reports wins over the declared one", () => {
    const outs = outputsFor({ dataShareArn: DATASHARE, consumerRegion: "US-WEST-2" }, undefined, {
      consumerIdentifier: CONSUMER_ACCOUNT,
      consumerRegion: "us-west-2",
    });
    assertOutputs(outs, {
      dataShareArn: DATASHARE,
      consumerRegion: "us-west-2",
      consumerIdentifier: CONSUMER_ACCOUNT,
    });
  });

  it("an input left undefined and a datashare AWS did not return leave no member behind", () => {
    const inputs = { dataShareArn: DATASHARE, consumerRegion: undefined, associateEntireAccount: true };
    assertOutputs(outputsFor(inputs as DataShareConsumerInputs), {
      dataShareArn: DATASHARE,
      associateEntireAccount: true,
    });
  });

  it("a stale output among the inputs never survives: AWS's value replaces it, or nothing does", () => {
    const stale = { region: "eu-west-1", dataShareArn: DATASHARE, status: "stale", allowWrites: true };
    assertOutputs(outputsFor(stale as DataShareConsumerInputs, undefined, association), {
      region: "eu-west-1",
      dataShareArn: DATASHARE,
      status: "ACTIVE",
      allowWrites: true,
      consumerIdentifier: NAMESPACE,
      producerAllowedWrites: true,
      consumerAcceptedWrites: false,
    });
    assertOutputs(
      outputsFor(stale as DataShareConsumerInputs, undefined, { consumerIdentifier: NAMESPACE }),
      {
        region: "eu-west-1",
        dataShareArn: DATASHARE,
        allowWrites: true,
        consumerIdentifier: NAMESPACE,
      },
    );
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
