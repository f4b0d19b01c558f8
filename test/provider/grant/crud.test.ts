/**
 * DataShareGrant's lifecycle against the in-process emulator, through the Redshift Data API:
 * create (each grantee form), read, update in place, delete, and what read and delete do when the
 * grant or its datashare went away outside Pulumi.
 */
import { strict as assert } from "node:assert";
import { parseGoneReport } from "../../../provider/core/goneReport";
import { REGION } from "../../../harness/emulatorFixture";
import { DataShareGrantError } from "../../../provider/grant/errors";
import { GrantWorld, PRODUCER_SERVERLESS_NAMESPACE, producerSql, startGrantWorld } from "./live";

const NEW_RUN = { config: { get: () => undefined, require: () => undefined } } as never;

describe("DataShareGrant lifecycle (emulator)", () => {
  let w: GrantWorld;
  beforeEach(async () => {
    w = await startGrantWorld();
  });
  afterEach(async () => {
    await w.emu.stop();
  });

  const statements = () => w.emu.requestCounts().ExecuteStatement ?? 0;

  it("create grants usage to the account, and records the datashare's ARN", async () => {
    const arn = await w.share("gshare");
    const { id, outs } = await w.provider.create(w.declared("gshare"));
    assert.equal(id, `cluster:producer-cluster,dev,gshare,${w.consumer},${REGION}`);
    assert.equal(outs.dataShareArn, arn);
    assert.equal(outs.consumerIdentifier, w.consumer);
    assert.deepEqual(w.grantsOf(arn), [w.consumer]);
  });

  it("create grants via the Data Catalog, and to a namespace of the producer's account", async () => {
    const arn = await w.share("gshare");
    await w.provider.create(w.declared("gshare", `DataCatalog/${w.consumer}`));
    await w.provider.create(w.declared("gshare", PRODUCER_SERVERLESS_NAMESPACE));
    assert.deepEqual(w.grantsOf(arn), [
      `${w.consumer}/dataCatalog`,
      `namespace:${PRODUCER_SERVERLESS_NAMESPACE}`,
    ]);
  });

  it("create on a workgroup, with the region in the ID", async () => {
    await w.emu.admin.createDataShare({
      producerAccount: w.emu.accountId("producer"),
      producerNamespace: PRODUCER_SERVERLESS_NAMESPACE,
      name: "gshare",
    });
    const declared = {
      workgroupName: "producer-workgroup",
      database: "dev",
      dataShareName: "gshare",
      consumerIdentifier: w.consumer,
      region: "us-east-1",
    };
    const { id, outs } = await w.provider.create(declared);
    assert.equal(id, `workgroup:producer-workgroup,dev,gshare,${w.consumer},us-east-1`);
    assert.match(String(outs.dataShareArn), new RegExp(`datashare:${PRODUCER_SERVERLESS_NAMESPACE}/gshare$`));
  });

  it("create fails before any GRANT when the datashare is not there, naming it", async () => {
    const before = statements();
    await assert.rejects(w.provider.create(w.declared("nosuch")), (e: unknown) => {
      assert.ok(e instanceof DataShareGrantError);
      assert.equal(e.kind, "DataShareNotFound");
      assert.match(
        e.message,
        /"nosuch" is not one of the producer's datashares in cluster producer-cluster, database dev/,
      );
      return true;
    });
    assert.equal(statements() - before, 1, "only the SELECT of the datashare");
  });

  it("create explains a GRANT Redshift refuses (the producer's own account)", async () => {
    await w.share("gshare");
    await assert.rejects(
      w.provider.create(w.declared("gshare", w.emu.accountId("producer"))),
      (e: unknown) => {
        assert.ok(e instanceof DataShareGrantError);
        assert.match(
          e.message,
          /Redshift answered .*own account.*statement .*was not granted.*TO NAMESPACE instead/,
        );
        return true;
      },
    );
  });

  it("read returns the grant's state and inputs; import rebuilds them from the ID alone", async () => {
    const arn = await w.share("gshare");
    const { id, outs } = await w.provider.create({ ...w.declared("gshare"), dbUser: "admin" });
    const read = await w.provider.read(id, outs);
    assert.equal(read.id, id);
    assert.deepEqual(read.props, outs);
    assert.deepEqual(read.inputs, { ...w.declared("gshare"), dbUser: "admin", region: REGION });
    const imported = await w.provider.read(id, {});
    assert.equal(imported.props?.dataShareArn, arn);
    assert.deepEqual(imported.inputs, { ...w.declared("gshare"), region: REGION });
  });

  it("update of database, dbUser or region rewrites state only (no statement)", async () => {
    await w.share("gshare");
    const { id, outs } = await w.provider.create(w.declared("gshare"));
    const before = statements();
    const news = { ...w.declared("gshare"), dbUser: "admin", region: "us-east-1" };
    const { outs: after } = await w.provider.update(id, outs, news);
    assert.equal(statements(), before);
    assert.deepEqual(after, { ...news, dataShareArn: outs.dataShareArn });
  });

  it("delete revokes the grant", async () => {
    const arn = await w.share("gshare");
    const { id, outs } = await w.provider.create(w.declared("gshare"));
    await w.provider.delete(id, outs);
    assert.deepEqual(w.grantsOf(arn), []);
  });

  it("delete leaves a grant the program still declares in this run alone (claims), with a note", async () => {
    const arn = await w.share("gshare");
    const { id, outs } = await w.provider.create(w.declared("gshare"));
    await w.provider.configure(NEW_RUN);
    await w.provider.check({}, w.declared("gshare"));
    await w.provider.create(w.declared("gshare"));
    await w.provider.delete(id, outs);
    assert.deepEqual(w.grantsOf(arn), [w.consumer]);
    assert.match(w.notes.join("\n"), /DataShareGrant: left usage of datashare gshare by account .* in place/);
  });

  it("when usage was revoked outside Pulumi, read reports it gone: revoked", async () => {
    await w.share("gshare");
    const { id, outs } = await w.provider.create(w.declared("gshare"));
    await producerSql(w.emu, `REVOKE USAGE ON DATASHARE gshare FROM ACCOUNT '${w.consumer}'`);
    const read = await w.provider.read(id, outs);
    assert.equal(read.id, "");
    assert.deepEqual(parseGoneReport(w.records[0])?.reason, { kind: "revoked" });
    assert.match(w.warnings[0], /revoked outside Pulumi .*`pulumi up` grants it again.*authorization/);
  });

  it("when the datashare was dropped, read reports it gone: datashare-gone; delete is done", async () => {
    const arn = await w.share("gshare");
    const { id, outs } = await w.provider.create(w.declared("gshare"));
    await producerSql(w.emu, "DROP DATASHARE gshare");
    const read = await w.provider.read(id, outs);
    assert.equal(read.id, "");
    assert.deepEqual(parseGoneReport(w.records[0])?.reason, { kind: "datashare-gone" });
    assert.match(
      w.warnings[0],
      /datashare gshare no longer exists in cluster producer-cluster, database dev/,
    );
    await w.provider.delete(id, outs);
    assert.deepEqual(w.grantsOf(arn), []);
  });
});
