import * as assert from "node:assert/strict";
import { createProvider } from "../../../provider/consumer/provider";
import { DataShareConsumerError } from "../../../provider/consumer/errors";
import { associationsOf, Live, REGION, startLive } from "../../fixtures/liveConsumer";

async function failure(p: Promise<unknown>): Promise<DataShareConsumerError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(err instanceof DataShareConsumerError, `expected a DataShareConsumerError, got ${String(err)}`);
  return err;
}

describe("the provider against the emulator: refusals and lost responses", () => {
  let live: Live;
  let namespace: string;

  beforeEach(async () => {
    live = await startLive();
    namespace = live.emu.namespaceArn("consumer", 0);
  });
  afterEach(() => live.emu.stop());

  it("a datashare that does not exist: says so, with the AWS code and request id", async () => {
    const missing = live.emu.dataShareArn("sales").replace("/sales", "/nosuchshare");
    const err = await failure(live.provider.create({ dataShareArn: missing, consumerArn: namespace }));
    assert.equal(err.kind, "DataShareNotFound");
    assert.match(err.message, /does not exist or is not shared with account 444455556666/);
    assert.match(err.message, /\(AWS error InvalidDataShareFault, request id [^)]+\)/);
    assert.ok(err.requestId);
  });

  it("a datashare granted but not authorized: asks the producer to authorize it", async () => {
    const err = await failure(
      live.provider.create({ dataShareArn: live.emu.dataShareArn("finance"), consumerArn: namespace }),
    );
    assert.equal(err.kind, "NotAuthorized");
    assert.match(err.message, /not authorized for account 444455556666/);
    assert.match(err.message, /AuthorizeDataShare with ConsumerIdentifier=444455556666/);
  });

  it("writes requested where the producer authorized read-only: says who can allow writes", async () => {
    const err = await failure(
      live.provider.create({
        dataShareArn: live.emu.dataShareArn("sales"),
        consumerArn: namespace,
        allowWrites: true,
      }),
    );
    assert.equal(err.kind, "WritesNotAllowed");
    assert.match(err.message, /read-only/);
    assert.deepEqual(associationsOf(live.emu, live.emu.dataShareArn("sales")), []);
  });

  it("a namespace of another account: says it is not the caller's namespace", async () => {
    const foreign = live.emu.namespaceArn("outsider", 0);
    const err = await failure(
      live.provider.create({ dataShareArn: live.emu.dataShareArn("sales"), consumerArn: foreign }),
    );
    assert.equal(err.kind, "NamespaceNotInAccount");
    assert.match(err.message, /is not a namespace of account 444455556666/);
    assert.match(err.message, /AWS error InvalidNamespaceFault/);
  });

  it("credentials the service does not know: says so without echoing any credential", async () => {
    const credentials = {
      accessKeyId: "AKIAUNKNOWNKEY000001",
      secretAccessKey: "not/a/real/secret/key/0000000000000000",
    };
    const provider = live.providerWith({ credentials });
    const err = await failure(
      provider.create({ dataShareArn: live.emu.dataShareArn("sales"), consumerArn: namespace }),
    );
    assert.equal(err.kind, "Credentials");
    assert.ok(
      !err.message.includes(credentials.accessKeyId) && !err.message.includes(credentials.secretAccessKey),
    );
  });

  /** The calls the provider made since the last reset, by operation. */
  const calls = () => live.emu.requestCounts();

  it("adopts the association when the response to AssociateDataShareConsumer was lost", async () => {
    const share = live.emu.dataShareArn("sales");
    live.emu.setFaults({ dropResponse: ["AssociateDataShareConsumer"], dropResponseCount: 1 });
    const { id, outs } = await live.provider.create({ dataShareArn: share, consumerArn: namespace });
    assert.equal(live.emu.injectedFaults().droppedResponses, 1);
    assert.equal(id, `${share},namespace,${namespace}`);
    assert.equal(outs.status, "ACTIVE");
    assert.equal(associationsOf(live.emu, share).length, 1);
  });

  it("when the SDK's retry of a lost answer is refused as already associated, adopts it from one describe", async () => {
    live.emu.setBehaviours({ repeatAssociate: "refuse" });
    const share = live.emu.dataShareArn("sales");
    live.emu.setFaults({ dropResponse: ["AssociateDataShareConsumer"], dropResponseCount: 1 });
    live.emu.resetRequestCounts();
    const { outs } = await live
      .providerWith({ maxAttempts: 2 })
      .create({ dataShareArn: share, consumerArn: namespace });
    assert.equal(outs.status, "ACTIVE");
    assert.equal(calls().AssociateDataShareConsumer, 2, "the first answer lost, the retry refused");
    assert.equal(calls().DescribeDataShares, 1);
    assert.equal(associationsOf(live.emu, share).length, 1);
  });

  it("adopts an association made outside Pulumi through AWS's refusal: one associate, one describe, nothing new", async () => {
    live.emu.setBehaviours({ repeatAssociate: "refuse" });
    const share = live.emu.dataShareArn("sales");
    await live.outOfBand.associateWith({ DataShareArn: share, ConsumerArn: namespace });
    const [made] = associationsOf(live.emu, share);
    live.emu.resetRequestCounts();
    const { outs } = await live.provider.create({ dataShareArn: share, consumerArn: namespace });
    assert.equal(outs.status, "ACTIVE");
    assert.equal(outs.createdDate, made.createdDate);
    assert.equal(calls().AssociateDataShareConsumer, 1);
    assert.equal(calls().DescribeDataShares, 1);
    assert.deepEqual(associationsOf(live.emu, share), [made]);
  });

  it("when the existing association cannot be read back, says it exists but was not adopted", async () => {
    live.emu.setBehaviours({ repeatAssociate: "refuse" });
    const share = live.emu.dataShareArn("sales");
    await live.outOfBand.associateWith({ DataShareArn: share, ConsumerArn: namespace });
    live.emu.setFaults({ dropResponse: ["DescribeDataShares"] });
    const err = await failure(live.provider.create({ dataShareArn: share, consumerArn: namespace }));
    assert.equal(err.kind, "AlreadyAssociated");
    assert.match(err.message, /already associated as declared for account 444455556666/);
  });

  it("an association made outside Pulumi with other writes is associated again as declared", async () => {
    const share = live.emu.dataShareArn("marketing");
    await live.outOfBand.associateWith({ DataShareArn: share, ConsumerArn: namespace, AllowWrites: true });
    live.emu.resetRequestCounts();
    const { outs } = await live.provider.create({ dataShareArn: share, consumerArn: namespace });
    assert.equal(outs.consumerAcceptedWrites, false);
    assert.equal(calls().AssociateDataShareConsumer, 1);
    assert.equal(associationsOf(live.emu, share).length, 1);
  });

  it("retries throttling with the configured attempts and then succeeds", async () => {
    const provider = live.providerWith({ maxAttempts: 5 });
    live.emu.setFaults({ throttleRate: 0.5, randomSeed: 7 });
    const { outs } = await provider.create({
      dataShareArn: live.emu.dataShareArn("sales"),
      consumerArn: namespace,
    });
    assert.equal(outs.status, "ACTIVE");
  });

  it("when retries run out, says AWS is throttling or unavailable", async () => {
    live.emu.setFaults({ serverErrorRate: 1 });
    const err = await failure(live.provider.read(`${live.emu.dataShareArn("sales")},account`, {}));
    assert.equal(err.kind, "Unavailable");
    assert.match(err.message, /AWS error ServiceUnavailable/);
  });
});

describe("the provider configured like the engine does it", () => {
  let live: Live;
  const saved: Record<string, string | undefined> = {};
  const KEYS = [
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_SESSION_TOKEN",
    "AWS_PROFILE",
    "AWS_REGION",
    "AWS_ENDPOINT_URL_STS",
  ];

  beforeEach(async () => {
    live = await startLive();
    for (const k of KEYS) saved[k] = process.env[k];
    const creds = live.emu.credentials("consumer");
    process.env.AWS_ACCESS_KEY_ID = creds.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = creds.secretAccessKey;
    delete process.env.AWS_SESSION_TOKEN;
    delete process.env.AWS_PROFILE;
    delete process.env.AWS_REGION;
    // The Redshift endpoint settings never carry STS; the SDK's own variable does.
    process.env.AWS_ENDPOINT_URL_STS = live.emu.endpoint;
  });
  afterEach(async () => {
    for (const k of KEYS) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
    await live.emu.stop();
  });

  it("takes region, endpoint and attempts from stack config and credentials from the SDK's default chain", async () => {
    const provider = createProvider({ env: {}, warn: () => undefined });
    const config: Record<string, string> = {
      "aws:region": REGION,
      "redshift-datashare:endpoint": live.emu.endpoint,
      "redshift-datashare:maxAttempts": "1",
    };
    await provider.configure({ config: { get: (k) => config[k], require: (k) => config[k] } });
    const share = live.emu.dataShareArn("sales");
    const { id, outs } = await provider.create({ dataShareArn: share, associateEntireAccount: true });
    assert.equal(outs.consumerIdentifier, "444455556666");
    await provider.delete(id, { ...outs });
    assert.deepEqual(associationsOf(live.emu, share), []);
  });

  it("works from the environment when the host's config cannot be read", async () => {
    const provider = createProvider({
      env: {
        REDSHIFT_DATASHARE_ENDPOINT: live.emu.endpoint,
        AWS_REGION: REGION,
        REDSHIFT_DATASHARE_MAX_ATTEMPTS: "1",
      },
      warn: () => undefined,
    });
    const broken = () => {
      throw new TypeError("Cannot read properties of undefined");
    };
    await provider.configure({ config: { get: broken, require: broken } });
    const { outs } = await provider.create({
      dataShareArn: live.emu.dataShareArn("sales"),
      consumerRegion: "us-west-2",
    });
    assert.equal(outs.status, "ACTIVE");
  });

  it("takes the endpoint and region from the environment when the stack config has none", async () => {
    const provider = createProvider({
      env: {
        REDSHIFT_DATASHARE_ENDPOINT: live.emu.endpoint,
        AWS_REGION: REGION,
        REDSHIFT_DATASHARE_MAX_ATTEMPTS: "1",
      },
      warn: () => undefined,
    });
    await provider.configure({ config: { get: () => undefined, require: () => "" } });
    const read = await provider.read(`${live.emu.dataShareArn("sales")},account`, {});
    assert.equal(read.id, "");
    assert.equal(live.emu.requestCounts().DescribeDataShares, 1);
  });
});
