import { strict as assert } from "node:assert";
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  DescribeDataSharesCommand,
  DescribeDataSharesForConsumerCommand,
  DescribeDataSharesForProducerCommand,
  DisassociateDataShareConsumerCommand,
  InvalidDataShareFault,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import { failureOf, redshiftAs, useEmulator } from "./helpers";

const OTHER_REGION = "eu-west-1";

describe("emulator: answers keyed by the signing region", () => {
  const emu = useEmulator();
  beforeEach(() => emu().admin.reset());

  const associations = (arn: string) =>
    emu()
      .admin.snapshot()
      .dataShares.find((s) => s.arn === arn)
      ?.consumers.flatMap((c) => c.associations);

  it("shows a client signed for another region none of the us-east-1 datashares", async () => {
    const consumer = redshiftAs(emu(), "consumer", { region: OTHER_REGION });
    const producer = redshiftAs(emu(), "producer", { region: OTHER_REGION });
    assert.deepEqual((await consumer.send(new DescribeDataSharesCommand({}))).DataShares, []);
    assert.deepEqual((await consumer.send(new DescribeDataSharesForConsumerCommand({}))).DataShares, []);
    assert.deepEqual((await producer.send(new DescribeDataSharesForProducerCommand({}))).DataShares, []);
    const err = await failureOf(() =>
      consumer.send(new DescribeDataSharesCommand({ DataShareArn: emu().dataShareArn("sales") })),
    );
    assert.ok(err instanceof InvalidDataShareFault, String(err));
    assert.ok(err.message.endsWith("because the ARN doesn't exist."), err.message);
  });

  it("lets a client signed for another region neither associate, reject, authorize nor deauthorize a us-east-1 datashare", async () => {
    const DataShareArn = emu().dataShareArn("sales");
    const consumer = redshiftAs(emu(), "consumer", { region: OTHER_REGION });
    const producer = redshiftAs(emu(), "producer", { region: OTHER_REGION });
    const attempts = [
      () =>
        consumer.send(new AssociateDataShareConsumerCommand({ DataShareArn, AssociateEntireAccount: true })),
      () => consumer.send(new RejectDataShareCommand({ DataShareArn })),
      () =>
        producer.send(new AuthorizeDataShareCommand({ DataShareArn, ConsumerIdentifier: "444455556666" })),
      () =>
        producer.send(new DeauthorizeDataShareCommand({ DataShareArn, ConsumerIdentifier: "444455556666" })),
    ];
    for (const attempt of attempts) {
      const err = await failureOf(attempt);
      assert.ok(err instanceof InvalidDataShareFault, String(err));
      assert.match(err.message, /because the ARN doesn't exist\.$/);
    }
    const [grant] = emu()
      .admin.snapshot()
      .dataShares.filter((s) => s.arn === DataShareArn)
      .flatMap((s) => s.consumers);
    assert.equal(grant.status, "AUTHORIZED");
    assert.deepEqual(grant.associations, []);
  });

  it("does not let another region's client disassociate a us-east-1 association", async () => {
    const DataShareArn = emu().dataShareArn("sales");
    await redshiftAs(emu(), "consumer").send(
      new AssociateDataShareConsumerCommand({ DataShareArn, AssociateEntireAccount: true }),
    );
    const err = await failureOf(() =>
      redshiftAs(emu(), "consumer", { region: OTHER_REGION }).send(
        new DisassociateDataShareConsumerCommand({ DataShareArn, DisassociateEntireAccount: true }),
      ),
    );
    assert.ok(err instanceof InvalidDataShareFault, String(err));
    assert.equal(associations(DataShareArn)?.length, 1);
  });

  it("associates a us-east-1 datashare with another region through the us-east-1 endpoint (cross-region sharing)", async () => {
    const DataShareArn = emu().dataShareArn("sales");
    const consumer = redshiftAs(emu(), "consumer");
    const byRegion = await consumer.send(
      new AssociateDataShareConsumerCommand({ DataShareArn, ConsumerRegion: "us-west-2" }),
    );
    assert.deepEqual(
      byRegion.DataShareAssociations?.map((a) => [a.ConsumerRegion, a.Status]),
      [["us-west-2", "ACTIVE"]],
    );
    const westNamespace = emu().namespaceArn("consumer", 2);
    const byNamespace = await consumer.send(
      new AssociateDataShareConsumerCommand({ DataShareArn, ConsumerArn: westNamespace }),
    );
    assert.ok(byNamespace.DataShareAssociations?.some((a) => a.ConsumerIdentifier === westNamespace));
    const west = redshiftAs(emu(), "consumer", { region: "us-west-2" });
    assert.deepEqual((await west.send(new DescribeDataSharesCommand({}))).DataShares, []);
  });

  it("answers a datashare made in us-west-2 only at the us-west-2 endpoint, whose ARN carries that region", async () => {
    const arn = await emu().admin.createDataShare({
      producerAccount: "producer",
      producerNamespace: 0,
      name: "west_sales",
      region: "us-west-2",
    });
    assert.match(arn, /^arn:aws:redshift:us-west-2:111122223333:datashare:/);
    await emu().admin.grantUsage(arn, "consumer");
    const westProducer = redshiftAs(emu(), "producer", { region: "us-west-2" });
    await westProducer.send(
      new AuthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: "444455556666" }),
    );
    const west = await redshiftAs(emu(), "consumer", { region: "us-west-2" }).send(
      new DescribeDataSharesCommand({}),
    );
    assert.deepEqual(
      west.DataShares?.map((s) => s.DataShareArn),
      [arn],
    );
    const east = await redshiftAs(emu(), "consumer").send(new DescribeDataSharesCommand({}));
    assert.ok(!east.DataShares?.some((s) => s.DataShareArn === arn));
  });
});
