import * as assert from "node:assert/strict";
import { DataShareConsumerError } from "../../../provider/consumer/errors";
import { parseGoneReport } from "../../../provider/core/goneReport";
import { associationsOf, Live, REGION, startLive } from "../../fixtures/liveConsumer";

/** Each kind of drift: what refresh (read) records, and what diff then plans. */
describe("the provider against the emulator: drift", () => {
  let live: Live;
  let share: string;
  let namespace: string;
  const declared = () => ({ dataShareArn: share, consumerArn: namespace });

  beforeEach(async () => {
    live = await startLive();
    share = live.emu.dataShareArn("sales");
    namespace = live.emu.namespaceArn("consumer", 0);
  });
  afterEach(() => live.emu.stop());

  async function created(inputs: Record<string, unknown> = declared()) {
    const { id, outs } = await live.provider.create(inputs);
    return { id, outs: { ...outs } as Record<string, unknown> };
  }

  it("when the association is disassociated out of band, read reports it gone, once, with the reason", async () => {
    const { id, outs } = await created();
    await live.outOfBand.disassociateWith({ DataShareArn: share, ConsumerArn: namespace });
    assert.equal((await live.provider.read(id, outs)).id, "");
    assert.deepEqual(live.records.map(parseGoneReport), [
      { resource: "DataShareConsumer", id, reason: { kind: "disassociated" } },
    ]);
    assert.equal(live.warnings.length, 1);
    assert.doesNotMatch(live.warnings[0], /\{"v":1/, "no record for tools in what people read");
  });

  it("when the producer deauthorizes, read keeps it DEAUTHORIZED and diff plans an update (no replacement) with a warning naming the producer", async () => {
    const { id, outs } = await created();
    await live.outOfBand.deauthorize(share);
    const read = await live.provider.read(id, outs);
    assert.equal(read.id, id);
    assert.equal(read.props?.status, "DEAUTHORIZED");
    const diff = await live.provider.diff(id, read.props ?? {}, declared());
    assert.deepEqual(diff, { changes: true, replaces: [], inPlace: ["status"], deleteBeforeReplace: false });
    assert.equal(live.warnings.length, 1);
    assert.match(live.warnings[0], /is DEAUTHORIZED: the producer \(account 111122223333\) must authorize/);
  });

  it("an update while deauthorized fails before anything is deleted; once the producer authorizes, the same update converges", async () => {
    const { id, outs } = await created();
    await live.outOfBand.deauthorize(share);
    const read = await live.provider.read(id, outs);
    const stored = read.props ?? {};
    live.emu.resetRequestCounts();
    const err = await live.provider.update(id, stored, declared()).catch((e: unknown) => e);
    assert.ok(err instanceof DataShareConsumerError, String(err));
    assert.equal(err.kind, "NotAuthorized");
    assert.match(
      err.message,
      /is DEAUTHORIZED for account 444455556666: the producer \(account 111122223333\) must authorize it again/,
    );
    assert.equal(live.emu.requestCounts().DisassociateDataShareConsumer ?? 0, 0);
    assert.deepEqual(
      associationsOf(live.emu, share).map((a) => a.status),
      ["DEAUTHORIZED"],
    );
    await live.outOfBand.authorize(share);
    const { outs: healed } = await live.provider.update(id, stored, declared());
    assert.equal(healed.status, "ACTIVE");
    assert.deepEqual(
      associationsOf(live.emu, share).map((a) => a.status),
      ["ACTIVE"],
    );
  });

  it("create while deauthorized asks the producer to authorize again; after authorization it works", async () => {
    const { id, outs } = await created();
    await live.outOfBand.deauthorize(share);
    await live.provider.delete(id, outs);
    const err = await live.provider.create(declared()).catch((e: unknown) => e);
    assert.ok(err instanceof DataShareConsumerError, String(err));
    assert.equal(err.kind, "NotAuthorized");
    assert.match(err.message, /the producer \(account 111122223333\) must authorize it again/i);
    await live.outOfBand.authorize(share);
    assert.equal((await live.provider.create(declared())).outs.status, "ACTIVE");
  });

  it("when the consumer rejects the share, read keeps it REJECTED and diff plans an update, not a replacement", async () => {
    const { id, outs } = await created();
    await live.outOfBand.reject(share);
    const read = await live.provider.read(id, outs);
    assert.equal(read.props?.status, "REJECTED");
    const diff = await live.provider.diff(id, read.props ?? {}, declared());
    assert.equal(diff.changes, true);
    assert.deepEqual(diff.replaces, []);
    assert.deepEqual(diff.inPlace, ["status"]);
    const err = await live.provider.update(id, read.props ?? {}, declared()).catch((e: unknown) => e);
    assert.ok(err instanceof DataShareConsumerError, String(err));
    assert.match(
      err.message,
      /is REJECTED for account 444455556666: the producer .* must authorize it again/,
    );
  });

  it("when writes are turned off out of band, read records allowWrites false and diff replaces allowWrites in place", async () => {
    const marketing = live.emu.dataShareArn("marketing");
    const inputs = { dataShareArn: marketing, consumerArn: namespace, allowWrites: true };
    const { id, outs } = await created(inputs);
    await live.outOfBand.associateWith({
      DataShareArn: marketing,
      ConsumerArn: namespace,
      AllowWrites: false,
    });
    const read = await live.provider.read(id, outs);
    assert.equal(read.inputs?.allowWrites, false);
    assert.equal(read.props?.consumerAcceptedWrites, false);
    // The refreshed inputs differ from the program, so the engine itself names allowWrites ("changes" left unknown).
    const diff = await live.provider.diff(id, read.props ?? {}, inputs);
    assert.deepEqual(diff, {
      changes: undefined,
      replaces: [],
      inPlace: ["allowWrites"],
      deleteBeforeReplace: false,
    });
    // AssociateDataShareConsumer on the existing association sets the writes again, in place.
    live.emu.resetRequestCounts();
    const { outs: updated } = await live.provider.update(id, read.props ?? {}, inputs);
    assert.equal(updated.consumerAcceptedWrites, true);
    assert.equal(live.emu.requestCounts().DisassociateDataShareConsumer ?? 0, 0);
    assert.equal(associationsOf(live.emu, marketing).length, 1);
  });

  it("when writes are turned on out of band for an association declared without them, diff plans re-association", async () => {
    const marketing = live.emu.dataShareArn("marketing");
    const inputs = { dataShareArn: marketing, consumerArn: namespace };
    const { id, outs } = await created(inputs);
    await live.outOfBand.associateWith({
      DataShareArn: marketing,
      ConsumerArn: namespace,
      AllowWrites: true,
    });
    const read = await live.provider.read(id, outs);
    assert.equal(read.inputs?.allowWrites, true);
    const diff = await live.provider.diff(id, read.props ?? {}, inputs);
    assert.deepEqual([diff.replaces, diff.inPlace], [[], ["allowWrites"]]);
  });

  it("when the datashare is deleted, read reports it gone and create says it does not exist", async () => {
    const { id, outs } = await created();
    await live.emu.admin.dropDataShare(share);
    assert.equal((await live.provider.read(id, outs)).id, "");
    const err = await live.provider.create(declared()).catch((e: unknown) => e);
    assert.ok(err instanceof DataShareConsumerError, String(err));
    assert.equal(err.kind, "DataShareNotFound");
    assert.match(err.message, /does not exist/);
  });

  it("when an entire-account association supersedes the namespace one, read says so in plain words", async () => {
    const { id, outs } = await created();
    await live.outOfBand.associateWith({ DataShareArn: share, AssociateEntireAccount: true });
    assert.equal((await live.provider.read(id, outs)).id, "");
    assert.equal(live.warnings.length, 1);
    assert.match(live.warnings[0], /replaced by an association with the entire account 444455556666/);
  });

  it("when a namespace association supersedes the entire-account one, read says so in plain words", async () => {
    const { id, outs } = await created({ dataShareArn: share, associateEntireAccount: true });
    await live.outOfBand.associateWith({ DataShareArn: share, ConsumerArn: namespace });
    assert.equal((await live.provider.read(id, outs)).id, "");
    assert.match(live.warnings[0], /replaced by namespace\/region associations/);
  });

  it("a converged association shows no diff after refresh, even with allowWrites false declared", async () => {
    const inputs = { ...declared(), allowWrites: false };
    const { id, outs } = await created(inputs);
    const read = await live.provider.read(id, outs);
    assert.deepEqual(read.inputs, { ...inputs, region: REGION });
    assert.equal((await live.provider.diff(id, read.props ?? {}, inputs)).changes, false);
  });

  it("the planned replacement heals drift: delete then create leaves one ACTIVE association", async () => {
    const { id, outs } = await created();
    await live.outOfBand.reject(share);
    await live.outOfBand.authorize(share);
    const read = await live.provider.read(id, outs);
    await live.provider.delete(id, read.props ?? {});
    const again = await live.provider.create(declared());
    assert.equal(again.outs.status, "ACTIVE");
    assert.deepEqual(
      associationsOf(live.emu, share).map((a) => a.status),
      ["ACTIVE"],
    );
  });
});
