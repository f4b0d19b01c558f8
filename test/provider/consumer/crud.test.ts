import * as assert from "node:assert/strict";
import { formatId } from "../../../provider/consumer/id";
import { DataShareConsumerError } from "../../../provider/consumer/errors";
import { associationsOf, Live, REGION, startLive } from "../../fixtures/liveConsumer";

describe("the provider against the emulator: create, read, delete, import", () => {
  let live: Live;
  let share: string;
  let namespace: string;

  beforeEach(async () => {
    live = await startLive();
    share = live.emu.dataShareArn("sales");
    namespace = live.emu.namespaceArn("consumer", 0);
  });
  afterEach(() => live.emu.stop());

  it("create associates a namespace with one AssociateDataShareConsumer call and records the live state", async () => {
    const { id, outs } = await live.provider.create({ dataShareArn: share, consumerArn: namespace });
    assert.equal(id, `${share},namespace,${namespace}`);
    assert.equal(live.emu.requestCounts().AssociateDataShareConsumer, 1);
    assert.equal(outs.status, "ACTIVE");
    assert.equal(outs.consumerIdentifier, namespace);
    assert.equal(outs.consumerAcceptedWrites, false);
    assert.match(outs.producerArn ?? "", /:namespace:a1b2c3d4-0000-4000-8000-000000000001$/);
    assert.equal(outs.allowPubliclyAccessibleConsumers, false);
    assert.ok(!Number.isNaN(Date.parse(outs.createdDate ?? "")));
    assert.equal(associationsOf(live.emu, share).length, 1);
  });

  it("read after create returns the same inputs plus the region it was created in, and diff then reports no changes", async () => {
    const declared = { dataShareArn: share, consumerArn: namespace };
    const { id, outs } = await live.provider.create(declared);
    assert.equal(outs.region, REGION);
    const read = await live.provider.read(id, { ...outs });
    assert.equal(read.id, id);
    assert.deepEqual(read.inputs, { ...declared, region: REGION });
    assert.equal(read.props?.status, "ACTIVE");
    const diff = await live.provider.diff(id, read.props ?? {}, declared);
    assert.equal(diff.changes, false);
  });

  it("the entire account: create, read back by the caller's account, delete", async () => {
    const { id, outs } = await live.provider.create({ dataShareArn: share, associateEntireAccount: true });
    assert.equal(id, `${share},account`);
    assert.equal(outs.consumerIdentifier, live.emu.accountId("consumer"));
    const read = await live.provider.read(id, { ...outs });
    assert.equal(read.id, id);
    assert.deepEqual(read.inputs, { dataShareArn: share, associateEntireAccount: true, region: REGION });
    await live.provider.delete(id, { ...outs });
    assert.deepEqual(associationsOf(live.emu, share), []);
  });

  it("a region: create, read, delete", async () => {
    const { id, outs } = await live.provider.create({ dataShareArn: share, consumerRegion: "us-west-2" });
    assert.equal(id, `${share},region,us-west-2`);
    assert.equal(outs.consumerRegion, "us-west-2");
    const read = await live.provider.read(id, { ...outs });
    assert.equal(read.props?.status, "ACTIVE");
    assert.deepEqual(read.inputs, { dataShareArn: share, consumerRegion: "us-west-2", region: REGION });
    await live.provider.delete(id, { ...outs });
    assert.deepEqual(associationsOf(live.emu, share), []);
  });

  it("create with allowWrites on a share authorized for writes accepts writes", async () => {
    const marketing = live.emu.dataShareArn("marketing");
    const { outs } = await live.provider.create({
      dataShareArn: marketing,
      consumerArn: namespace,
      allowWrites: true,
    });
    assert.equal(outs.consumerAcceptedWrites, true);
    assert.equal(outs.producerAllowedWrites, true);
  });

  it("delete disassociates with one call, and deleting again succeeds", async () => {
    const { id, outs } = await live.provider.create({ dataShareArn: share, consumerArn: namespace });
    live.emu.resetRequestCounts();
    await live.provider.delete(id, { ...outs });
    assert.equal(live.emu.requestCounts().DisassociateDataShareConsumer, 1);
    assert.deepEqual(associationsOf(live.emu, share), []);
    await live.provider.delete(id, { ...outs });
  });

  it("delete succeeds when the datashare itself is gone", async () => {
    const { id, outs } = await live.provider.create({ dataShareArn: share, consumerArn: namespace });
    await live.emu.admin.dropDataShare(share);
    await live.provider.delete(id, { ...outs });
  });

  it("import: read with only the ID rebuilds the full inputs and outputs", async () => {
    await live.outOfBand.associateWith({ DataShareArn: share, ConsumerArn: namespace });
    const id = formatId({ dataShareArn: share, target: { kind: "namespace", consumerArn: namespace } });
    const read = await live.provider.read(id, {});
    assert.equal(read.id, id);
    assert.deepEqual(read.inputs, { dataShareArn: share, consumerArn: namespace, region: REGION });
    assert.equal(read.props?.status, "ACTIVE");
    assert.equal(read.props?.producerAllowedWrites, false);
  });

  it("import: the Terraform ID form and an API region are understood", async () => {
    await live.outOfBand.associateWith({ DataShareArn: share, AssociateEntireAccount: true });
    const tf = await live.provider.read(`${share},true,,`, {});
    assert.deepEqual(tf.inputs, { dataShareArn: share, associateEntireAccount: true, region: REGION });
    const withRegion = await live.provider.read(`${share},account,,${REGION}`, {});
    assert.deepEqual(withRegion.inputs, {
      dataShareArn: share,
      associateEntireAccount: true,
      region: REGION,
    });
  });

  it("import of writes records allowWrites from the live association", async () => {
    const marketing = live.emu.dataShareArn("marketing");
    await live.outOfBand.associateWith({
      DataShareArn: marketing,
      ConsumerArn: namespace,
      AllowWrites: true,
    });
    const read = await live.provider.read(`${marketing},namespace,${namespace}`, {});
    assert.equal(read.inputs?.allowWrites, true);
  });

  it("import of something not associated reports it gone", async () => {
    const read = await live.provider.read(`${share},namespace,${namespace}`, {});
    assert.equal(read.id, "");
  });

  it("the caller's account is asked from STS once per provider, not per read", async () => {
    const { id, outs } = await live.provider.create({ dataShareArn: share, associateEntireAccount: true });
    for (let i = 0; i < 3; i++) await live.provider.read(id, { ...outs });
    assert.equal(live.emu.requestCounts().GetCallerIdentity, 1);
  });

  it("a namespace ARN written in upper case still reads back as the same association", async () => {
    const upper = namespace.replace(/[0-9a-f-]{36}$/, (g) => g.toUpperCase());
    await live.outOfBand.associateWith({ DataShareArn: share, ConsumerArn: namespace });
    const read = await live.provider.read(`${share},namespace,${upper}`, {});
    assert.equal(read.props?.status, "ACTIVE");
  });

  it("invalid inputs fail create before any API call", async () => {
    live.emu.resetRequestCounts();
    await assert.rejects(live.provider.create({ dataShareArn: share }), { message: /no consumer is chosen/ });
    assert.deepEqual(live.emu.requestCounts(), {});
  });

  it("an unreadable ID fails read with the expected format", async () => {
    await assert.rejects(live.provider.read("not-an-id", {}), {
      message: /expected <dataShareArn>,account/,
    });
  });

  it("with no region configured anywhere, calls go to the datashare's own region", async () => {
    const provider = live.providerWith({ region: undefined });
    const { outs } = await provider.create({ dataShareArn: share, consumerArn: namespace });
    assert.equal(outs.region, "us-east-1");
    assert.equal(outs.status, "ACTIVE");
  });

  it("maps errors to DataShareConsumerError", async () => {
    const err = await live.provider
      .create({ dataShareArn: live.emu.dataShareArn("finance"), consumerArn: namespace })
      .catch((e) => e);
    assert.ok(err instanceof DataShareConsumerError);
  });
});
