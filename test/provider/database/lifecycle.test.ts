import * as assert from "node:assert/strict";
import { parseGoneReport } from "../../../provider/core/goneReport";
import { DataShareDatabaseError } from "../../../provider/database/errors";
import { BEHAVIOURS } from "../../../emulator";
import { outOfBand } from "../../../harness/emulatorFixture";
import { dataApiAs, runSql, targetOf } from "../../fixtures/dataApiHelpers";
import { HOSTILE_NAMES } from "../../fixtures/hostileNames";
import { DatabaseLive, startDatabaseLive } from "./live";

const NS = "a1b2c3d4-0000-4000-8000-000000000001";
const FED = { producerAccount: "111122223333", producerNamespace: NS, dataShareName: "sales" };
const ID = "cluster:consumer-cluster,dev,shared_sales,us-east-1";

/** SQL as the consumer, outside the provider (by hand). */
async function byHand(live: DatabaseLive, sql: string): Promise<void> {
  const { described } = await runSql(dataApiAs(live.emu, "consumer"), targetOf(live.emu, "consumer"), sql);
  assert.equal(described.Status, "FINISHED", `${sql}: ${described.Error}`);
}

describe("DataShareDatabase lifecycle (in-process emulator)", () => {
  let live: DatabaseLive;
  beforeEach(async () => {
    live = await startDatabaseLive();
  });
  afterEach(async () => live.emu.stop());

  it("create makes the database from the associated datashare and records what the views say", async () => {
    const { id, outs } = await live.provider.create(live.declared);
    assert.equal(id, ID);
    assert.deepEqual(live.databases(), [
      { name: "shared_sales", dataShareArn: live.share, withPermissions: false },
    ]);
    assert.deepEqual(
      {
        producerAccount: outs.producerAccount,
        producerNamespace: outs.producerNamespace,
        dataShareName: outs.dataShareName,
      },
      FED,
    );
    assert.equal(outs.withPermissions, false);
  });

  it("works on a serverless workgroup with the caller's IAM identity (no dbUser), its ID naming the workgroup", async () => {
    const declared = {
      ...live.declared,
      clusterIdentifier: undefined,
      dbUser: undefined,
      workgroupName: "consumer-workgroup",
    };
    const { id, outs } = await live.provider.create(declared);
    assert.equal(id, "workgroup:consumer-workgroup,dev,shared_sales,us-east-1");
    assert.equal(outs.dataShareName, "sales");
    assert.equal((await live.provider.read(id, outs)).id, id);
    await live.provider.delete(id, outs);
    assert.deepEqual(live.databases(), []);
  });

  it("WITH PERMISSIONS reaches the database", async () => {
    const { outs } = await live.provider.create({ ...live.declared, withPermissions: true });
    assert.equal(live.databases()[0].withPermissions, true);
    assert.equal(outs.withPermissions, true);
  });

  it("read reports the same state, refresh plans nothing, and delete drops it (absent is done)", async () => {
    const { id, outs } = await live.provider.create(live.declared);
    const read = await live.provider.read(id, outs);
    assert.deepEqual(read.props, outs);
    assert.equal((await live.provider.diff(id, read.props!, live.declared)).changes, false);
    await live.provider.delete(id, outs);
    assert.deepEqual(live.databases(), []);
    await live.provider.delete(id, outs);
  });

  it("read of an ID alone (import) rebuilds the inputs from the ID and the views", async () => {
    const { id } = await live.provider.create(live.declared);
    const read = await live.provider.read(id, {});
    assert.equal(read.inputs?.name, "shared_sales");
    assert.equal(read.inputs?.clusterIdentifier, "consumer-cluster");
    assert.equal(read.inputs?.dataShareArn, live.share);
    const diff = await live.provider.diff(id, read.props!, live.declared);
    assert.deepEqual(diff.replaces, []);
  });

  it("a second create of the same database (state lost, interrupted up) adopts it", async () => {
    await live.provider.create(live.declared);
    const { id, outs } = await live.providerWith({}).create(live.declared);
    assert.equal(id, ID);
    assert.equal(outs.dataShareName, "sales");
    assert.equal(live.databases().length, 1);
  });

  for (const [maxAttempts, clientToken] of [
    [1, "honoured"],
    [2, "honoured"],
    [2, "ignored"],
  ] as const) {
    it(`adopts the database when ExecuteStatement's answer was lost (${maxAttempts === 1 ? "no retry" : `the SDK retries, clientToken=${clientToken}`})`, async () => {
      live.emu.setBehaviours({ clientToken });
      live.emu.setFaults({ dropResponse: ["ExecuteStatement"], dropResponseCount: 1 });
      const { id, outs } = await live.providerWith({ maxAttempts }).create(live.declared);
      assert.equal(live.emu.injectedFaults().droppedResponses, 1);
      assert.equal(id, ID);
      assert.equal(outs.dataShareName, "sales");
      assert.equal(live.databases().length, 1);
    });
  }

  it("refuses a datashare not associated with the consumer in one sentence with the statement ID, changing nothing", async () => {
    const finance = live.emu.dataShareArn("finance");
    const err = await live.provider.create({ ...live.declared, dataShareArn: finance }).then(
      () => assert.fail("create succeeded"),
      (e: unknown) => e as DataShareDatabaseError,
    );
    assert.ok(err instanceof DataShareDatabaseError, String(err));
    assert.match(err.message, /associate the datashare first \(DataShareConsumer\)/);
    assert.match(err.message, /\(statement [0-9a-f-]{36}/);
    assert.match(err.message, /datashare finance of account 111122223333/);
    assert.equal(err.message.split(/\.\s/).length, 1, err.message);
    assert.deepEqual(live.databases(), []);
  });

  it("refuses a database of the same name made from another datashare, naming it", async () => {
    const marketing = live.emu.dataShareArn("marketing");
    await outOfBand(live.emu).associateWith({ DataShareArn: marketing, AssociateEntireAccount: true });
    await live.provider.create({ ...live.declared, dataShareArn: marketing });
    await assert.rejects(live.providerWith({}).create(live.declared), (e: Error) => {
      assert.match(e.message, /database shared_sales already exists, made from datashare marketing/);
      return true;
    });
    assert.equal(live.databases()[0].dataShareArn, marketing);
  });

  it("a database dropped by hand is gone on read, with the reason for the drift command", async () => {
    const { id, outs } = await live.provider.create(live.declared);
    await byHand(live, 'DROP DATABASE "shared_sales"');
    const read = await live.provider.read(id, outs);
    assert.equal(read.id, "");
    assert.deepEqual(parseGoneReport(live.records[0])?.reason, { kind: "database-dropped" });
    assert.match(live.warnings.join("\n"), /dropped outside Pulumi/);
    await live.provider.create(live.declared);
    assert.equal(live.databases().length, 1);
  });

  it("an update of how the database is reached (dbUser, database) rewrites state, making and dropping nothing", async () => {
    const { id, outs } = await live.provider.create(live.declared);
    const news = { ...live.declared, dbUser: "analyst" };
    const diff = await live.provider.diff(id, outs, news);
    assert.deepEqual([diff.replaces, diff.inPlace], [[], ["dbUser"]]);
    const updated = await live.provider.update(id, outs, news);
    assert.equal(updated.outs.dbUser, "analyst");
    assert.equal(updated.outs.dataShareName, "sales");
    assert.equal(live.databases().length, 1);
  });

  it("a replacement to another datashare under the same name deletes first, and the delete is not held back by the claim", async () => {
    const marketing = live.emu.dataShareArn("marketing");
    await outOfBand(live.emu).associateWith({ DataShareArn: marketing, AssociateEntireAccount: true });
    const { id, outs } = await live.provider.create(live.declared);
    const news = { ...live.declared, dataShareArn: marketing };
    await live.provider.check(outs, news);
    const diff = await live.provider.diff(id, outs, news);
    assert.deepEqual([diff.replaces, diff.deleteBeforeReplace], [["dataShareArn"], true]);
    await live.provider.delete(id, outs);
    assert.deepEqual(live.databases(), []);
    const created = await live.provider.create(news);
    assert.equal(created.outs.dataShareName, "marketing");
    assert.equal(live.databases()[0].dataShareArn, marketing);
  });

  it("a delete-first replacement that could not create fails at diff (preview), dropping nothing", async () => {
    const { id, outs } = await live.provider.create(live.declared);
    const news = { ...live.declared, dataShareArn: live.emu.dataShareArn("finance") };
    await assert.rejects(live.provider.diff(id, outs, news), (e: Error) =>
      /replace database shared_sales .*associate the datashare first \(DataShareConsumer\)/.test(e.message),
    );
    assert.equal(live.databases().length, 1);
  });

  it("`up --replace` of an unchanged database: the create adopts it and the delete leaves it in place", async () => {
    const { id, outs } = await live.provider.create(live.declared);
    await live.provider.check(outs, live.declared);
    await live.provider.create(live.declared);
    await live.provider.delete(id, outs);
    assert.equal(live.databases().length, 1);
    assert.match(live.notes.join("\n"), /left .*in place/);
  });

  it("hostile names the check accepts reach Redshift as one name: created, read and dropped as written", async () => {
    const accepted = HOSTILE_NAMES.filter((h) => h.identifier === "ok" && !h.literalRefused).map(
      (h) => h.name,
    );
    for (const name of accepted.slice(0, 12)) {
      const { id, outs } = await live.providerWith({}).create({ ...live.declared, name });
      assert.deepEqual(
        live.databases().map((d) => d.name),
        [name],
      );
      const read = await live.provider.read(id, outs);
      assert.equal(read.id, id, JSON.stringify(name));
      await live.provider.delete(id, outs);
      assert.deepEqual(live.databases(), [], JSON.stringify(name));
    }
  });

  it("delete leaves alone a database the program still declares in this run (claims)", async () => {
    const { id, outs } = await live.provider.create(live.declared);
    await live.provider.check({}, live.declared);
    await live.provider.delete(id, outs);
    assert.equal(live.databases().length, 1);
    assert.equal(live.notes.length, 1);
  });
});

describe("DataShareDatabase after the producer dropped the datashare (behaviour droppedShareDatabases)", () => {
  it("covers every answer the emulator has for it", () => {
    assert.deepEqual(BEHAVIOURS.find((b) => b.name === "droppedShareDatabases")?.answers, [
      "kept",
      "dropped",
    ]);
  });

  it("kept: the database stays in state, no datashare named, with a warning; destroy drops it", async () => {
    const live = await startDatabaseLive({ droppedShareDatabases: "kept" });
    try {
      const { id, outs } = await live.provider.create(live.declared);
      await live.emu.admin.dropDataShare(live.share);
      const read = await live.provider.read(id, outs);
      assert.equal(read.id, id);
      assert.equal(read.props?.dataShareName, undefined);
      assert.equal(read.inputs?.dataShareArn, live.share);
      assert.match(live.warnings.join("\n"), /no longer reaches this namespace.*DataShareConsumer/);
      const diff = await live.provider.diff(id, read.props!, live.declared);
      assert.equal(diff.changes, false);
      await live.provider.delete(id, read.props!);
      assert.deepEqual(live.databases(), []);
    } finally {
      await live.emu.stop();
    }
  });

  it("dropped: read reports it gone because of the datashare, and the next up fails changing nothing", async () => {
    const live = await startDatabaseLive({ droppedShareDatabases: "dropped" });
    try {
      const { id, outs } = await live.provider.create(live.declared);
      await live.emu.admin.dropDataShare(live.share);
      const read = await live.provider.read(id, outs);
      assert.equal(read.id, "");
      assert.deepEqual(parseGoneReport(live.records[0])?.reason, { kind: "datashare-gone" });
      await assert.rejects(live.provider.create(live.declared), (e: Error) =>
        /associate the datashare first/.test(e.message),
      );
      assert.deepEqual(live.databases(), []);
      await live.provider.delete(id, outs);
    } finally {
      await live.emu.stop();
    }
  });
});
