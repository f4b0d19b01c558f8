/**
 * Changes that keep the association's key are updates in place, calling no AWS API when only the
 * spelling changes; a replacement the engine forces on an unchanged key creates first (the
 * engine's order, the one order of both delivery forms: provider/README.md, "Replacement order").
 */
import * as assert from "node:assert/strict";
import { ClientSettings, createRedshiftApi } from "../../../provider/core/redshiftApi";
import { associationsOf, Live, REGION, startLive } from "../../fixtures/liveConsumer";

describe("the provider against the emulator: replacement identity", () => {
  let live: Live;
  let share: string;
  let namespace: string;

  beforeEach(async () => {
    live = await startLive();
    share = live.emu.dataShareArn("sales");
    namespace = live.emu.namespaceArn("consumer", 0);
  });
  afterEach(() => live.emu.stop());

  const totalRequests = () => Object.values(live.emu.requestCounts()).reduce((a, b) => a + b, 0);

  it("a region other than the datashare's own fails at check, before any AWS call", async () => {
    live.emu.resetRequestCounts();
    const checked = await live.provider.check(
      {},
      { dataShareArn: share, consumerArn: namespace, region: "us-west-2" },
    );
    assert.deepEqual(
      (checked.failures ?? []).map((f) => f.property),
      ["region"],
    );
    assert.match((checked.failures ?? [])[0].reason, /lives in us-east-1.*set it to us-east-1/);
    assert.equal(totalRequests(), 0);
  });

  it("a datashare ARN that differs only in letter case is an update that calls no AWS API", async () => {
    const { id, outs } = await live.provider.create({ dataShareArn: share, consumerArn: namespace });
    const upper = share.replace("/sales", "/SALES").replace("a1b2c3d4", "A1B2C3D4");
    const news = { dataShareArn: upper, consumerArn: namespace };
    const diff = await live.provider.diff(id, { ...outs }, news);
    assert.deepEqual([diff.replaces, diff.inPlace, diff.deleteBeforeReplace], [[], ["dataShareArn"], false]);
    live.emu.resetRequestCounts();
    const { outs: updated } = await live.provider.update(id, { ...outs }, news);
    assert.equal(totalRequests(), 0);
    assert.equal(updated.dataShareArn, upper);
    assert.equal(associationsOf(live.emu, share).length, 1);
  });

  it("after a letter-case update and a refresh, the program's spelling stays and diff plans nothing", async () => {
    const { id, outs } = await live.provider.create({ dataShareArn: share, consumerArn: namespace });
    const upper = share.replace("a1b2c3d4", "A1B2C3D4");
    const news = (await live.provider.check({}, { dataShareArn: upper, consumerArn: namespace })).inputs;
    const { outs: updated } = await live.provider.update(id, { ...outs }, news);
    const read = await live.provider.read(id, { ...updated });
    assert.equal(read.inputs?.dataShareArn, upper);
    const diff = await live.provider.diff(id, { ...read.props }, news);
    assert.equal(diff.changes, false);
  });

  it("a replacement the engine forces on an unchanged association creates first", async () => {
    const declared = { dataShareArn: share, consumerArn: namespace };
    const { id, outs } = await live.provider.create(declared);
    const diff = await live.provider.diff(id, { ...outs }, declared);
    assert.equal(diff.changes, false);
    assert.equal(diff.deleteBeforeReplace, false);
  });

  it("when the default region changes under a resource without `region`, nothing changes: every call stays in the datashare's region", async () => {
    const declared = { dataShareArn: share, consumerArn: namespace };
    const { id, outs } = await live.provider.create(declared);
    assert.equal(outs.region, REGION);

    const regions: string[] = [];
    const moved = live.providerWith({
      region: undefined,
      env: { AWS_REGION: "us-west-2" },
      apiFactory: (settings: ClientSettings) => {
        regions.push(settings.region);
        return createRedshiftApi(settings);
      },
    });
    const checked = await moved.check({}, declared);
    assert.equal(checked.inputs.region, REGION);
    const diff = await moved.diff(id, { ...outs }, checked.inputs);
    assert.equal(diff.changes, false);
    const bare = await moved.diff(id, { ...outs }, declared);
    assert.equal(bare.changes, false);

    const read = await moved.read(id, { ...outs });
    assert.equal(read.props?.status, "ACTIVE");
    // A new run (destroy): configure starts it, and its delete is not left alone for the check above.
    await moved.configure({ config: { get: () => undefined, require: () => undefined } } as never);
    await moved.delete(id, { ...outs });
    // One client per run (configure starts a new one), each in the datashare's region.
    assert.deepEqual(regions, [REGION, REGION]);
    assert.deepEqual(associationsOf(live.emu, share), []);
  });
});
