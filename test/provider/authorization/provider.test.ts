/**
 * The provider's paths that the emulator cannot produce (AWS refusing to authorize again, or
 * accepting without changing writes), through a stub adapter.
 */
import * as assert from "node:assert/strict";
import { DataShareAuthorizationError } from "../../../provider/authorization/errors";
import { createAuthorizationProvider } from "../../../provider/authorization/provider";
import { AuthorizeRequest, DeauthorizeRequest } from "../../../provider/authorization/types";
import { AwsCallError } from "../../../provider/core/errors";
import type { ProducerApi } from "../../../provider/core/redshiftApi";
import { LiveAssociation, LiveDataShare } from "../../../provider/core/types";
import { CONSUMER_ACCOUNT, DATASHARE } from "../../fixtures/arns";

const SECRET = "stub/secret/that/must/never/show/00001";

interface Stub {
  authorize?: (r: AuthorizeRequest) => Promise<LiveDataShare>;
  deauthorize?: (r: DeauthorizeRequest) => Promise<LiveDataShare>;
  entries?: LiveAssociation[];
}

function providerWith(stub: Stub) {
  const calls: string[] = [];
  const share = (): LiveDataShare => ({ dataShareArn: DATASHARE, associations: stub.entries ?? [] });
  const api: ProducerApi = {
    async authorizeDataShare(r) {
      calls.push("AuthorizeDataShare");
      return stub.authorize ? stub.authorize(r) : share();
    },
    async deauthorizeDataShare(r) {
      calls.push("DeauthorizeDataShare");
      if (stub.deauthorize) await stub.deauthorize(r);
    },
    async describeDataShares() {
      calls.push("DescribeDataShares");
      return [share()];
    },
    async getCallerIdentity() {
      return { account: "111122223333" };
    },
  };
  const provider = createAuthorizationProvider({
    region: "us-east-1",
    credentials: { accessKeyId: "AKIASTUB000000000001", secretAccessKey: SECRET },
    env: {},
    warn: () => undefined,
    apiFactory: () => api,
  });
  return { provider, calls };
}

const declared = { dataShareArn: DATASHARE, consumerIdentifier: CONSUMER_ACCOUNT };
const authorized = (writes: boolean, status = "AUTHORIZED"): LiveAssociation => ({
  consumerIdentifier: CONSUMER_ACCOUNT,
  status,
  producerAllowedWrites: writes,
  consumerAcceptedWrites: false,
});
const refusal = (message: string) =>
  new AwsCallError("AuthorizeDataShare", "InvalidDataShareFault", message, "req-1", 400);

describe("the authorization provider where AWS differs from the emulator", () => {
  it("when AWS refuses to authorize again an authorization that exists as declared, create adopts it", async () => {
    const { provider, calls } = providerWith({
      entries: [authorized(false, "ACTIVE")],
      authorize: async () => {
        throw refusal("The data share is already authorized for this consumer.");
      },
    });
    const { id, outs } = await provider.create(declared);
    assert.equal(id, `${DATASHARE},${CONSUMER_ACCOUNT}`);
    assert.equal(outs.status, "ACTIVE");
    assert.deepEqual(calls, ["AuthorizeDataShare", "DescribeDataShares"]);
  });

  it("when AWS refuses and the existing authorization has other writes, create fails with AWS's reason", async () => {
    const { provider } = providerWith({
      entries: [authorized(true)],
      authorize: async () => {
        throw refusal(`The data share is already authorized; key ${SECRET}.`);
      },
    });
    const err = await provider.create(declared).catch((e: unknown) => e);
    assert.ok(err instanceof DataShareAuthorizationError);
    assert.equal(err.kind, "NotAuthorized");
    assert.match(err.message, /already authorized/);
    assert.ok(!err.message.includes(SECRET), err.message);
    assert.match(err.message, /request id req-1/);
  });

  it("when AWS accepts the re-authorization but keeps the old writes, update fails and says what changes it and what that does to the consumer", async () => {
    const { provider } = providerWith({ entries: [authorized(false)] });
    const err = await provider
      .update(
        `${DATASHARE},${CONSUMER_ACCOUNT}`,
        { ...declared, region: "us-east-1" },
        { ...declared, allowWrites: true },
      )
      .catch((e: unknown) => e);
    assert.ok(err instanceof DataShareAuthorizationError);
    assert.equal(err.kind, "WritesNotChanged");
    assert.match(err.message, /remove this resource from the program and run `pulumi up`, then add it back/);
    assert.match(err.message, /ends every association the consumer has with the datashare/);
    // --replace keeps a live authorization as it is (claims): the message must not send users there.
    assert.match(err.message, /`pulumi up --replace` does not do this/);
  });

  it("update always sends AllowWrites, so an unset allowWrites turns writes off", async () => {
    const sent: AuthorizeRequest[] = [];
    const { provider } = providerWith({
      entries: [authorized(false)],
      authorize: async (r) => {
        sent.push(r);
        return { dataShareArn: DATASHARE, associations: [authorized(false)] };
      },
    });
    await provider.update(`${DATASHARE},${CONSUMER_ACCOUNT}`, { ...declared, allowWrites: true }, declared);
    assert.deepEqual(sent, [
      { DataShareArn: DATASHARE, ConsumerIdentifier: CONSUMER_ACCOUNT, AllowWrites: false },
    ]);
  });

  it("create leaves AllowWrites out when allowWrites is unset", async () => {
    const sent: AuthorizeRequest[] = [];
    const { provider } = providerWith({
      authorize: async (r) => {
        sent.push(r);
        return { dataShareArn: DATASHARE, associations: [authorized(false)] };
      },
    });
    await provider.create(declared);
    assert.deepEqual(sent, [{ DataShareArn: DATASHARE, ConsumerIdentifier: CONSUMER_ACCOUNT }]);
  });

  it("when the AuthorizeDataShare answer does not list the consumer, create looks it up", async () => {
    const { provider, calls } = providerWith({
      entries: [authorized(false)],
      authorize: async () => ({ dataShareArn: DATASHARE, associations: [] }),
    });
    const { outs } = await provider.create(declared);
    assert.equal(outs.status, "AUTHORIZED");
    assert.deepEqual(calls, ["AuthorizeDataShare", "DescribeDataShares"]);
  });

  const done: [string, AwsCallError][] = [
    [
      "already deauthorized",
      new AwsCallError(
        "DeauthorizeDataShare",
        "InvalidDataShareFault",
        "Can't deauthorize because you have already removed authorization from the data share.",
      ),
    ],
    [
      "gone (404)",
      new AwsCallError("DeauthorizeDataShare", "ResourceNotFoundFault", "not found", undefined, 404),
    ],
  ];
  for (const [what, failure] of done) {
    it(`delete of an authorization ${what} is done`, async () => {
      const { provider } = providerWith({
        deauthorize: async () => {
          throw failure;
        },
      });
      await provider.delete(`${DATASHARE},${CONSUMER_ACCOUNT}`, { region: "us-east-1" });
    });
  }

  it("delete refused for another reason fails, naming the action", async () => {
    const { provider } = providerWith({
      deauthorize: async () => {
        throw new AwsCallError("DeauthorizeDataShare", "AccessDenied", "not allowed", "req-2", 403);
      },
    });
    await assert.rejects(provider.delete(`${DATASHARE},${CONSUMER_ACCOUNT}`, { region: "us-east-1" }), {
      message: /deauthorizing arn:aws:redshift.*for account 444455556666: the caller is not allowed/,
    });
  });
});
