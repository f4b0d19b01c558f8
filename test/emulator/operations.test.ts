import { strict as assert } from "node:assert";
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  DescribeDataSharesCommand,
  DescribeDataSharesForConsumerCommand,
  DescribeDataSharesForProducerCommand,
  DisassociateDataShareConsumerCommand,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { redshiftAs, stsAs, useEmulator } from "./helpers";

describe("emulator: every operation through the real SDK", () => {
  const emu = useEmulator();
  beforeEach(() => emu().admin.reset());

  it("associates the entire consumer account and reports an ACTIVE entry keyed by the account id", async () => {
    const out = await redshiftAs(emu(), "consumer").send(
      new AssociateDataShareConsumerCommand({
        DataShareArn: emu().dataShareArn("sales"),
        AssociateEntireAccount: true,
      }),
    );
    assert.equal(out.DataShareArn, emu().dataShareArn("sales"));
    assert.equal(out.ProducerArn, emu().namespaceArn("producer", 0));
    assert.equal(out.AllowPubliclyAccessibleConsumers, false);
    assert.equal(out.DataShareAssociations?.length, 1);
    const [entry] = out.DataShareAssociations ?? [];
    assert.equal(entry.ConsumerIdentifier, "444455556666");
    assert.equal(entry.Status, "ACTIVE");
    assert.equal(entry.ConsumerRegion, undefined);
    assert.ok(entry.CreatedDate instanceof Date && entry.StatusChangeDate instanceof Date);
    assert.equal(entry.ProducerAllowedWrites, false);
    assert.equal(entry.ConsumerAcceptedWrites, false);
    assert.match(out.$metadata.requestId ?? "", /^[0-9a-f-]{36}$/);
  });

  it("associates one namespace and keys the entry by the namespace ARN", async () => {
    const serverless = emu().namespaceArn("consumer", 1);
    assert.match(serverless, /^arn:aws:redshift-serverless:us-east-1:444455556666:namespace\//);
    const out = await redshiftAs(emu(), "consumer").send(
      new AssociateDataShareConsumerCommand({
        DataShareArn: emu().dataShareArn("sales"),
        ConsumerArn: serverless,
      }),
    );
    assert.deepEqual(
      out.DataShareAssociations?.map((a) => [a.ConsumerIdentifier, a.Status]),
      [[serverless, "ACTIVE"]],
    );
  });

  it("associates one region and reports the account id with ConsumerRegion", async () => {
    const out = await redshiftAs(emu(), "consumer").send(
      new AssociateDataShareConsumerCommand({
        DataShareArn: emu().dataShareArn("sales"),
        ConsumerRegion: "us-west-2",
      }),
    );
    assert.deepEqual(
      out.DataShareAssociations?.map((a) => [a.ConsumerIdentifier, a.ConsumerRegion, a.Status]),
      [["444455556666", "us-west-2", "ACTIVE"]],
    );
  });

  it("disassociates a namespace and shows the share AVAILABLE again", async () => {
    const consumer = redshiftAs(emu(), "consumer");
    const DataShareArn = emu().dataShareArn("sales");
    const ConsumerArn = emu().namespaceArn("consumer", 0);
    await consumer.send(new AssociateDataShareConsumerCommand({ DataShareArn, ConsumerArn }));
    const out = await consumer.send(new DisassociateDataShareConsumerCommand({ DataShareArn, ConsumerArn }));
    assert.deepEqual(
      out.DataShareAssociations?.map((a) => [a.ConsumerIdentifier, a.Status]),
      [["444455556666", "AVAILABLE"]],
    );
  });

  it("authorizes a granted consumer with writes and shows AUTHORIZED to the producer", async () => {
    const out = await redshiftAs(emu(), "producer").send(
      new AuthorizeDataShareCommand({
        DataShareArn: emu().dataShareArn("finance"),
        ConsumerIdentifier: "777788889999",
        AllowWrites: true,
      }),
    );
    const entry = out.DataShareAssociations?.find((a) => a.ConsumerIdentifier === "777788889999");
    assert.equal(entry?.Status, "AUTHORIZED");
    assert.equal(entry?.ProducerAllowedWrites, true);
    assert.equal(out.ProducerArn, emu().namespaceArn("producer", 1));
  });

  it("deauthorizes a consumer and shows DEAUTHORIZED to the producer", async () => {
    const out = await redshiftAs(emu(), "producer").send(
      new DeauthorizeDataShareCommand({
        DataShareArn: emu().dataShareArn("sales"),
        ConsumerIdentifier: "444455556666",
      }),
    );
    assert.equal(out.DataShareAssociations?.[0].Status, "DEAUTHORIZED");
  });

  it("rejects a share as the consumer and shows REJECTED to both sides", async () => {
    const DataShareArn = emu().dataShareArn("marketing");
    const out = await redshiftAs(emu(), "consumer").send(new RejectDataShareCommand({ DataShareArn }));
    assert.equal(out.DataShareAssociations?.[0].Status, "REJECTED");
    const producerSide = await redshiftAs(emu(), "producer").send(
      new DescribeDataSharesCommand({ DataShareArn }),
    );
    assert.equal(producerSide.DataShares?.[0].DataShareAssociations?.[0].Status, "REJECTED");
  });

  it("describes one share by ARN from the consumer side as AVAILABLE before any association", async () => {
    const out = await redshiftAs(emu(), "consumer").send(
      new DescribeDataSharesCommand({ DataShareArn: emu().dataShareArn("marketing") }),
    );
    assert.equal(out.DataShares?.length, 1);
    assert.equal(out.DataShares?.[0].AllowPubliclyAccessibleConsumers, true);
    assert.deepEqual(
      out.DataShares?.[0].DataShareAssociations?.map((a) => [
        a.ConsumerIdentifier,
        a.Status,
        a.ProducerAllowedWrites,
      ]),
      [["444455556666", "AVAILABLE", true]],
    );
    assert.equal(out.Marker, undefined);
  });

  it("lists to the consumer only the shares authorized for it, not the pending one", async () => {
    const out = await redshiftAs(emu(), "consumer").send(new DescribeDataSharesCommand({}));
    assert.deepEqual(out.DataShares?.map((d) => d.DataShareArn).sort(), [
      emu().dataShareArn("marketing"),
      emu().dataShareArn("sales"),
    ]);
  });

  it("describes shares for the consumer filtered by namespace and status", async () => {
    const consumer = redshiftAs(emu(), "consumer");
    const ns0 = emu().namespaceArn("consumer", 0);
    await consumer.send(
      new AssociateDataShareConsumerCommand({ DataShareArn: emu().dataShareArn("sales"), ConsumerArn: ns0 }),
    );
    const active = await consumer.send(
      new DescribeDataSharesForConsumerCommand({ ConsumerArn: ns0, Status: "ACTIVE" }),
    );
    assert.deepEqual(
      active.DataShares?.map((d) => d.DataShareArn),
      [emu().dataShareArn("sales")],
    );
    const available = await consumer.send(new DescribeDataSharesForConsumerCommand({ Status: "AVAILABLE" }));
    assert.deepEqual(
      available.DataShares?.map((d) => d.DataShareArn),
      [emu().dataShareArn("marketing")],
    );
  });

  it("describes shares for the producer filtered by namespace and status", async () => {
    const producer = redshiftAs(emu(), "producer");
    const pending = await producer.send(
      new DescribeDataSharesForProducerCommand({ Status: "PENDING_AUTHORIZATION" }),
    );
    assert.deepEqual(
      pending.DataShares?.map((d) => d.DataShareArn),
      [emu().dataShareArn("finance")],
    );
    const fromNs0 = await producer.send(
      new DescribeDataSharesForProducerCommand({ ProducerArn: emu().namespaceArn("producer", 0) }),
    );
    assert.deepEqual(fromNs0.DataShares?.map((d) => d.DataShareArn).sort(), [
      emu().dataShareArn("marketing"),
      emu().dataShareArn("sales"),
    ]);
  });

  for (const account of ["producer", "consumer", "outsider"]) {
    it(`answers GetCallerIdentity with the ${account} account that signed the call`, async () => {
      const out = await stsAs(emu(), account).send(new GetCallerIdentityCommand({}));
      assert.equal(out.Account, emu().accountId(account));
      assert.equal(out.Arn, `arn:aws:iam::${emu().accountId(account)}:root`);
      assert.ok(out.UserId);
    });
  }
});
