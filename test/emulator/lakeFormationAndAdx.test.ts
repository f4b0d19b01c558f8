import { strict as assert } from "node:assert";
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  DescribeDataSharesCommand,
  DescribeDataSharesForConsumerCommand,
  DisassociateDataShareConsumerCommand,
  InvalidDataShareFault,
  InvalidNamespaceFault,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import { loadSeed, startEmulator } from "../../emulator";

import { failureOf, redshiftAs, useEmulator } from "./helpers";

const CONSUMER = "444455556666";
const CATALOG_CONSUMER = `DataCatalog/${CONSUMER}`;
const GLUE_CATALOG = `arn:aws:glue:us-east-1:${CONSUMER}:catalog`;

describe("emulator: AWS Data Exchange and Lake Formation (Glue Data Catalog) consumers", () => {
  const emu = useEmulator();
  beforeEach(() => emu().admin.reset());

  const producer = () => redshiftAs(emu(), "producer");
  const consumer = () => redshiftAs(emu(), "consumer");
  const entriesAs = async (account: string, arn: string) => {
    const out = await redshiftAs(emu(), account).send(new DescribeDataSharesCommand({ DataShareArn: arn }));
    return (out.DataShares?.[0].DataShareAssociations ?? []).map((e) => [e.ConsumerIdentifier, e.Status]);
  };
  const authorize = (DataShareArn: string, ConsumerIdentifier: string) =>
    producer().send(new AuthorizeDataShareCommand({ DataShareArn, ConsumerIdentifier }));
  const newShare = (name: string, managedBy?: string) =>
    emu().admin.createDataShare({ producerAccount: "producer", producerNamespace: 0, name, managedBy });

  describe("ADX", () => {
    it("a share made MANAGEDBY ADX is granted to ADX; authorizing and deauthorizing ADX moves that entry", async () => {
      const arn = await newShare("exchange", "ADX");
      assert.deepEqual(await entriesAs("producer", arn), [["ADX", "PENDING_AUTHORIZATION"]]);
      const out = await authorize(arn, "adx");
      assert.deepEqual(
        out.DataShareAssociations?.map((e) => [e.ConsumerIdentifier, e.Status]),
        [["ADX", "AUTHORIZED"]],
        "the keyword in any case",
      );
      await producer().send(
        new DeauthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: "ADX" }),
      );
      assert.deepEqual(await entriesAs("producer", arn), [["ADX", "DEAUTHORIZED"]]);
    });

    it("authorizing ADX for a share not managed by ADX is refused, naming MANAGEDBY ADX", async () => {
      const err = await failureOf(() => authorize(emu().dataShareArn("sales"), "ADX"));
      assert.ok(err instanceof InvalidDataShareFault, String(err));
      assert.match(
        err.message,
        /isn't managed by AWS Data Exchange \(CREATE DATASHARE \.\.\. MANAGEDBY ADX\)/,
      );
    });
  });

  describe("Data Catalog", () => {
    const catalogShare = async () => {
      const arn = await newShare("lake");
      await emu().admin.grantUsage(arn, CATALOG_CONSUMER);
      return arn;
    };

    it("authorizes DataCatalog/<account> after GRANT ... VIA DATA CATALOG; the consumer sees that entry AVAILABLE", async () => {
      const arn = await catalogShare();
      assert.deepEqual(await entriesAs("producer", arn), [[CATALOG_CONSUMER, "PENDING_AUTHORIZATION"]]);
      await authorize(arn, CATALOG_CONSUMER);
      assert.deepEqual(await entriesAs("producer", arn), [[CATALOG_CONSUMER, "AUTHORIZED"]]);
      const inbound = await consumer().send(new DescribeDataSharesForConsumerCommand({}));
      assert.deepEqual(
        inbound.DataShares?.find((s) => s.DataShareArn === arn)?.DataShareAssociations?.map(
          (e) => e.ConsumerIdentifier,
        ),
        [CATALOG_CONSUMER],
      );
    });

    it("associates the consumer's Glue Data Catalog ARN: an ACTIVE entry named by that ARN, ACTIVE for the producer", async () => {
      const arn = await catalogShare();
      await authorize(arn, CATALOG_CONSUMER);
      const out = await consumer().send(
        new AssociateDataShareConsumerCommand({ DataShareArn: arn, ConsumerArn: GLUE_CATALOG }),
      );
      assert.deepEqual(
        out.DataShareAssociations?.map((e) => [e.ConsumerIdentifier, e.Status, e.ConsumerRegion]),
        [[GLUE_CATALOG, "ACTIVE", undefined]],
      );
      assert.deepEqual(await entriesAs("producer", arn), [[CATALOG_CONSUMER, "ACTIVE"]]);
      await consumer().send(
        new DisassociateDataShareConsumerCommand({ DataShareArn: arn, ConsumerArn: GLUE_CATALOG }),
      );
      assert.deepEqual(await entriesAs("consumer", arn), [[CATALOG_CONSUMER, "AVAILABLE"]]);
    });

    it("refuses a catalog of another account, of another region, and one whose Data Catalog is not authorized", async () => {
      const arn = await catalogShare();
      const associate = (ConsumerArn: string) =>
        consumer().send(new AssociateDataShareConsumerCommand({ DataShareArn: arn, ConsumerArn }));
      const foreign = await failureOf(() => associate("arn:aws:glue:us-east-1:777788889999:catalog"));
      assert.ok(foreign instanceof InvalidNamespaceFault, String(foreign));
      const unauthorized = await failureOf(() => associate(GLUE_CATALOG));
      assert.ok(unauthorized instanceof InvalidDataShareFault, String(unauthorized));
      assert.match(
        unauthorized.message,
        /isn't authorized for the Data Catalog of consumer account 444455556666/,
      );
      await authorize(arn, CATALOG_CONSUMER);
      const crossRegion = await failureOf(() => associate(GLUE_CATALOG.replace("us-east-1", "us-west-2")));
      assert.equal(crossRegion.name, "InvalidParameterValue");
      assert.match(crossRegion.message, /can't be associated across Regions/);
    });

    it("keeps the account's own grant apart; rejecting declines both", async () => {
      const arn = await catalogShare();
      await emu().admin.grantUsage(arn, "consumer");
      await authorize(arn, CATALOG_CONSUMER);
      await authorize(arn, CONSUMER);
      await consumer().send(
        new AssociateDataShareConsumerCommand({ DataShareArn: arn, AssociateEntireAccount: true }),
      );
      await consumer().send(
        new AssociateDataShareConsumerCommand({ DataShareArn: arn, ConsumerArn: GLUE_CATALOG }),
      );
      assert.deepEqual(await entriesAs("consumer", arn), [
        [GLUE_CATALOG, "ACTIVE"],
        [CONSUMER, "ACTIVE"],
      ]);
      await consumer().send(new RejectDataShareCommand({ DataShareArn: arn }));
      assert.deepEqual(await entriesAs("producer", arn), [
        [CATALOG_CONSUMER, "REJECTED"],
        [CONSUMER, "REJECTED"],
      ]);
    });

    it("refuses DataCatalog/<account> without that grant, and malformed consumer identifiers", async () => {
      const notGranted = await failureOf(() => authorize(emu().dataShareArn("sales"), CATALOG_CONSUMER));
      assert.ok(notGranted instanceof InvalidDataShareFault, String(notGranted));
      assert.match(notGranted.message, /hasn't been granted to that account via the Data Catalog/);
      for (const malformed of ["DataCatalog/123", "DataCatalog/", "datacatalog/444455556666", "12345"]) {
        const err = await failureOf(() => authorize(emu().dataShareArn("sales"), malformed));
        assert.equal(err.name, "InvalidParameterValue", malformed);
        assert.match(err.message, /12-digit AWS account ID, DataCatalog\/<account ID> or ADX/);
      }
    });
  });

  it("a seed authorizes DataCatalog/<account> and ADX consumers", async () => {
    const seeded = await startEmulator({
      seed: {
        ...loadSeed(undefined),
        dataShares: [
          {
            name: "seeded_lake",
            producerAccount: "producer",
            producerNamespace: "a1b2c3d4-0000-4000-8000-000000000001",
            managedBy: "ADX",
            authorizations: [{ consumer: "DataCatalog/consumer" }, { consumer: "ADX" }],
          },
        ],
      },
    });
    try {
      const out = await redshiftAs(seeded, "producer").send(new DescribeDataSharesCommand({}));
      assert.deepEqual(
        out.DataShares?.[0].DataShareAssociations?.map((e) => [e.ConsumerIdentifier, e.Status]),
        [
          ["ADX", "AUTHORIZED"],
          [CATALOG_CONSUMER, "AUTHORIZED"],
        ],
      );
    } finally {
      await seeded.stop();
    }
  });
});
