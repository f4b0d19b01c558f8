import { strict as assert } from "node:assert";
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  type AuthorizeDataShareCommandInput,
  type DataShareStatusForProducer,
  DeauthorizeDataShareCommand,
  DescribeDataSharesCommand,
  DescribeDataSharesForConsumerCommand,
  DescribeDataSharesForProducerCommand,
  DisassociateDataShareConsumerCommand,
  InvalidDataShareFault,
  InvalidNamespaceFault,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import { failureOf, redshiftAs, rewriteRequestBody, useEmulator } from "./helpers";

const UNKNOWN_SHARE =
  "arn:aws:redshift:us-east-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/nope";

describe("emulator: faults as AWS returns them", () => {
  const emu = useEmulator();
  beforeEach(() => emu().admin.reset());
  const consumer = () => redshiftAs(emu(), "consumer");

  it("answers an unknown datashare ARN with InvalidDataShareFault ending in the 'ARN doesn't exist' fragment", async () => {
    for (const command of [
      new DescribeDataSharesCommand({ DataShareArn: UNKNOWN_SHARE }),
      new AssociateDataShareConsumerCommand({ DataShareArn: UNKNOWN_SHARE, AssociateEntireAccount: true }),
      new DisassociateDataShareConsumerCommand({
        DataShareArn: UNKNOWN_SHARE,
        DisassociateEntireAccount: true,
      }),
    ]) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const err = await failureOf(() => consumer().send(command as any));
      assert.ok(err instanceof InvalidDataShareFault, String(err));
      assert.equal(err.$metadata?.httpStatusCode, 400);
      assert.equal((err as unknown as { Type?: string }).Type, "Sender");
      assert.ok(err.message.endsWith("because the ARN doesn't exist."), err.message);
      assert.ok(err.message.includes(UNKNOWN_SHARE));
    }
  });

  it("answers disassociating something not associated with the 'isn't associated with this data consumer' fragment", async () => {
    const err = await failureOf(() =>
      consumer().send(
        new DisassociateDataShareConsumerCommand({
          DataShareArn: emu().dataShareArn("sales"),
          ConsumerArn: emu().namespaceArn("consumer", 0),
        }),
      ),
    );
    assert.ok(err instanceof InvalidDataShareFault, String(err));
    assert.ok(
      err.message.endsWith("either doesn't exist or isn't associated with this data consumer."),
      err.message,
    );
  });

  it("answers deauthorizing twice with the 'already removed authorization' fragment", async () => {
    const producer = redshiftAs(emu(), "producer");
    const input = { DataShareArn: emu().dataShareArn("sales"), ConsumerIdentifier: "444455556666" };
    await producer.send(new DeauthorizeDataShareCommand(input));
    const err = await failureOf(() => producer.send(new DeauthorizeDataShareCommand(input)));
    assert.ok(err instanceof InvalidDataShareFault, String(err));
    assert.ok(
      err.message.endsWith("because you have already removed authorization from the data share."),
      err.message,
    );
  });

  it("refuses to associate a share granted but not yet authorized for the caller", async () => {
    const err = await failureOf(() =>
      consumer().send(
        new AssociateDataShareConsumerCommand({
          DataShareArn: emu().dataShareArn("finance"),
          AssociateEntireAccount: true,
        }),
      ),
    );
    assert.ok(err instanceof InvalidDataShareFault, String(err));
    assert.match(err.message, /isn't authorized for consumer account 444455556666/);
  });

  it("refuses AllowWrites=true when the producer authorized the share read-only", async () => {
    const err = await failureOf(() =>
      consumer().send(
        new AssociateDataShareConsumerCommand({
          DataShareArn: emu().dataShareArn("sales"),
          AssociateEntireAccount: true,
          AllowWrites: true,
        }),
      ),
    );
    assert.ok(err instanceof InvalidDataShareFault, String(err));
    assert.match(err.message, /read-only/);
  });

  it("refuses to reject a share twice", async () => {
    const DataShareArn = emu().dataShareArn("sales");
    await consumer().send(new RejectDataShareCommand({ DataShareArn }));
    const err = await failureOf(() => consumer().send(new RejectDataShareCommand({ DataShareArn })));
    assert.ok(err instanceof InvalidDataShareFault, String(err));
  });

  it("answers a namespace that does not exist in the caller's account with InvalidNamespaceFault", async () => {
    const missing = "arn:aws:redshift:us-east-1:444455556666:namespace:deadbeef-0000-4000-8000-000000000000";
    for (const command of [
      new AssociateDataShareConsumerCommand({
        DataShareArn: emu().dataShareArn("sales"),
        ConsumerArn: missing,
      }),
      new DescribeDataSharesForConsumerCommand({ ConsumerArn: missing }),
    ]) {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      const err = await failureOf(() => consumer().send(command as any));
      assert.ok(err instanceof InvalidNamespaceFault, String(err));
      assert.equal(err.$metadata?.httpStatusCode, 400);
    }
  });

  it("answers none or several association targets with InvalidParameterCombination", async () => {
    const DataShareArn = emu().dataShareArn("sales");
    for (const input of [
      { DataShareArn },
      { DataShareArn, AssociateEntireAccount: false },
      { DataShareArn, AssociateEntireAccount: true, ConsumerRegion: "us-east-1" },
      { DataShareArn, ConsumerArn: emu().namespaceArn("consumer", 0), ConsumerRegion: "us-east-1" },
    ]) {
      const err = await failureOf(() => consumer().send(new AssociateDataShareConsumerCommand(input)));
      assert.equal(err.name, "InvalidParameterCombination", JSON.stringify(input));
      assert.equal(err.$metadata?.httpStatusCode, 400);
    }
  });

  it("answers malformed ARNs, empty strings and bad regions with InvalidParameterValue", async () => {
    const DataShareArn = emu().dataShareArn("sales");
    for (const input of [
      { DataShareArn: "not-an-arn", AssociateEntireAccount: true },
      { DataShareArn: "", AssociateEntireAccount: true },
      { DataShareArn, ConsumerArn: "" },
      { DataShareArn, ConsumerArn: "arn:aws:redshift:us-east-1:444455556666:cluster:foo" },
      { DataShareArn, ConsumerRegion: "" },
      { DataShareArn, ConsumerRegion: "moon-base" },
    ]) {
      const err = await failureOf(() => consumer().send(new AssociateDataShareConsumerCommand(input)));
      assert.equal(err.name, "InvalidParameterValue", JSON.stringify(input));
    }
  });

  it("answers an invalid Status filter with InvalidParameterValue", async () => {
    const err = await failureOf(() =>
      redshiftAs(emu(), "producer").send(
        new DescribeDataSharesForProducerCommand({ Status: "AVAILABLE" as DataShareStatusForProducer }),
      ),
    );
    assert.equal(err.name, "InvalidParameterValue");
  });

  it("answers a missing DataShareArn with MissingParameter", async () => {
    const err = await failureOf(() =>
      redshiftAs(emu(), "producer").send(
        new AuthorizeDataShareCommand({
          ConsumerIdentifier: "444455556666",
        } as AuthorizeDataShareCommandInput),
      ),
    );
    assert.equal(err.name, "MissingParameter");
    assert.match(err.message, /DataShareArn/);
  });

  it("answers an action it does not know with InvalidAction", async () => {
    const client = consumer();
    rewriteRequestBody(client, "build", (body) =>
      body.replace("Action=DescribeDataShares", "Action=DescribeNothing"),
    );
    const err = await failureOf(() => client.send(new DescribeDataSharesCommand({})));
    assert.equal(err.name, "InvalidAction");
    assert.equal(err.$metadata?.httpStatusCode, 400);
  });

  it("reads `+` in a form body as a space, as other SDKs encode it", async () => {
    const client = consumer();
    rewriteRequestBody(client, "build", (body) => body.replace("%20", "+"));
    const err = await failureOf(() =>
      client.send(
        new DescribeDataSharesCommand({ DataShareArn: UNKNOWN_SHARE.replace("/nope", "/no such") }),
      ),
    );
    assert.ok(err instanceof InvalidDataShareFault, String(err));
    assert.ok(err.message.includes("/no such "), err.message);
  });
});
