import * as assert from "node:assert/strict";
import { DataShareAuthorizationError } from "../../../provider/authorization/errors";
import { parseGoneReport } from "../../../provider/core/goneReport";
import { grantOf, ProducerLive, REGION, startProducerLive } from "./live";

describe("the authorization provider against the emulator: create, read, update, delete, import", () => {
  let live: ProducerLive;
  let finance: string;
  let consumer: string;
  let declared: { dataShareArn: string; consumerIdentifier: string };

  beforeEach(async () => {
    live = await startProducerLive();
    // finance: usage granted to the consumer, not authorized yet.
    finance = live.emu.dataShareArn("finance");
    consumer = live.emu.accountId("consumer");
    declared = { dataShareArn: finance, consumerIdentifier: consumer };
  });
  afterEach(() => live.emu.stop());

  it("create authorizes with one AuthorizeDataShare call and records the live state", async () => {
    const { id, outs } = await live.provider.create(declared);
    assert.equal(id, `${finance},${consumer}`);
    assert.equal(live.emu.requestCounts().AuthorizeDataShare, 1);
    assert.equal(grantOf(live.emu, finance)?.status, "AUTHORIZED");
    assert.equal(outs.status, "AUTHORIZED");
    assert.equal(outs.consumerIdentifier, consumer);
    assert.equal(outs.producerAllowedWrites, false);
    assert.equal(outs.consumerAcceptedWrites, false);
    assert.equal(outs.region, REGION);
    assert.match(outs.producerArn ?? "", /:namespace\/a1b2c3d4-0000-4000-8000-000000000002$/);
    assert.ok(!Number.isNaN(Date.parse(outs.createdDate ?? "")));
    assert.ok(!Number.isNaN(Date.parse(outs.statusChangeDate ?? "")));
  });

  it("create with allowWrites authorizes writes", async () => {
    const { outs } = await live.provider.create({ ...declared, allowWrites: true });
    assert.equal(outs.producerAllowedWrites, true);
    assert.equal(grantOf(live.emu, finance)?.producerAllowedWrites, true);
  });

  it("read after create returns the declared inputs, and diff then reports no changes", async () => {
    const { id, outs } = await live.provider.create(declared);
    const read = await live.provider.read(id, { ...outs });
    assert.equal(read.id, id);
    assert.deepEqual(read.inputs, declared);
    assert.equal(read.props?.status, "AUTHORIZED");
    assert.equal((await live.provider.diff(id, read.props ?? {}, declared)).changes, false);
  });

  it("read reports ACTIVE once the consumer associated the share", async () => {
    const { id, outs } = await live.provider.create(declared);
    await live.outOfBand.associateWith({ DataShareArn: finance, AssociateEntireAccount: true });
    const read = await live.provider.read(id, { ...outs });
    assert.equal(read.props?.status, "ACTIVE");
    assert.equal((await live.provider.diff(id, read.props ?? {}, declared)).changes, false);
  });

  it("changing allowWrites is an in-place update: one AuthorizeDataShare, the consumer stays associated", async () => {
    const { id, outs } = await live.provider.create(declared);
    await live.outOfBand.associateWith({ DataShareArn: finance, AssociateEntireAccount: true });
    const news = { ...declared, allowWrites: true };
    const diff = await live.provider.diff(id, outs, news);
    assert.notEqual(diff.changes, false);
    assert.deepEqual(diff.replaces, []);
    live.emu.resetRequestCounts();
    const updated = await live.provider.update(id, outs, news);
    assert.equal(live.emu.requestCounts().AuthorizeDataShare, 1);
    assert.equal(live.emu.requestCounts().DeauthorizeDataShare, undefined);
    assert.equal(updated.outs.producerAllowedWrites, true);
    assert.equal(updated.outs.status, "ACTIVE");
    assert.equal(grantOf(live.emu, finance)?.associations.length, 1);
    const back = await live.provider.update(id, updated.outs, declared);
    assert.equal(back.outs.producerAllowedWrites, false);
    assert.equal(grantOf(live.emu, finance)?.producerAllowedWrites, false);
  });

  it("adoption: create of an authorization that already exists as declared adopts it", async () => {
    const sales = live.emu.dataShareArn("sales"); // seeded: authorized read-only for the consumer
    const { id, outs } = await live.provider.create({ dataShareArn: sales, consumerIdentifier: consumer });
    assert.equal(id, `${sales},${consumer}`);
    assert.equal(outs.status, "AUTHORIZED");
    assert.equal(outs.producerAllowedWrites, false);
  });

  it("adoption: a lost AuthorizeDataShare answer is adopted from DescribeDataShares", async () => {
    live.emu.setFaults({ dropResponse: ["AuthorizeDataShare"], dropResponseCount: 1 });
    const { id, outs } = await live.provider.create(declared);
    assert.equal(id, `${finance},${consumer}`);
    assert.equal(outs.status, "AUTHORIZED");
    assert.equal(live.emu.injectedFaults().droppedResponses, 1);
    assert.equal(live.emu.requestCounts().DescribeDataShares, 1);
  });

  it("delete deauthorizes with one call, and deleting again succeeds", async () => {
    const { id, outs } = await live.provider.create(declared);
    live.emu.resetRequestCounts();
    await live.provider.delete(id, { ...outs });
    assert.equal(live.emu.requestCounts().DeauthorizeDataShare, 1);
    assert.equal(grantOf(live.emu, finance)?.status, "DEAUTHORIZED");
    await live.provider.delete(id, { ...outs });
    assert.equal((await live.provider.read(id, { ...outs })).id, "");
  });

  it("delete succeeds when the datashare itself is gone", async () => {
    const { id, outs } = await live.provider.create(declared);
    await live.emu.admin.dropDataShare(finance);
    await live.provider.delete(id, { ...outs });
    assert.equal((await live.provider.read(id, { ...outs })).id, "");
  });

  it("a read of an authorization whose datashare was dropped reports it gone, saying why, once", async () => {
    const { id, outs } = await live.provider.create(declared);
    await live.emu.admin.dropDataShare(finance);
    assert.equal((await live.provider.read(id, { ...outs })).id, "");
    assert.deepEqual(live.records.map(parseGoneReport), [
      { resource: "DataShareAuthorization", id, reason: { kind: "datashare-gone" } },
    ]);
    assert.equal(live.warnings.length, 1);
    assert.match(live.warnings[0], /datashare .*finance no longer exists.*Create the datashare again/);
  });

  it("an authorization deauthorized out of band reads as gone, and the read says so", async () => {
    const { id, outs } = await live.provider.create(declared);
    await live.outOfBand.deauthorize(finance);
    assert.equal((await live.provider.read(id, { ...outs })).id, "");
    assert.equal(live.warnings.length, 1);
    assert.deepEqual(parseGoneReport(live.records[0]), {
      resource: "DataShareAuthorization",
      id,
      reason: { kind: "not-authorized", status: "DEAUTHORIZED" },
    });
    assert.match(live.warnings[0], /account 444455556666 is no longer authorized .*removed outside Pulumi/);
  });

  it("a rejection by the consumer stays in state as REJECTED with a plain warning, and the update authorizes again", async () => {
    const { id, outs } = await live.provider.create(declared);
    await live.outOfBand.reject(finance);
    const read = await live.provider.read(id, { ...outs });
    assert.equal(read.id, id);
    assert.equal(read.props?.status, "REJECTED");
    assert.equal(live.warnings.length, 1);
    assert.match(live.warnings[0], /account 444455556666 rejected datashare .*finance/);
    const diff = await live.provider.diff(id, read.props ?? {}, declared);
    assert.equal(diff.changes, true);
    assert.deepEqual(diff.replaces, []);
    const updated = await live.provider.update(id, read.props ?? {}, declared);
    assert.equal(updated.outs.status, "AUTHORIZED");
  });

  it("writes changed out of band show in the refreshed inputs", async () => {
    const { id, outs } = await live.provider.create(declared);
    await live.outOfBand.authorize(finance, true);
    const read = await live.provider.read(id, { ...outs });
    assert.equal(read.inputs?.allowWrites, true);
    assert.notEqual((await live.provider.diff(id, read.props ?? {}, declared)).changes, false);
  });

  it("import: read with only the ID rebuilds the inputs and outputs", async () => {
    const marketing = live.emu.dataShareArn("marketing"); // seeded: authorized with writes
    const read = await live.provider.read(`${marketing},${consumer}`, {});
    assert.equal(read.id, `${marketing},${consumer}`);
    assert.deepEqual(read.inputs, {
      dataShareArn: marketing,
      consumerIdentifier: consumer,
      allowWrites: true,
    });
    assert.equal(read.props?.region, REGION);
    assert.equal(read.props?.status, "AUTHORIZED");
  });

  it("import of an authorization that does not exist reports it gone", async () => {
    assert.equal((await live.provider.read(`${finance},${consumer}`, {})).id, "");
  });

  it("read stays in the datashare's region whatever the default, and adds no region to the inputs", async () => {
    const { id, outs } = await live.provider.create(declared);
    const elsewhere = live.providerWith({ region: "eu-west-1" });
    const read = await elsewhere.read(id, { ...outs });
    assert.equal(read.props?.region, REGION);
    assert.deepEqual(read.inputs, declared);
  });

  it("a consumer without granted usage fails with what the producer must do first", async () => {
    const sales = live.emu.dataShareArn("sales");
    const err = await live.provider
      .create({ dataShareArn: sales, consumerIdentifier: live.emu.accountId("outsider") })
      .catch((e) => e);
    assert.ok(err instanceof DataShareAuthorizationError, String(err));
    assert.equal(err.kind, "NotAuthorized");
    assert.match(err.message, /GRANT USAGE ON DATASHARE/);
  });

  it("the consumer's credentials cannot authorize: the error says to use the producer's", async () => {
    const asConsumer = live.providerWith({ credentials: live.emu.credentials("consumer") });
    // An ExplainedError's text form is its name (no stack trace in the host's line): match the message.
    await assert.rejects(asConsumer.create(declared), (e: Error) =>
      /producer account's credentials/.test(e.message),
    );
  });
});
