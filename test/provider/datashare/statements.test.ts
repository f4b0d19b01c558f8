import * as assert from "node:assert/strict";
import { declaredContents, liveContents } from "../../../provider/datashare/contents";
import { alterStatements, createStatement, dropStatement } from "../../../provider/datashare/statements";
import type { DeclaredSchema, ShareContents } from "../../../provider/datashare/types";

const NONE: ShareContents = { schemas: [], publicAccessible: false };
const sqlOf = (live: ShareContents, schemas: DeclaredSchema[], publicAccessible = false) =>
  alterStatements("sales_share", live, declaredContents(schemas, publicAccessible)).map((s) => s.sql);
const declared = (schemas: DeclaredSchema[], publicAccessible = false) =>
  declaredContents(schemas, publicAccessible);

describe("DataShare statements", () => {
  it("creates the datashare quoted, publicly accessible only when declared", () => {
    assert.equal(createStatement("sales_share", false), 'CREATE DATASHARE "sales_share"');
    assert.equal(
      createStatement("sales_share", true),
      'CREATE DATASHARE "sales_share" SET PUBLICACCESSIBLE = TRUE',
    );
    assert.equal(dropStatement("sales_share"), 'DROP DATASHARE "sales_share"');
  });

  it("adds each schema before its objects, then INCLUDENEW, then PUBLICACCESSIBLE", () => {
    assert.deepEqual(
      sqlOf(
        NONE,
        [
          {
            name: "sales",
            tables: ["orders", "regions"],
            functions: ["f_net(integer, integer)"],
            includeNew: true,
          },
          { name: "public", allTables: true, allFunctions: true },
        ],
        true,
      ),
      [
        'ALTER DATASHARE "sales_share" ADD SCHEMA "sales"',
        'ALTER DATASHARE "sales_share" ADD TABLE "sales"."orders"',
        'ALTER DATASHARE "sales_share" ADD TABLE "sales"."regions"',
        'ALTER DATASHARE "sales_share" ADD FUNCTION "sales"."f_net"(integer, integer)',
        'ALTER DATASHARE "sales_share" SET INCLUDENEW = TRUE FOR SCHEMA "sales"',
        'ALTER DATASHARE "sales_share" ADD SCHEMA "public"',
        'ALTER DATASHARE "sales_share" ADD ALL TABLES IN SCHEMA "public"',
        'ALTER DATASHARE "sales_share" ADD ALL FUNCTIONS IN SCHEMA "public"',
        'ALTER DATASHARE "sales_share" SET PUBLICACCESSIBLE = TRUE',
      ],
    );
  });

  it("plans nothing when the live contents are the declared ones, whatever the order and spacing", () => {
    const live = liveContents(
      [
        { objectType: "schema", objectName: "sales", includeNew: true },
        { objectType: "view", objectName: "sales.daily_totals" },
        { objectType: "table", objectName: "sales.orders" },
        { objectType: "function", objectName: "sales.f_net(integer,integer)" },
      ],
      false,
    );
    assert.deepEqual(
      sqlOf(live, [
        {
          name: "sales",
          tables: ["orders", "daily_totals"],
          functions: ["f_net( integer ,integer )"],
          includeNew: true,
        },
      ]),
      [],
    );
  });

  it("removes the objects no longer declared, a schema's objects before the schema", () => {
    const live = declared([
      { name: "sales", tables: ["orders", "regions"], functions: ["f_net(integer,integer)"] },
      { name: "public", tables: ["customers"], includeNew: true },
    ]);
    assert.deepEqual(sqlOf(live, [{ name: "sales", tables: ["orders"] }]), [
      'ALTER DATASHARE "sales_share" REMOVE TABLE "sales"."regions"',
      'ALTER DATASHARE "sales_share" REMOVE FUNCTION "sales"."f_net"(integer, integer)',
      'ALTER DATASHARE "sales_share" REMOVE TABLE "public"."customers"',
      'ALTER DATASHARE "sales_share" REMOVE SCHEMA "public"',
    ]);
    assert.ok(alterStatements("sales_share", live, declared([])).every((s) => s.removes));
  });

  it("keeps every live table of a schema shared with allTables, and adds ALL TABLES only when newly asked", () => {
    const live = declared([{ name: "sales", tables: ["orders", "regions"] }]);
    assert.deepEqual(sqlOf(live, [{ name: "sales", allTables: true }]), [
      'ALTER DATASHARE "sales_share" ADD ALL TABLES IN SCHEMA "sales"',
    ]);
    const recorded = declared([{ name: "sales", tables: ["orders", "regions"], allTables: true }]);
    assert.deepEqual(sqlOf(recorded, [{ name: "sales", allTables: true }]), []);
  });

  it("turns INCLUDENEW and PUBLICACCESSIBLE off when no longer declared", () => {
    const live = declared([{ name: "sales", includeNew: true }], true);
    assert.deepEqual(sqlOf(live, [{ name: "sales" }]), [
      'ALTER DATASHARE "sales_share" SET INCLUDENEW = FALSE FOR SCHEMA "sales"',
      'ALTER DATASHARE "sales_share" SET PUBLICACCESSIBLE = FALSE',
    ]);
  });

  it("quotes hostile-looking but allowed names so that they stay names", () => {
    assert.deepEqual(sqlOf(NONE, [{ name: 'a"b', tables: ["x; drop datashare s"] }]), [
      'ALTER DATASHARE "sales_share" ADD SCHEMA "a""b"',
      'ALTER DATASHARE "sales_share" ADD TABLE "a""b"."x; drop datashare s"',
    ]);
  });
});

describe("DataShare contents from SVV_DATASHARE_OBJECTS", () => {
  it("files views as tables, splits names at the longest shared schema, and carries ALL TABLES from the record", () => {
    const live = liveContents(
      [
        { objectType: "schema", objectName: "a", includeNew: false },
        { objectType: "schema", objectName: "a.b", includeNew: true },
        { objectType: "table", objectName: "a.b.t" },
        { objectType: "view", objectName: "a.v" },
      ],
      true,
      [{ name: "a", tables: [], functions: [], includeNew: false, allTables: true, allFunctions: false }],
    );
    assert.deepEqual(live, {
      publicAccessible: true,
      schemas: [
        { name: "a", tables: ["v"], functions: [], includeNew: false, allTables: true, allFunctions: false },
        {
          name: "a.b",
          tables: ["t"],
          functions: [],
          includeNew: true,
          allTables: false,
          allFunctions: false,
        },
      ],
    });
  });
});
