import * as assert from "node:assert/strict";
import {
  associateRequest,
  declaredInputs,
  disassociateRequest,
  liveInputs,
  outputsFor,
} from "../../provider/state";
import {
  AssociationKey,
  DataShareConsumerInputs,
  LiveAssociation,
  LiveDataShare,
} from "../../provider/types";
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

  it("outputs are the inputs spread with the reported members, undefined dropped, in that order", () => {
    // The definition outputsFor is built to match, member for member and in order.
    const spreadAndCompact = (inputs: object, share?: LiveDataShare, a?: LiveAssociation) =>
      Object.fromEntries(
        Object.entries({
          ...inputs,
          producerArn: share?.producerArn,
          allowPubliclyAccessibleConsumers: share?.allowPubliclyAccessibleConsumers,
          managedBy: share?.managedBy,
          dataShareType: share?.dataShareType,
          status: a?.status,
          consumerIdentifier: a?.consumerIdentifier,
          consumerRegion: a?.consumerRegion ?? (inputs as { consumerRegion?: string }).consumerRegion,
          createdDate: a?.createdDate,
          statusChangeDate: a?.statusChangeDate,
          producerAllowedWrites: a?.producerAllowedWrites,
          consumerAcceptedWrites: a?.consumerAcceptedWrites,
        }).filter(([, v]) => v !== undefined),
      );
    const share: LiveDataShare = {
      dataShareArn: DATASHARE,
      producerArn: "arn:aws:redshift:us-east-1:111122223333:namespace:p",
      allowPubliclyAccessibleConsumers: false,
      managedBy: undefined,
      dataShareType: "INTERNAL",
      associations: [],
    };
    const inputsCases: object[] = [
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE },
      { dataShareArn: DATASHARE, consumerRegion: "us-west-2", allowWrites: false, region: "us-east-1" },
      { dataShareArn: DATASHARE, consumerRegion: undefined, associateEntireAccount: true },
      { region: "eu-west-1", dataShareArn: DATASHARE, status: "stale", allowWrites: true },
    ];
    const associations: (LiveAssociation | undefined)[] = [
      undefined,
      association,
      {
        consumerIdentifier: CONSUMER_ACCOUNT,
        consumerRegion: "us-west-2",
        createdDate: "2026-01-01T00:00:00.000Z",
      },
    ];
    for (const inputs of inputsCases)
      for (const s of [undefined, share])
        for (const a of associations) {
          const outs = outputsFor(inputs as DataShareConsumerInputs, s, a);
          const expected = spreadAndCompact(inputs, s, a);
          assert.deepEqual(outs, expected);
          assert.deepEqual(Object.keys(outs), Object.keys(expected));
        }
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
