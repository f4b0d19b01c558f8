import * as assert from "node:assert/strict";
import { parseGoneReport } from "../../../provider/core/goneReport";
import { startLiveDataShare, type LiveDataShare } from "./live";

const NAME = "lifecycle_share";

describe("DataShare lifecycle against the emulator", () => {
  let live: LiveDataShare;
  let declared: Record<string, unknown>;
  beforeEach(async () => {
    live = await startLiveDataShare();
    declared = {
      name: NAME,
      ...live.target,
      schemas: [
        {
          name: "sales",
          tables: ["orders", "daily_totals"],
          functions: ["f_net(integer, integer)"],
          includeNew: true,
        },
      ],
    };
  });
  afterEach(() => live.emu.stop());

  it("creates the datashare with its objects, and reports its ARN, producer and namespace", async () => {
    const { id, outs } = await live.provider.create(declared);
    assert.equal(id, `cluster:${live.target.clusterIdentifier},dev,${NAME},us-east-1`);
    assert.deepEqual(live.share(NAME), {
      objects: [
        "function sales.f_net(integer,integer)",
        "schema sales",
        "table sales.orders",
        "view sales.daily_totals",
      ],
      includeNew: ["sales"],
      publicAccessible: false,
    });
    const namespace = live.emu.dataApiTarget("producer", 0).namespaceId;
    const account = live.emu.accountId("producer");
    assert.equal(outs.dataShareArn, `arn:aws:redshift:us-east-1:${account}:datashare:${namespace}/${NAME}`);
    assert.equal(outs.producerAccount, account);
    assert.equal(outs.producerNamespace, namespace);
    assert.equal(outs.dataShareArn, live.emu.dataShareArn(NAME));
    assert.deepEqual(outs.schemas, [
      {
        name: "sales",
        tables: ["daily_totals", "orders"],
        functions: ["f_net(integer,integer)"],
        includeNew: true,
      },
    ]);
    const diff = await live.provider.diff(id, outs, declared);
    assert.equal(diff.changes, false);
  });

  it("updates in place: adds and removes objects, turns includeNew off and publicAccessible on", async () => {
    const { id, outs } = await live.provider.create(declared);
    const news = {
      ...declared,
      publicAccessible: true,
      schemas: [
        { name: "sales", tables: ["orders", "regions"] },
        { name: "public", allTables: true },
      ],
    };
    const diff = await live.provider.diff(id, outs, news);
    assert.deepEqual(diff.replaces, []);
    assert.deepEqual(diff.inPlace, ["schemas", "publicAccessible"]);
    const updated = await live.provider.update(id, outs, news);
    assert.deepEqual(live.share(NAME), {
      objects: [
        "schema public",
        "schema sales",
        "table public.customers",
        "table public.orders",
        "table sales.orders",
        "table sales.regions",
        "view public.order_summary",
      ],
      includeNew: [],
      publicAccessible: true,
    });
    assert.equal((await live.provider.diff(id, updated.outs, news)).changes, false);
  });

  it("refresh records objects removed out of band, and the next update adds them back", async () => {
    const { id, outs } = await live.provider.create(declared);
    const other = live.providerWith({});
    await other.update(id, outs, { ...declared, schemas: [{ name: "sales", tables: ["orders"] }] });
    const read = await live.provider.read(id, outs);
    assert.deepEqual(read.props?.schemas, [{ name: "sales", tables: ["orders"] }]);
    assert.deepEqual(read.inputs?.schemas, [{ name: "sales", tables: ["orders"] }]);
    const diff = await live.provider.diff(id, read.props!, declared);
    assert.deepEqual(diff.inPlace, ["schemas"]);
    await live.provider.update(id, read.props!, declared);
    assert.deepEqual(live.share(NAME)?.objects, [
      "function sales.f_net(integer,integer)",
      "schema sales",
      "table sales.orders",
      "view sales.daily_totals",
    ]);
  });

  it("imports by ID alone: the inputs come from the ID and the live datashare", async () => {
    const { id } = await live.provider.create(declared);
    const read = await live.provider.read(id);
    assert.equal(read.id, id);
    assert.equal(read.inputs?.name, NAME);
    assert.equal(read.inputs?.clusterIdentifier, live.target.clusterIdentifier);
    assert.equal(read.inputs?.database, "dev");
    assert.deepEqual(read.inputs?.schemas, [
      {
        name: "sales",
        tables: ["daily_totals", "orders"],
        functions: ["f_net(integer,integer)"],
        includeNew: true,
      },
    ]);
  });

  it("reports a datashare dropped out of band as gone, with the record for tools", async () => {
    const { id, outs } = await live.provider.create(declared);
    await live.providerWith({}).delete(id, outs);
    const read = await live.provider.read(id, outs);
    assert.equal(read.id, "");
    const report = live.records.map(parseGoneReport).find((r) => r !== undefined);
    assert.deepEqual(report, { resource: "DataShare", id, reason: { kind: "datashare-gone" } });
  });

  it("deletes with DROP DATASHARE, and a datashare already gone is deleted", async () => {
    const { id, outs } = await live.provider.create(declared);
    await live.provider.delete(id, outs);
    assert.equal(live.share(NAME), undefined);
    await live.provider.delete(id, outs);
  });

  it("adopts the datashare after a lost ExecuteStatement answer, and converges its objects", async () => {
    live.emu.setFaults({ dropResponse: ["BatchExecuteStatement"], dropResponseCount: 1 });
    await assert.rejects(live.provider.create(declared));
    live.emu.setFaults({});
    assert.ok(live.share(NAME), "the lost batch ran");
    const { outs } = await live.providerWith({}).create({
      ...declared,
      schemas: [{ name: "sales", tables: ["orders"] }],
    });
    assert.deepEqual(live.share(NAME)?.objects, ["schema sales", "table sales.orders"]);
    assert.deepEqual(outs.schemas, [{ name: "sales", tables: ["orders"] }]);
  });

  it("adopts an existing datashare on create (up --replace, or an interrupted up)", async () => {
    await live.provider.create({ ...declared, schemas: [] });
    const { outs } = await live.providerWith({}).create(declared);
    assert.equal(live.share(NAME)?.objects.length, 4);
    assert.equal(outs.name, NAME);
  });

  it("leaves a datashare the program still declares alone on delete (a replacement's old half)", async () => {
    const { id, outs } = await live.provider.create(declared);
    await live.provider.check({}, declared);
    await live.provider.delete(id, outs);
    assert.ok(live.share(NAME));
    assert.equal(live.notes.length + live.warnings.length, 1);
  });

  it("an update of a datashare dropped outside Pulumi since the last refresh creates it again", async () => {
    const { id, outs } = await live.provider.create(declared);
    await live.providerWith({}).delete(id, outs);
    const { outs: after } = await live.provider.update(id, outs, { ...declared, publicAccessible: true });
    assert.equal(live.share(NAME)?.publicAccessible, true);
    assert.equal(live.share(NAME)?.objects.length, 4);
    assert.equal(after.dataShareArn, outs.dataShareArn);
  });

  it("runs on a serverless workgroup with the caller's IAM identity, in that namespace", async () => {
    const workgroup = live.emu.dataApiTarget("producer", 1);
    const inputs = {
      name: NAME,
      workgroupName: workgroup.workgroupName,
      database: workgroup.database,
      schemas: [{ name: "public", allTables: true }],
    };
    const { id, outs } = await live.provider.create(inputs);
    assert.equal(id, `workgroup:${workgroup.workgroupName},dev,${NAME},us-east-1`);
    assert.equal(outs.producerNamespace, workgroup.namespaceId);
    assert.deepEqual(outs.schemas, [
      { name: "public", tables: ["customers", "order_summary", "orders"], allTables: true },
    ]);
    assert.equal((await live.provider.diff(id, outs, inputs)).changes, false);
    assert.equal(live.share(NAME), undefined, "the cluster's namespace has no such datashare");
  });
});
