import { strict as assert } from "node:assert";
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DescribeDataSharesCommand,
} from "@aws-sdk/client-redshift";
import type { Emulator } from "../../emulator";
import { dataApiAs, runSql, targetOf } from "../fixtures/dataApiHelpers";
import { redshiftAs, useEmulator } from "./helpers";

const PRODUCER_NS = "a1b2c3d4-0000-4000-8000-000000000001";
const OF_PRODUCER = `OF ACCOUNT '111122223333' NAMESPACE '${PRODUCER_NS}'`;

function sql(emu: Emulator, account: string, text: string, namespaceIndex = 0) {
  return runSql(dataApiAs(emu, account), targetOf(emu, account, namespaceIndex), text);
}

async function ok(emu: Emulator, account: string, text: string, namespaceIndex = 0) {
  const result = await sql(emu, account, text, namespaceIndex);
  assert.equal(result.described.Status, "FINISHED", `${text}: ${result.described.Error}`);
  return result.rows;
}

async function failure(emu: Emulator, account: string, text: string): Promise<string> {
  const { described } = await sql(emu, account, text);
  assert.equal(described.Status, "FAILED", text);
  return described.Error ?? "";
}

/** Producer: a share with schema sales and its orders table, granted to the consumer and authorized. */
async function sharedWithConsumer(emu: Emulator): Promise<string> {
  await ok(emu, "producer", "CREATE DATASHARE lifecycle");
  await ok(emu, "producer", "ALTER DATASHARE lifecycle ADD SCHEMA sales");
  await ok(emu, "producer", "ALTER DATASHARE lifecycle ADD TABLE sales.orders");
  await ok(emu, "producer", "GRANT USAGE ON DATASHARE lifecycle TO ACCOUNT '444455556666'");
  const arn = emu.dataShareArn("lifecycle");
  await redshiftAs(emu, "producer").send(
    new AuthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: "444455556666" }),
  );
  await redshiftAs(emu, "consumer").send(
    new AssociateDataShareConsumerCommand({ DataShareArn: arn, AssociateEntireAccount: true }),
  );
  return arn;
}

describe("emulator Data API SQL over the same model as the Redshift API", () => {
  const emu = useEmulator();
  beforeEach(async () => {
    await emu().admin.reset();
    emu().setBehaviours({});
  });

  it("CREATE DATASHARE appears in DescribeDataShares and as an OUTBOUND row of SVV_DATASHARES", async () => {
    await ok(emu(), "producer", "CREATE DATASHARE newshare SET PUBLICACCESSIBLE TRUE");
    const arn = emu().dataShareArn("newshare");
    assert.equal(arn, `arn:aws:redshift:us-east-1:111122223333:datashare:${PRODUCER_NS}/newshare`);
    const described = await redshiftAs(emu(), "producer").send(
      new DescribeDataSharesCommand({ DataShareArn: arn }),
    );
    assert.equal(described.DataShares?.[0].AllowPubliclyAccessibleConsumers, true);
    const rows = await ok(
      emu(),
      "producer",
      "SELECT share_type, source_database, is_publicaccessible, producer_namespace FROM svv_datashares WHERE share_name = 'newshare'",
    );
    assert.deepEqual(rows, [
      {
        share_type: "OUTBOUND",
        source_database: "dev",
        is_publicaccessible: true,
        producer_namespace: PRODUCER_NS,
      },
    ]);
    assert.match(await failure(emu(), "producer", "CREATE DATASHARE newshare"), /already exists/);
  });

  it("ALTER DATASHARE adds only objects the database has, schema first, and lists them in SVV_DATASHARE_OBJECTS", async () => {
    await ok(emu(), "producer", "CREATE DATASHARE objs");
    assert.match(
      await failure(emu(), "producer", "ALTER DATASHARE objs ADD TABLE sales.orders"),
      /schema "sales" must be added/,
    );
    assert.match(
      await failure(emu(), "producer", "ALTER DATASHARE objs ADD SCHEMA nope"),
      /schema "nope" does not exist/,
    );
    await ok(emu(), "producer", "ALTER DATASHARE objs ADD SCHEMA sales");
    assert.match(
      await failure(emu(), "producer", "ALTER DATASHARE objs ADD TABLE sales.nope"),
      /relation "sales.nope" does not exist/,
    );
    await ok(emu(), "producer", "ALTER DATASHARE objs ADD TABLE sales.orders, sales.daily_totals");
    await ok(emu(), "producer", "ALTER DATASHARE objs ADD FUNCTION sales.f_net(integer, integer)");
    await ok(emu(), "producer", "ALTER DATASHARE objs SET INCLUDENEW = TRUE FOR SCHEMA sales");
    const rows = await ok(
      emu(),
      "producer",
      "SELECT object_type, object_name, include_new FROM svv_datashare_objects WHERE share_name = 'objs'",
    );
    assert.deepEqual(rows, [
      { object_type: "schema", object_name: "sales", include_new: true },
      { object_type: "table", object_name: "sales.orders", include_new: null },
      { object_type: "view", object_name: "sales.daily_totals", include_new: null },
      { object_type: "function", object_name: "sales.f_net(integer,integer)", include_new: null },
    ]);
    await ok(emu(), "producer", "ALTER DATASHARE objs REMOVE TABLE sales.orders");
    const left = await ok(
      emu(),
      "producer",
      "SELECT object_name FROM svv_datashare_objects WHERE share_name = 'objs' AND object_type = 'table'",
    );
    assert.deepEqual(left, []);
    await ok(emu(), "producer", "ALTER DATASHARE objs REMOVE SCHEMA sales");
    const none = await ok(
      emu(),
      "producer",
      "SELECT object_name FROM svv_datashare_objects WHERE share_name = 'objs'",
    );
    assert.deepEqual(none, [], "the schema's objects leave with it");
  });

  it("AuthorizeDataShare needs the SQL GRANT first; then the consumer associates and makes a database from it", async () => {
    await ok(emu(), "producer", "CREATE DATASHARE lifecycle");
    const arn = emu().dataShareArn("lifecycle");
    const authorize = () =>
      redshiftAs(emu(), "producer").send(
        new AuthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: "444455556666" }),
      );
    await assert.rejects(authorize(), (e: Error) => e.name === "InvalidDataShareFault");
    await ok(emu(), "producer", "ALTER DATASHARE lifecycle ADD SCHEMA sales");
    await ok(emu(), "producer", "ALTER DATASHARE lifecycle ADD TABLE sales.orders");
    await ok(emu(), "producer", "GRANT USAGE ON DATASHARE lifecycle TO ACCOUNT '444455556666'");
    await authorize();
    await redshiftAs(emu(), "consumer").send(
      new AssociateDataShareConsumerCommand({ DataShareArn: arn, AssociateEntireAccount: true }),
    );
    const consumers = await ok(
      emu(),
      "producer",
      "SELECT consumer_account FROM svv_datashare_consumers WHERE share_name = 'lifecycle'",
    );
    assert.deepEqual(consumers, [{ consumer_account: "444455556666" }]);
    await ok(
      emu(),
      "consumer",
      `CREATE DATABASE shared_sales WITH PERMISSIONS FROM DATASHARE lifecycle ${OF_PRODUCER}`,
    );
    const inbound = await ok(
      emu(),
      "consumer",
      "SELECT share_name, consumer_database FROM svv_datashares WHERE share_type = 'INBOUND'",
    );
    assert.ok(
      inbound.some((r) => r.share_name === "lifecycle" && r.consumer_database === "shared_sales"),
      JSON.stringify(inbound),
    );
    const databases = await ok(
      emu(),
      "consumer",
      "SELECT database_name, database_type FROM svv_redshift_databases",
    );
    assert.deepEqual(databases, [
      { database_name: "dev", database_type: "local" },
      { database_name: "shared_sales", database_type: "shared" },
    ]);
    const objects = await ok(
      emu(),
      "consumer",
      "SELECT object_name FROM svv_datashare_objects WHERE share_type = 'INBOUND' AND share_name = 'lifecycle'",
    );
    assert.deepEqual(objects, [{ object_name: "sales" }, { object_name: "sales.orders" }]);
  });

  it("a consumer can't make a database from a share that isn't associated with its namespace", async () => {
    await ok(emu(), "producer", "CREATE DATASHARE lonely");
    assert.match(
      await failure(emu(), "consumer", `CREATE DATABASE x FROM DATASHARE lonely ${OF_PRODUCER}`),
      /isn't shared with this namespace/,
    );
  });

  it("within the account, GRANT USAGE TO NAMESPACE is enough for CREATE DATABASE (no AuthorizeDataShare)", async () => {
    await ok(emu(), "producer", "CREATE DATASHARE local");
    await ok(
      emu(),
      "producer",
      "GRANT USAGE ON DATASHARE local TO NAMESPACE 'a1b2c3d4-0000-4000-8000-000000000002'",
    );
    await ok(
      emu(),
      "producer",
      `CREATE DATABASE from_local FROM DATASHARE local OF NAMESPACE '${PRODUCER_NS}'`,
      1,
    );
    const rows = await ok(
      emu(),
      "producer",
      "SELECT consumer_account, consumer_namespace FROM svv_datashare_consumers WHERE share_name = 'local'",
    );
    assert.deepEqual(rows, [
      { consumer_account: "111122223333", consumer_namespace: "a1b2c3d4-0000-4000-8000-000000000002" },
    ]);
  });

  it("REVOKE takes the consumer's grant, authorization and associations away", async () => {
    const arn = await sharedWithConsumer(emu());
    await ok(emu(), "producer", "REVOKE USAGE ON DATASHARE lifecycle FROM ACCOUNT '444455556666'");
    const described = await redshiftAs(emu(), "producer").send(
      new DescribeDataSharesCommand({ DataShareArn: arn }),
    );
    assert.deepEqual(described.DataShares?.[0].DataShareAssociations ?? [], []);
  });

  it("DROP DATASHARE takes its associations; the consumer's database stays (behaviour droppedShareDatabases)", async () => {
    await sharedWithConsumer(emu());
    await ok(emu(), "consumer", `CREATE DATABASE kept FROM DATASHARE lifecycle ${OF_PRODUCER}`);
    await ok(emu(), "producer", "DROP DATASHARE lifecycle");
    assert.ok(
      !emu()
        .admin.snapshot()
        .dataShares.some((s) => s.name === "lifecycle"),
    );
    const inbound = await ok(
      emu(),
      "consumer",
      "SELECT share_name FROM svv_datashares WHERE share_name = 'lifecycle'",
    );
    assert.deepEqual(inbound, []);
    const databases = await ok(
      emu(),
      "consumer",
      "SELECT database_name FROM svv_redshift_databases WHERE database_type = 'shared'",
    );
    assert.deepEqual(databases, [{ database_name: "kept" }]);
    await ok(emu(), "consumer", "DROP DATABASE kept");
    assert.match(await failure(emu(), "consumer", "DROP DATABASE kept"), /does not exist/);
  });

  it("with droppedShareDatabases=dropped, DROP DATASHARE takes the consumer's databases too", async () => {
    emu().setBehaviours({ droppedShareDatabases: "dropped" });
    await sharedWithConsumer(emu());
    await ok(emu(), "consumer", `CREATE DATABASE gone FROM DATASHARE lifecycle ${OF_PRODUCER}`);
    await ok(emu(), "producer", "DROP DATASHARE lifecycle");
    const databases = await ok(
      emu(),
      "consumer",
      "SELECT database_name FROM svv_redshift_databases WHERE database_type = 'shared'",
    );
    assert.deepEqual(databases, []);
  });
});
