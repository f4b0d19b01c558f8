import { strict as assert } from "node:assert";
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  DescribeDataSharesCommand,
  DescribeDataSharesForConsumerCommand,
  DescribeDataSharesForProducerCommand,
  InvalidDataShareFault,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import type { ConsumerViewAfterLoss } from "../../emulator";
import { failureOf, redshiftAs, useBehaviours, useEmulator } from "./helpers";

const CONSUMER = "444455556666";

describe("emulator behaviours: what the consumer sees", () => {
  const emu = useEmulator();
  beforeEach(() => emu().admin.reset());

  const consumer = () => redshiftAs(emu(), "consumer");
  const producer = () => redshiftAs(emu(), "producer");
  const byArn = async (arn: string) =>
    (await consumer().send(new DescribeDataSharesCommand({ DataShareArn: arn }))).DataShares ?? [];
  const listed = async () =>
    ((await consumer().send(new DescribeDataSharesCommand({}))).DataShares ?? []).map((s) => s.DataShareArn);
  const forConsumer = async () =>
    ((await consumer().send(new DescribeDataSharesForConsumerCommand({}))).DataShares ?? []).map(
      (s) => s.DataShareArn,
    );

  describe("accountEntryRegion", () => {
    const accountEntries = async () => {
      const arn = emu().dataShareArn("sales");
      const available = (await byArn(arn))[0].DataShareAssociations?.[0];
      await consumer().send(
        new AssociateDataShareConsumerCommand({ DataShareArn: arn, AssociateEntireAccount: true }),
      );
      const active = (await byArn(arn))[0].DataShareAssociations?.[0];
      return [available, active].map((e) => [e?.ConsumerIdentifier, e?.Status, e?.ConsumerRegion]);
    };

    it("absent (the default): the AVAILABLE and the entire-account entries carry no ConsumerRegion", async () => {
      assert.deepEqual(await accountEntries(), [
        [CONSUMER, "AVAILABLE", undefined],
        [CONSUMER, "ACTIVE", undefined],
      ]);
    });

    describe("filled", () => {
      useBehaviours(emu, { accountEntryRegion: "filled" });

      it("the AVAILABLE and the entire-account entries carry the share's region", async () => {
        assert.deepEqual(await accountEntries(), [
          [CONSUMER, "AVAILABLE", "us-east-1"],
          [CONSUMER, "ACTIVE", "us-east-1"],
        ]);
      });

      it("an entire-account entry still covers a namespace of another region; namespace entries carry none", async () => {
        const arn = emu().dataShareArn("sales");
        await consumer().send(
          new AssociateDataShareConsumerCommand({ DataShareArn: arn, AssociateEntireAccount: true }),
        );
        const west = await consumer().send(
          new DescribeDataSharesForConsumerCommand({ ConsumerArn: emu().namespaceArn("consumer", 2) }),
        );
        assert.deepEqual(
          west.DataShares?.find((s) => s.DataShareArn === arn)?.DataShareAssociations?.map((e) => e.Status),
          ["ACTIVE"],
        );
        const namespace = emu().namespaceArn("consumer", 0);
        await consumer().send(
          new AssociateDataShareConsumerCommand({ DataShareArn: arn, ConsumerArn: namespace }),
        );
        assert.deepEqual(
          (await byArn(arn))[0].DataShareAssociations?.map((e) => [e.ConsumerIdentifier, e.ConsumerRegion]),
          [[namespace, undefined]],
        );
      });
    });
  });

  describe("dataShareNameCase", () => {
    const respelled = () =>
      emu().dataShareArn("sales").replace("/sales", "/SALES").replace("a1b2c3d4", "A1B2C3D4");

    it("folded (the default): a respelled name finds the share, answered in its own spelling", async () => {
      const [share] = await byArn(respelled());
      assert.equal(share.DataShareArn, emu().dataShareArn("sales"));
      const out = await consumer().send(
        new AssociateDataShareConsumerCommand({ DataShareArn: respelled(), AssociateEntireAccount: true }),
      );
      assert.equal(out.DataShareArn, emu().dataShareArn("sales"));
    });

    describe("exact", () => {
      useBehaviours(emu, { dataShareNameCase: "exact" });
      it("a respelled name is a share that doesn't exist; the GUID is still compared in lower case", async () => {
        const err = await failureOf(() => byArn(respelled()));
        assert.ok(err instanceof InvalidDataShareFault, String(err));
        assert.match(err.message, /because the ARN doesn't exist\.$/);
        const guidOnly = emu().dataShareArn("sales").replace("a1b2c3d4", "A1B2C3D4");
        assert.equal((await byArn(guidOnly))[0].DataShareArn, emu().dataShareArn("sales"));
      });
    });
  });

  const losses: [string, string, (arn: string) => Promise<unknown>][] = [
    [
      "deauthorizedConsumerView",
      "DEAUTHORIZED",
      (arn) =>
        producer().send(new DeauthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: CONSUMER })),
    ],
    [
      "rejectedConsumerView",
      "REJECTED",
      (arn) => consumer().send(new RejectDataShareCommand({ DataShareArn: arn })),
    ],
  ];
  for (const [behaviour, status, lose] of losses) {
    describe(behaviour, () => {
      /** Associates a namespace, loses the share, and checks what the producer sees. */
      const associateAndLose = async (): Promise<string> => {
        const arn = emu().dataShareArn("sales");
        const namespace = emu().namespaceArn("consumer", 0);
        await consumer().send(
          new AssociateDataShareConsumerCommand({ DataShareArn: arn, ConsumerArn: namespace }),
        );
        await lose(arn);
        const outbound = await producer().send(
          new DescribeDataSharesForProducerCommand({ Status: status as "REJECTED" }),
        );
        assert.ok(
          outbound.DataShares?.some((s) => s.DataShareArn === arn),
          `the producer sees ${status}`,
        );
        return arn;
      };
      const underAnswer = (
        answer: ConsumerViewAfterLoss,
        title: string,
        check: (arn: string) => Promise<void>,
      ) =>
        describe(answer === "status" ? `${answer} (the default)` : answer, () => {
          useBehaviours(emu, { [behaviour]: answer });
          it(title, async () => {
            const arn = await associateAndLose();
            await check(arn);
            assert.ok(!(await forConsumer()).includes(arn), "never in DescribeDataSharesForConsumer");
            await producer().send(
              new AuthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: CONSUMER }),
            );
            assert.deepEqual(
              (await byArn(arn))[0].DataShareAssociations?.map((e) => e.Status),
              ["AVAILABLE"],
              "authorized again, the consumer starts over",
            );
          });
        });

      underAnswer("status", `the consumer's entries stay, ${status}`, async (arn) => {
        assert.deepEqual(
          (await byArn(arn))[0].DataShareAssociations?.map((e) => [e.ConsumerIdentifier, e.Status]),
          [[emu().namespaceArn("consumer", 0), status]],
        );
        assert.ok((await listed()).includes(arn));
      });
      underAnswer(
        "entriesDropped",
        "the share is still listed, without the consumer's entries",
        async (arn) => {
          assert.deepEqual((await byArn(arn))[0].DataShareAssociations, []);
          assert.ok((await listed()).includes(arn));
        },
      );
      underAnswer(
        "shareHidden",
        "the share is gone for the consumer: not listed, by ARN it doesn't exist",
        async (arn) => {
          const err = await failureOf(() => byArn(arn));
          assert.ok(err instanceof InvalidDataShareFault, String(err));
          assert.match(err.message, /because the ARN doesn't exist\.$/);
          assert.ok(!(await listed()).includes(arn));
        },
      );
    });
  }
});
