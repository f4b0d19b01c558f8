import { strict as assert } from "node:assert";
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  DescribeDataSharesCommand,
  DescribeDataSharesForConsumerCommand,
  DisassociateDataShareConsumerCommand,
  InvalidDataShareFault,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import { failureOf, redshiftAs, useBehaviours, useEmulator } from "./helpers";

describe("emulator: datashare lifecycle", () => {
  const emu = useEmulator();
  beforeEach(() => emu().admin.reset());

  const consumerEntries = async (arn: string) => {
    const out = await redshiftAs(emu(), "consumer").send(
      new DescribeDataSharesCommand({ DataShareArn: arn }),
    );
    return out.DataShares?.[0].DataShareAssociations ?? [];
  };

  it("shows the producer ACTIVE while the consumer has an association, AUTHORIZED after the last one goes", async () => {
    const arn = emu().dataShareArn("sales");
    await redshiftAs(emu(), "consumer").send(
      new AssociateDataShareConsumerCommand({ DataShareArn: arn, AssociateEntireAccount: true }),
    );
    const producer = redshiftAs(emu(), "producer");
    const during = await producer.send(new DescribeDataSharesCommand({ DataShareArn: arn }));
    assert.equal(during.DataShares?.[0].DataShareAssociations?.[0].Status, "ACTIVE");
    await redshiftAs(emu(), "consumer").send(
      new DisassociateDataShareConsumerCommand({
        DataShareArn: arn,
        DisassociateEntireAccount: true,
      }),
    );
    const after = await producer.send(new DescribeDataSharesCommand({ DataShareArn: arn }));
    assert.equal(after.DataShares?.[0].DataShareAssociations?.[0].Status, "AUTHORIZED");
  });

  it("keeps the consumer's associations visible as DEAUTHORIZED after the producer deauthorizes", async () => {
    const arn = emu().dataShareArn("sales");
    const ns = emu().namespaceArn("consumer", 0);
    await redshiftAs(emu(), "consumer").send(
      new AssociateDataShareConsumerCommand({ DataShareArn: arn, ConsumerArn: ns }),
    );
    await redshiftAs(emu(), "producer").send(
      new DeauthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: "444455556666" }),
    );
    assert.deepEqual(
      (await consumerEntries(arn)).map((a) => [a.ConsumerIdentifier, a.Status]),
      [[ns, "DEAUTHORIZED"]],
    );
    const err = await failureOf(() =>
      redshiftAs(emu(), "consumer").send(
        new AssociateDataShareConsumerCommand({ DataShareArn: arn, ConsumerArn: ns }),
      ),
    );
    assert.ok(err instanceof InvalidDataShareFault, String(err));
    assert.match(err.message, /deauthorized/);
  });

  it("clears old associations when the producer authorizes again after a deauthorization", async () => {
    const arn = emu().dataShareArn("sales");
    const consumer = redshiftAs(emu(), "consumer");
    await consumer.send(
      new AssociateDataShareConsumerCommand({ DataShareArn: arn, AssociateEntireAccount: true }),
    );
    const producer = redshiftAs(emu(), "producer");
    await producer.send(
      new DeauthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: "444455556666" }),
    );
    await producer.send(
      new AuthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: "444455556666" }),
    );
    assert.deepEqual(
      (await consumerEntries(arn)).map((a) => a.Status),
      ["AVAILABLE"],
    );
  });

  it("marks the consumer's associations REJECTED and drops the share from DescribeDataSharesForConsumer", async () => {
    const arn = emu().dataShareArn("sales");
    const consumer = redshiftAs(emu(), "consumer");
    await consumer.send(
      new AssociateDataShareConsumerCommand({ DataShareArn: arn, ConsumerRegion: "us-east-1" }),
    );
    await consumer.send(new RejectDataShareCommand({ DataShareArn: arn }));
    assert.deepEqual(
      (await consumerEntries(arn)).map((a) => [a.ConsumerRegion, a.Status]),
      [["us-east-1", "REJECTED"]],
    );
    const listed = await consumer.send(new DescribeDataSharesForConsumerCommand({}));
    assert.ok(!listed.DataShares?.some((d) => d.DataShareArn === arn));
  });

  it("replaces namespace associations with an entire-account association, and back", async () => {
    const arn = emu().dataShareArn("sales");
    const consumer = redshiftAs(emu(), "consumer");
    const ns0 = emu().namespaceArn("consumer", 0);
    const ns2 = emu().namespaceArn("consumer", 2);
    await consumer.send(new AssociateDataShareConsumerCommand({ DataShareArn: arn, ConsumerArn: ns0 }));
    const both = await consumer.send(
      new AssociateDataShareConsumerCommand({ DataShareArn: arn, ConsumerArn: ns2 }),
    );
    assert.deepEqual(
      both.DataShareAssociations?.map((a) => a.ConsumerIdentifier),
      [ns0, ns2],
    );
    const account = await consumer.send(
      new AssociateDataShareConsumerCommand({ DataShareArn: arn, AssociateEntireAccount: true }),
    );
    assert.deepEqual(
      account.DataShareAssociations?.map((a) => a.ConsumerIdentifier),
      ["444455556666"],
    );
    const region = await consumer.send(
      new AssociateDataShareConsumerCommand({ DataShareArn: arn, ConsumerRegion: "us-west-2" }),
    );
    assert.deepEqual(
      region.DataShareAssociations?.map((a) => [a.ConsumerIdentifier, a.ConsumerRegion]),
      [["444455556666", "us-west-2"]],
    );
  });

  it("associating the same target again with other AllowWrites updates ConsumerAcceptedWrites", async () => {
    const arn = emu().dataShareArn("marketing");
    const consumer = redshiftAs(emu(), "consumer");
    const first = await consumer.send(
      new AssociateDataShareConsumerCommand({ DataShareArn: arn, AssociateEntireAccount: true }),
    );
    const second = await consumer.send(
      new AssociateDataShareConsumerCommand({
        DataShareArn: arn,
        AssociateEntireAccount: true,
        AllowWrites: true,
      }),
    );
    assert.equal(second.DataShareAssociations?.length, 1);
    assert.equal(second.DataShareAssociations?.[0].ConsumerAcceptedWrites, true);
    assert.equal(second.DataShareAssociations?.[0].ProducerAllowedWrites, true);
    assert.deepEqual(
      second.DataShareAssociations?.[0].CreatedDate,
      first.DataShareAssociations?.[0].CreatedDate,
    );
  });

  describe("when a repeated associate is refused (repeatAssociate=refuse)", () => {
    useBehaviours(emu, { repeatAssociate: "refuse" });

    for (const [target, input] of [
      ["the entire account", { AssociateEntireAccount: true }],
      ["a namespace", { ConsumerArn: "namespace" }],
      ["a region", { ConsumerRegion: "us-west-2" }],
    ] as const) {
      it(`refuses to associate ${target} again with the same AllowWrites, changing nothing`, async () => {
        const arn = emu().dataShareArn("marketing");
        const consumer = redshiftAs(emu(), "consumer");
        const request = {
          DataShareArn: arn,
          AllowWrites: true,
          ...("ConsumerArn" in input ? { ConsumerArn: emu().namespaceArn("consumer", 1) } : input),
        };
        await consumer.send(new AssociateDataShareConsumerCommand(request));
        const before = await consumerEntries(arn);
        const err = await failureOf(() => consumer.send(new AssociateDataShareConsumerCommand(request)));
        assert.ok(err instanceof InvalidDataShareFault, String(err));
        assert.match(err.message, /because it's already associated with .* with the same settings\.$/);
        assert.deepEqual(await consumerEntries(arn), before);
      });
    }
  });

  it("updates ProducerAllowedWrites of live associations when the producer authorizes again", async () => {
    const arn = emu().dataShareArn("sales");
    await redshiftAs(emu(), "consumer").send(
      new AssociateDataShareConsumerCommand({ DataShareArn: arn, AssociateEntireAccount: true }),
    );
    await redshiftAs(emu(), "producer").send(
      new AuthorizeDataShareCommand({
        DataShareArn: arn,
        ConsumerIdentifier: "444455556666",
        AllowWrites: true,
      }),
    );
    const [entry] = await consumerEntries(arn);
    assert.equal(entry.Status, "ACTIVE");
    assert.equal(entry.ProducerAllowedWrites, true);
  });

  it("shows a share granted to the producer's own account as the consumer sees it to that account", async () => {
    const arn = await emu().admin.createDataShare({
      producerAccount: "producer",
      producerNamespace: 0,
      name: "own",
    });
    await emu().admin.grantUsage(arn, "producer");
    const producer = redshiftAs(emu(), "producer");
    await producer.send(
      new AuthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: "111122223333" }),
    );
    await producer.send(
      new AssociateDataShareConsumerCommand({ DataShareArn: arn, AssociateEntireAccount: true }),
    );
    const out = await producer.send(new DescribeDataSharesCommand({ DataShareArn: arn }));
    assert.deepEqual(
      out.DataShares?.[0].DataShareAssociations?.map((a) => [a.ConsumerIdentifier, a.Status]),
      [["111122223333", "ACTIVE"]],
    );
  });
});
