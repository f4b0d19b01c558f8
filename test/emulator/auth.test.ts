import { strict as assert } from "node:assert";
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DescribeDataSharesCommand,
  DescribeDataSharesForProducerCommand,
  InvalidDataShareFault,
  InvalidNamespaceFault,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import { XMLParser } from "fast-xml-parser";
import { failureOf, redshiftAs, rewriteRequestBody, useEmulator } from "./helpers";

describe("emulator: SigV4 and the signing account", () => {
  const emu = useEmulator();
  beforeEach(() => emu().admin.reset());

  it("rejects a request signed with the wrong secret with 403 SignatureDoesNotMatch", async () => {
    const client = redshiftAs(emu(), "consumer", {
      credentials: { accessKeyId: emu().credentials("consumer").accessKeyId, secretAccessKey: "wrong" },
    });
    const err = await failureOf(() => client.send(new DescribeDataSharesCommand({})));
    assert.equal(err.name, "SignatureDoesNotMatch");
    assert.equal(err.$metadata?.httpStatusCode, 403);
  });

  it("rejects an unknown access key with 403 InvalidClientTokenId", async () => {
    const client = redshiftAs(emu(), "consumer", {
      credentials: { accessKeyId: "AKIANOBODY0000000000", secretAccessKey: "whatever" },
    });
    const err = await failureOf(() => client.send(new DescribeDataSharesCommand({})));
    assert.equal(err.name, "InvalidClientTokenId");
    assert.equal(err.$metadata?.httpStatusCode, 403);
  });

  it("rejects a body changed after signing with SignatureDoesNotMatch", async () => {
    const client = redshiftAs(emu(), "consumer");
    rewriteRequestBody(client, "finalizeRequest", (body) =>
      body.replace("Version=2012-12-01", "Version=2012-12-01&MaxRecords=20"),
    );
    const err = await failureOf(() => client.send(new DescribeDataSharesCommand({})));
    assert.equal(err.name, "SignatureDoesNotMatch");
  });

  it("rejects an unsigned request with 403 MissingAuthenticationToken", async () => {
    const response = await fetch(emu().endpoint, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "Action=DescribeDataShares&Version=2012-12-01",
    });
    assert.equal(response.status, 403);
    assert.ok(response.headers.get("x-amzn-requestid"));
    const parsed = new XMLParser().parse(await response.text());
    assert.equal(parsed.ErrorResponse.Error.Code, "MissingAuthenticationToken");
    assert.equal(parsed.ErrorResponse.Error.Type, "Sender");
  });

  it("rejects a request signed 20 minutes in the future with RequestExpired", async () => {
    const client = redshiftAs(emu(), "consumer", { systemClockOffset: 20 * 60 * 1000 });
    const err = await failureOf(() => client.send(new DescribeDataSharesCommand({})));
    assert.equal(err.name, "RequestExpired");
  });

  it("lets the SDK correct its clock from the Date header so that its next call goes through", async () => {
    const client = redshiftAs(emu(), "consumer", { systemClockOffset: -20 * 60 * 1000 });
    const err = await failureOf(() => client.send(new DescribeDataSharesCommand({})));
    assert.equal(err.name, "RequestExpired");
    const out = await client.send(new DescribeDataSharesCommand({}));
    assert.equal(out.$metadata.httpStatusCode, 200);
  });

  it("hides a share from an account it was never authorized for", async () => {
    const err = await failureOf(() =>
      redshiftAs(emu(), "outsider").send(
        new AssociateDataShareConsumerCommand({
          DataShareArn: emu().dataShareArn("sales"),
          AssociateEntireAccount: true,
        }),
      ),
    );
    assert.ok(err instanceof InvalidDataShareFault, String(err));
    assert.ok(err.message.endsWith("because the ARN doesn't exist."));
    const rejected = await failureOf(() =>
      redshiftAs(emu(), "outsider").send(
        new RejectDataShareCommand({ DataShareArn: emu().dataShareArn("sales") }),
      ),
    );
    assert.ok(rejected instanceof InvalidDataShareFault, String(rejected));
  });

  it("lets only the producer account authorize a share", async () => {
    const err = await failureOf(() =>
      redshiftAs(emu(), "consumer").send(
        new AuthorizeDataShareCommand({
          DataShareArn: emu().dataShareArn("sales"),
          ConsumerIdentifier: "444455556666",
        }),
      ),
    );
    assert.ok(err instanceof InvalidDataShareFault, String(err));
    assert.match(err.message, /only the producer account 111122223333/);
  });

  it("refuses a consumer namespace ARN that belongs to another account", async () => {
    const err = await failureOf(() =>
      redshiftAs(emu(), "consumer").send(
        new AssociateDataShareConsumerCommand({
          DataShareArn: emu().dataShareArn("sales"),
          ConsumerArn: emu().namespaceArn("outsider", 0),
        }),
      ),
    );
    assert.ok(err instanceof InvalidNamespaceFault, String(err));
    assert.match(err.message, /doesn't belong to the calling account 444455556666/);
  });

  it("refuses a producer namespace ARN that belongs to another account", async () => {
    const err = await failureOf(() =>
      redshiftAs(emu(), "consumer").send(
        new DescribeDataSharesForProducerCommand({ ProducerArn: emu().namespaceArn("producer", 0) }),
      ),
    );
    assert.ok(err instanceof InvalidNamespaceFault, String(err));
  });
});
