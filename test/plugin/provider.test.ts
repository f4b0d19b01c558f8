import * as assert from "node:assert/strict";
import { runtime } from "@pulumi/pulumi";
import { PluginProvider, createPluginProvider } from "../../plugin/provider";
import { createAuthorizationProvider, createProvider } from "../../provider";
import { Emulator, REGION, outOfBand, startSeededEmulator } from "../../harness/emulatorFixture";

const urn = (type: string, name = "r") => `urn:pulumi:dev::proj::redshift-datashare:index:${type}::${name}`;
const CONSUMER = urn("DataShareConsumer");
const AUTHORIZATION = urn("DataShareAuthorization");
const secret = (value: unknown) => ({ [runtime.specialSigKey]: runtime.specialSecretSig, value });
const isSecret = (value: unknown) => runtime.isRpcSecret(value);

describe("the provider plugin's provider object, against the emulator", () => {
  let emu: Emulator;
  const warnings: string[] = [];
  /** A plugin process's provider as one account (one provider resource of a program). */
  const pluginAs = (account: string, settings: Record<string, unknown> = {}): PluginProvider => {
    const plugin = createPluginProvider({
      version: "0.0.1",
      schema: () => "{}",
      stsEndpoint: emu.endpoint,
      credentials: emu.credentials(account),
      env: {},
      warn: (m) => warnings.push(m),
    });
    plugin.configure({ endpoint: emu.endpoint, region: REGION, maxAttempts: 1, ...settings });
    return plugin;
  };

  beforeEach(async () => {
    emu = await startSeededEmulator();
    warnings.length = 0;
  });
  afterEach(() => emu.stop());

  it("an unknown type fails and names the two types it serves", async () => {
    const plugin = pluginAs("consumer");
    await assert.rejects(
      plugin.check(urn("Other"), {}, {}),
      /unknown resource type redshift-datashare:index:Other: this provider serves redshift-datashare:index:DataShareConsumer, redshift-datashare:index:DataShareAuthorization/,
    );
  });

  it("check gives exactly the dynamic providers' failures, for both resources", async () => {
    const plugin = pluginAs("consumer");
    const badConsumer = {
      dataShareArn: "arn:aws:s3:::bucket",
      consumerArn: "nope",
      consumerRegion: "us-east-1",
    };
    const badAuthorization = { dataShareArn: emu.dataShareArn("finance"), consumerIdentifier: "12345" };
    const dynamicOptions = { endpoint: emu.endpoint, region: REGION, env: {} };
    assert.deepEqual(
      (await plugin.check(CONSUMER, {}, badConsumer)).failures,
      (await createProvider(dynamicOptions).check({}, badConsumer)).failures,
    );
    assert.deepEqual(
      (await plugin.check(AUTHORIZATION, {}, badAuthorization)).failures,
      (await createAuthorizationProvider(dynamicOptions).check({}, badAuthorization)).failures,
    );
    assert.ok(((await plugin.check(CONSUMER, {}, badConsumer)).failures ?? []).length > 0);
  });

  it("read with only an ID (import) returns inputs and outputs for every DataShareConsumer ID form", async () => {
    const share = emu.dataShareArn("sales");
    const namespace = emu.namespaceArn("consumer", 1);
    await outOfBand(emu).associate(share, namespace);
    const plugin = pluginAs("consumer");
    for (const id of [
      `${share},namespace,${namespace}`,
      `${share},namespace,${namespace},${REGION}`,
      `${share},,${namespace},`, // Terraform / pulumi-aws
    ]) {
      const read = await plugin.read(id, CONSUMER, {});
      assert.equal(read.id, id);
      assert.equal(read.inputs.dataShareArn, share, id);
      assert.equal(read.inputs.consumerArn, namespace, id);
      assert.equal(read.props.status, "ACTIVE", id);
      assert.equal(read.props.consumerIdentifier, namespace, id);
      const { failures } = await plugin.check(CONSUMER, {}, read.inputs);
      assert.deepEqual(failures, [], id);
      assert.equal((await plugin.diff(id, CONSUMER, read.props, read.inputs)).changes, false, id);
    }
  });

  it("read with only an ID returns the entire-account and region associations too", async () => {
    const share = emu.dataShareArn("sales");
    const plugin = pluginAs("consumer");
    await outOfBand(emu).associateWith({ DataShareArn: share, ConsumerRegion: "us-west-2" });
    for (const id of [`${share},region,us-west-2`, `${share},,,us-west-2`]) {
      const read = await plugin.read(id, CONSUMER, {});
      assert.equal(read.inputs.consumerRegion, "us-west-2", id);
      assert.equal(read.props.status, "ACTIVE", id);
    }
    // Another datashare: on AWS an account-level association supersedes the region-level one.
    const marketing = emu.dataShareArn("marketing");
    await outOfBand(emu).associateWith({ DataShareArn: marketing, AssociateEntireAccount: true });
    for (const id of [`${marketing},account`, `${marketing},true,,`]) {
      const read = await plugin.read(id, CONSUMER, {});
      assert.equal(read.inputs.associateEntireAccount, true, id);
      assert.equal(read.props.status, "ACTIVE", id);
    }
  });

  it("read with only an ID returns a DataShareAuthorization's inputs and outputs (Terraform's ID form)", async () => {
    const share = emu.dataShareArn("finance");
    const consumer = emu.accountId("consumer");
    await outOfBand(emu).authorize(share, true);
    const plugin = pluginAs("producer");
    const read = await plugin.read(`${share},${consumer}`, AUTHORIZATION, {});
    assert.equal(read.inputs.dataShareArn, share);
    assert.equal(read.inputs.consumerIdentifier, consumer);
    assert.equal(read.inputs.allowWrites, true);
    assert.equal(read.props.status, "AUTHORIZED");
    assert.equal(
      (await plugin.diff(`${share},${consumer}`, AUTHORIZATION, read.props, read.inputs)).changes,
      false,
    );
  });

  it("serves DataShareDatabase: create through the plugin, then read with only its ID (import) and diff plans nothing", async () => {
    const share = emu.dataShareArn("sales");
    await outOfBand(emu).associateWith({ DataShareArn: share, AssociateEntireAccount: true });
    const plugin = pluginAs("consumer");
    const DATABASE = urn("DataShareDatabase");
    const news = {
      name: "shared_sales",
      dataShareArn: share,
      clusterIdentifier: "consumer-cluster",
      database: "dev",
    };
    assert.deepEqual((await plugin.check(DATABASE, {}, news)).failures, []);
    const { id } = await plugin.create(DATABASE, news);
    assert.equal(id, `cluster:consumer-cluster,dev,shared_sales,${REGION}`);
    const read = await plugin.read(id, DATABASE, {});
    assert.equal(read.inputs.dataShareArn, share);
    assert.equal(read.props.dataShareName, "sales");
    assert.deepEqual((await plugin.diff(id, DATABASE, read.props, news)).replaces, []);
  });

  it("read of an association that is gone reports it gone", async () => {
    const plugin = pluginAs("consumer");
    const read = await plugin.read(
      `${emu.dataShareArn("sales")},namespace,${emu.namespaceArn("consumer", 2)}`,
      CONSUMER,
      {},
    );
    assert.equal(read.id, "");
  });

  it("a secret input stays secret in check's inputs, create's outputs and read's outputs and inputs", async () => {
    const plugin = pluginAs("consumer");
    const share = emu.dataShareArn("sales");
    const news = { dataShareArn: secret(share), consumerArn: emu.namespaceArn("consumer", 0) };
    const checked = await plugin.check(CONSUMER, {}, news);
    assert.ok(isSecret(checked.inputs.dataShareArn));
    assert.ok(!isSecret(checked.inputs.consumerArn));
    const { id, outs } = await plugin.create(CONSUMER, checked.inputs);
    assert.ok(isSecret(outs.dataShareArn));
    assert.equal(outs.dataShareArn.value, share);
    assert.equal(outs.status, "ACTIVE");
    const read = await plugin.read(id, CONSUMER, outs);
    assert.ok(isSecret(read.props.dataShareArn) && isSecret(read.inputs.dataShareArn));
    assert.ok(!isSecret(read.props.status));
    // A later run (destroy): a delete in the run whose check declared the key would leave it alone.
    plugin.configure({ endpoint: emu.endpoint, region: REGION, maxAttempts: 1 });
    await plugin.delete(id, CONSUMER, read.props);
    assert.equal((await plugin.read(id, CONSUMER, read.props)).id, "");
  });

  it("the provider resource's settings reach the core: a bad maxAttempts fails naming its key, before any call", async () => {
    const plugin = pluginAs("consumer", { maxAttempts: 99 });
    emu.resetRequestCounts();
    await assert.rejects(plugin.read(`${emu.dataShareArn("sales")},account`, CONSUMER, {}), (e: Error) =>
      /redshift-datashare:maxAttempts.*1 to 50/.test(e.message),
    );
    assert.deepEqual(emu.requestCounts(), {});
  });

  it("without an endpoint setting the calls do not reach the emulator; configure's endpoint sends them there", async () => {
    const plugin = createPluginProvider({
      version: "0.0.1",
      schema: () => "{}",
      stsEndpoint: emu.endpoint,
      credentials: emu.credentials("consumer"),
      env: {},
    });
    plugin.configure({ region: REGION, maxAttempts: 1, endpoint: "http://127.0.0.1:9" });
    const id = `${emu.dataShareArn("sales")},account`;
    await assert.rejects(plugin.read(id, CONSUMER, {}));
    plugin.configure({ region: REGION, maxAttempts: 1, endpoint: emu.endpoint });
    assert.equal((await plugin.read(id, CONSUMER, {})).id, "");
    assert.ok((emu.requestCounts().DescribeDataShares ?? 0) >= 1);
  });
});
