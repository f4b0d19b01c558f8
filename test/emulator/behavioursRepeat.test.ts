import { strict as assert } from "node:assert";
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DescribeDataSharesCommand,
  InvalidDataShareFault,
  type AssociateDataShareConsumerCommandInput,
  type DataShareAssociation,
} from "@aws-sdk/client-redshift";
import { failureOf, redshiftAs, useBehaviours, useEmulator } from "./helpers";

const CONSUMER = "444455556666";

describe("emulator behaviours: repeated associate and authorize, writes by region", () => {
  const emu = useEmulator();
  beforeEach(() => emu().admin.reset());

  const entriesAs = async (account: string, arn: string): Promise<DataShareAssociation[]> => {
    const out = await redshiftAs(emu(), account).send(new DescribeDataSharesCommand({ DataShareArn: arn }));
    return out.DataShares?.[0].DataShareAssociations ?? [];
  };
  const associate = (input: Omit<AssociateDataShareConsumerCommandInput, "DataShareArn">, share: string) =>
    redshiftAs(emu(), "consumer").send(
      new AssociateDataShareConsumerCommand({ DataShareArn: emu().dataShareArn(share), ...input }),
    );
  const authorize = (share: string, AllowWrites?: boolean) =>
    redshiftAs(emu(), "producer").send(
      new AuthorizeDataShareCommand({
        DataShareArn: emu().dataShareArn(share),
        ConsumerIdentifier: CONSUMER,
        AllowWrites,
      }),
    );
  const targets = (): [string, Omit<AssociateDataShareConsumerCommandInput, "DataShareArn">][] => [
    ["the entire account", { AssociateEntireAccount: true }],
    ["a namespace", { ConsumerArn: emu().namespaceArn("consumer", 1) }],
    ["a region", { ConsumerRegion: "us-west-2" }],
  ];

  describe("repeatAssociate=succeed (the default)", () => {
    it("answers a repeated associate of each target with the share as it is, changing nothing", async () => {
      for (const [target, input] of targets()) {
        await emu().admin.reset();
        const first = await associate({ ...input, AllowWrites: true }, "marketing");
        const before = await entriesAs("consumer", emu().dataShareArn("marketing"));
        const again = await associate({ ...input, AllowWrites: true }, "marketing");
        assert.deepEqual(again.DataShareAssociations, first.DataShareAssociations, target);
        assert.deepEqual(await entriesAs("consumer", emu().dataShareArn("marketing")), before, target);
      }
    });
  });

  describe("repeatAssociate=refuse", () => {
    useBehaviours(emu, { repeatAssociate: "refuse" });

    it("refuses a repeated associate as already associated with the same settings, changing nothing", async () => {
      await associate({ AssociateEntireAccount: true }, "sales");
      const before = await entriesAs("consumer", emu().dataShareArn("sales"));
      const err = await failureOf(() => associate({ AssociateEntireAccount: true }, "sales"));
      assert.ok(err instanceof InvalidDataShareFault, String(err));
      assert.match(err.message, /already associated with the entire consumer account .* same settings\.$/);
      assert.deepEqual(await entriesAs("consumer", emu().dataShareArn("sales")), before);
    });
  });

  describe("reassociateOtherWrites", () => {
    const writesAfterSecondAssociate = async (): Promise<DataShareAssociation> => {
      await associate({ ConsumerArn: emu().namespaceArn("consumer", 0), AllowWrites: true }, "marketing");
      await associate({ ConsumerArn: emu().namespaceArn("consumer", 0), AllowWrites: false }, "marketing");
      const entries = await entriesAs("consumer", emu().dataShareArn("marketing"));
      assert.equal(entries.length, 1);
      return entries[0];
    };

    it("flip (the default): the second associate sets ConsumerAcceptedWrites, keeping CreatedDate", async () => {
      const first = await associate({ AssociateEntireAccount: true, AllowWrites: true }, "marketing");
      await associate({ AssociateEntireAccount: true, AllowWrites: false }, "marketing");
      const [entry] = await entriesAs("consumer", emu().dataShareArn("marketing"));
      assert.equal(entry.ConsumerAcceptedWrites, false);
      assert.deepEqual(entry.CreatedDate, first.DataShareAssociations?.[0].CreatedDate);
      assert.equal((await writesAfterSecondAssociate()).ConsumerAcceptedWrites, false);
    });

    describe("ignore", () => {
      useBehaviours(emu, { reassociateOtherWrites: "ignore" });
      it("succeeds and keeps the AllowWrites of the first associate", async () => {
        assert.equal((await writesAfterSecondAssociate()).ConsumerAcceptedWrites, true);
      });
    });

    describe("refuse", () => {
      useBehaviours(emu, { reassociateOtherWrites: "refuse" });
      it("refuses as already associated with other settings, keeping the first AllowWrites", async () => {
        const namespace = emu().namespaceArn("consumer", 0);
        await associate({ ConsumerArn: namespace, AllowWrites: true }, "marketing");
        const err = await failureOf(() =>
          associate({ ConsumerArn: namespace, AllowWrites: false }, "marketing"),
        );
        assert.ok(err instanceof InvalidDataShareFault, String(err));
        assert.match(err.message, /already associated with the namespace .* with other settings/);
        const [entry] = await entriesAs("consumer", emu().dataShareArn("marketing"));
        assert.equal(entry.ConsumerAcceptedWrites, true);
      });
    });
  });

  describe("repeatAuthorize", () => {
    it("succeed (the default): authorizing again as before answers the share and changes nothing", async () => {
      await associate({ AssociateEntireAccount: true }, "sales");
      const before = await entriesAs("producer", emu().dataShareArn("sales"));
      const again = await authorize("sales", false);
      assert.deepEqual(again.DataShareAssociations, before);
      assert.deepEqual(
        (await authorize("sales")).DataShareAssociations,
        before,
        "an absent AllowWrites is the same as false",
      );
      assert.equal((await entriesAs("consumer", emu().dataShareArn("sales")))[0].Status, "ACTIVE");
    });

    describe("refuse", () => {
      useBehaviours(emu, { repeatAuthorize: "refuse" });
      it("refuses as already authorized with the same settings, changing nothing", async () => {
        const before = await entriesAs("producer", emu().dataShareArn("sales"));
        const err = await failureOf(() => authorize("sales", false));
        assert.ok(err instanceof InvalidDataShareFault, String(err));
        assert.match(err.message, /because it's already authorized with the same settings\.$/);
        assert.deepEqual(await entriesAs("producer", emu().dataShareArn("sales")), before);
      });
    });
  });

  describe("reauthorizeOtherWrites", () => {
    /** ProducerAllowedWrites as the producer and the associated consumer see it after authorizing with writes. */
    const afterAuthorizingWrites = async (): Promise<[boolean?, boolean?]> => {
      await associate({ AssociateEntireAccount: true }, "sales");
      await authorize("sales", true).catch((err: unknown) => {
        if (!(err instanceof InvalidDataShareFault)) throw err;
      });
      const [producerSide] = await entriesAs("producer", emu().dataShareArn("sales"));
      const [consumerSide] = await entriesAs("consumer", emu().dataShareArn("sales"));
      return [producerSide.ProducerAllowedWrites, consumerSide.ProducerAllowedWrites];
    };

    it("flip (the default): ProducerAllowedWrites follows the new call, for the live associations too", async () => {
      assert.deepEqual(await afterAuthorizingWrites(), [true, true]);
    });

    describe("ignore", () => {
      useBehaviours(emu, { reauthorizeOtherWrites: "ignore" });
      it("succeeds and keeps the first authorization's ProducerAllowedWrites", async () => {
        assert.deepEqual(await afterAuthorizingWrites(), [false, false]);
        assert.ok((await authorize("sales", true)).DataShareAssociations?.length);
      });
    });

    describe("refuse", () => {
      useBehaviours(emu, { reauthorizeOtherWrites: "refuse" });
      it("refuses as already authorized with other settings, keeping ProducerAllowedWrites", async () => {
        const err = await failureOf(() => authorize("sales", true));
        assert.ok(err instanceof InvalidDataShareFault, String(err));
        assert.match(err.message, /already authorized with other settings/);
        assert.deepEqual(await afterAuthorizingWrites(), [false, false]);
      });
    });
  });

  describe("regionsWithoutWrites", () => {
    it("accepted (the default): AllowWrites, true or false, is accepted in every region", async () => {
      await authorize("sales", false);
      await associate({ AssociateEntireAccount: true, AllowWrites: false }, "sales");
      assert.equal((await entriesAs("consumer", emu().dataShareArn("sales")))[0].Status, "ACTIVE");
    });

    describe("refused in the signing region", () => {
      useBehaviours(emu, { regionsWithoutWrites: ["us-east-1"] });

      it("refuses AllowWrites=false on authorize and associate with InvalidParameterValue, changing nothing", async () => {
        const before = await entriesAs("producer", emu().dataShareArn("marketing"));
        for (const call of [
          () => authorize("marketing", false),
          () => associate({ AssociateEntireAccount: true, AllowWrites: false }, "marketing"),
          () => associate({ AssociateEntireAccount: true, AllowWrites: true }, "marketing"),
        ]) {
          const err = await failureOf(call);
          assert.equal(err.name, "InvalidParameterValue");
          assert.equal(err.message, "DATA_SHARING_WRITES support is not yet available.");
        }
        assert.deepEqual(await entriesAs("producer", emu().dataShareArn("marketing")), before);
      });

      it("accepts the same calls without AllowWrites", async () => {
        await authorize("marketing");
        await associate({ AssociateEntireAccount: true }, "marketing");
        assert.equal((await entriesAs("consumer", emu().dataShareArn("marketing")))[0].Status, "ACTIVE");
      });
    });

    describe("refused in another region only", () => {
      useBehaviours(emu, { regionsWithoutWrites: ["eu-south-2"] });
      it("accepts AllowWrites in a region not listed", async () => {
        await associate({ AssociateEntireAccount: true, AllowWrites: true }, "marketing");
        assert.equal(
          (await entriesAs("consumer", emu().dataShareArn("marketing")))[0].ConsumerAcceptedWrites,
          true,
        );
      });
    });
  });
});
