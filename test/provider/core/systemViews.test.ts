import { strict as assert } from "node:assert";
import { parseStatement } from "../../../emulator/sql/grammar";
import {
  decodeDatabaseRow,
  decodeDataShareConsumerRow,
  decodeDataShareObjectRow,
  decodeDataShareRow,
  selectDatabase,
  selectDataShareConsumers,
  selectDataShareObjects,
  selectOutboundDataShare,
  SystemViewRowError,
} from "../../../provider/core/systemViews";

describe("systemViews: the SELECTs and their rows", () => {
  it("sends only SELECT columns FROM view WHERE col = 'literal', which the emulator's grammar reads", () => {
    assert.equal(
      selectDataShareConsumers("it's"),
      "SELECT share_name, consumer_account, consumer_namespace FROM svv_datashare_consumers WHERE share_name = 'it''s'",
    );
    for (const sql of [
      selectOutboundDataShare("sales"),
      selectDataShareObjects("sales"),
      selectDataShareConsumers("sales"),
      selectDatabase("sales_db"),
    ]) {
      assert.equal(parseStatement(sql).kind, "select", sql);
    }
  });

  it("decodes svv_datashares rows, booleans as the Data API or as text", () => {
    const row = {
      share_name: "sales",
      share_type: "OUTBOUND",
      source_database: "dev",
      consumer_database: null,
      is_publicaccessible: "t",
      producer_account: "111122223333",
      producer_namespace: "a1b2c3d4-0000-4000-8000-000000000001",
      managed_by: null,
    };
    assert.deepEqual(decodeDataShareRow(row), {
      shareName: "sales",
      shareType: "OUTBOUND",
      sourceDatabase: "dev",
      publicAccessible: true,
      producerAccount: "111122223333",
      producerNamespace: "a1b2c3d4-0000-4000-8000-000000000001",
    });
    assert.equal(decodeDataShareRow({ ...row, is_publicaccessible: false }).publicAccessible, false);
    assert.throws(() => decodeDataShareRow({ ...row, share_type: "SIDEWAYS" }), SystemViewRowError);
    assert.throws(() => decodeDataShareRow({ ...row, share_name: null }), SystemViewRowError);
  });

  it("decodes objects, consumers and databases, with a shared database's origin", () => {
    assert.deepEqual(
      decodeDataShareObjectRow({
        share_name: "sales",
        object_type: "SCHEMA",
        object_name: "public",
        include_new: true,
      }),
      { shareName: "sales", objectType: "schema", objectName: "public", includeNew: true },
    );
    assert.deepEqual(
      decodeDataShareConsumerRow({
        share_name: "sales",
        consumer_account: "444455556666",
        consumer_namespace: null,
      }),
      { shareName: "sales", consumerAccount: "444455556666" },
    );
    assert.deepEqual(
      decodeDatabaseRow({
        database_name: "sales_db",
        database_type: "shared",
        database_options: JSON.stringify({
          datashare_name: "sales",
          datashare_producer_account: "111122223333",
          datashare_producer_namespace: "a1b2c3d4-0000-4000-8000-000000000001",
          with_permissions: true,
        }),
      }),
      {
        name: "sales_db",
        type: "shared",
        dataShare: {
          name: "sales",
          producerAccount: "111122223333",
          producerNamespace: "a1b2c3d4-0000-4000-8000-000000000001",
          withPermissions: true,
        },
      },
    );
    assert.deepEqual(
      decodeDatabaseRow({ database_name: "dev", database_type: "local", database_options: null }),
      {
        name: "dev",
        type: "local",
      },
    );
  });
});
