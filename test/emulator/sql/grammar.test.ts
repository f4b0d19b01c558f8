import { strict as assert } from "node:assert";
import { SqlSyntaxError } from "../../../emulator/sql/errors";
import { parseStatement } from "../../../emulator/sql/grammar";
import { tokenize } from "../../../emulator/sql/tokenizer";

function syntaxError(sql: string): SqlSyntaxError {
  try {
    parseStatement(sql);
  } catch (error) {
    if (error instanceof SqlSyntaxError) return error;
    throw error;
  }
  assert.fail(`parsed: ${sql}`);
}

describe("emulator SQL: tokenizer", () => {
  it("folds unquoted words, unescapes and folds quoted identifiers, unescapes strings, skips comments", () => {
    const tokens = tokenize(`SeLeCt "My ""x""" -- a comment\n /* a /* nested */ one */ 'it''s' 42;`);
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.value, t.position]),
      [
        ["word", "select", 1],
        ["quoted", 'my "x"', 8],
        ["string", "it's", 58],
        ["number", "42", 66],
        ["symbol", ";", 68],
        ["end", "", 69],
      ],
    );
  });

  it("keeps multibyte letters in unquoted identifiers and counts positions in characters", () => {
    const tokens = tokenize("données_2024 x");
    assert.equal(tokens[0].value, "données_2024");
    assert.equal(tokens[1].position, 14);
  });

  for (const [sql, message] of [
    ['"abc', "unterminated quoted identifier"],
    ["'abc", "unterminated quoted string"],
    ['""', "zero-length delimited identifier"],
    ["/* open", "unterminated /* comment"],
    ["a\0b", "0x00"],
    ['"a\nb"', "control character"],
    [`"${"x".repeat(128)}"`, "too long"],
    ["select #", 'syntax error at or near "#"'],
  ]) {
    it(`refuses ${JSON.stringify(sql.slice(0, 12))}: ${message}`, () => {
      assert.throws(
        () => tokenize(sql),
        (e: unknown) => e instanceof SqlSyntaxError && e.message.includes(message),
      );
    });
  }

  it("accepts a quoted identifier of exactly 127 bytes (multibyte counted in bytes)", () => {
    assert.equal(tokenize(`"${"é".repeat(63)}a"`)[0].value.length, 64);
    assert.throws(() => tokenize(`"${"é".repeat(64)}"`), SqlSyntaxError);
  });
});

describe("emulator SQL: grammar", () => {
  const parses: [string, unknown][] = [
    ["CREATE DATASHARE s", { kind: "createDatashare", name: "s" }],
    [
      "create datashare S set publicaccessible = true",
      { kind: "createDatashare", name: "s", publicAccessible: true },
    ],
    [
      "CREATE DATASHARE d PUBLICACCESSIBLE FALSE, MANAGEDBY ADX;",
      { kind: "createDatashare", name: "d", publicAccessible: false, managedBy: "ADX" },
    ],
    [
      'ALTER DATASHARE s ADD SCHEMA "Sales", public',
      {
        kind: "alterDatashareObjects",
        name: "s",
        action: "add",
        objects: [
          { type: "schema", schema: "sales" },
          { type: "schema", schema: "public" },
        ],
      },
    ],
    [
      "ALTER DATASHARE s REMOVE TABLE sales.orders, customers",
      {
        kind: "alterDatashareObjects",
        name: "s",
        action: "remove",
        objects: [
          { type: "table", schema: "sales", table: "orders" },
          { type: "table", schema: "public", table: "customers" },
        ],
      },
    ],
    [
      "ALTER DATASHARE s ADD FUNCTION sales.f_net(integer, double precision, varchar(256))",
      {
        kind: "alterDatashareObjects",
        name: "s",
        action: "add",
        objects: [
          {
            type: "function",
            schema: "sales",
            name: "f_net",
            argTypes: ["integer", "double precision", "varchar(256)"],
          },
        ],
      },
    ],
    [
      "ALTER DATASHARE s ADD ALL TABLES IN SCHEMA sales, public",
      {
        kind: "alterDatashareObjects",
        name: "s",
        action: "add",
        objects: [
          { type: "allTables", schema: "sales" },
          { type: "allTables", schema: "public" },
        ],
      },
    ],
    [
      "ALTER DATASHARE s SET INCLUDENEW = TRUE FOR SCHEMA sales",
      { kind: "alterDatashareSet", name: "s", includeNew: { value: true, schema: "sales" } },
    ],
    [
      "ALTER DATASHARE s SET PUBLICACCESSIBLE FALSE",
      { kind: "alterDatashareSet", name: "s", publicAccessible: false },
    ],
    ["DROP DATASHARE s", { kind: "dropDatashare", name: "s" }],
    [
      "GRANT USAGE ON DATASHARE s TO ACCOUNT '444455556666' VIA DATA CATALOG",
      {
        kind: "grantUsage",
        name: "s",
        grantee: { kind: "account", account: "444455556666", viaDataCatalog: true },
      },
    ],
    [
      "REVOKE USAGE ON DATASHARE s FROM NAMESPACE 'c0ffee00-0000-4000-8000-000000000001'",
      {
        kind: "revokeUsage",
        name: "s",
        grantee: { kind: "namespace", namespace: "c0ffee00-0000-4000-8000-000000000001" },
      },
    ],
    [
      "CREATE DATABASE db WITH PERMISSIONS FROM DATASHARE s OF ACCOUNT '111122223333' NAMESPACE 'a1b2c3d4-0000-4000-8000-000000000001'",
      {
        kind: "createDatabaseFromDatashare",
        database: "db",
        share: "s",
        account: "111122223333",
        namespace: "a1b2c3d4-0000-4000-8000-000000000001",
        withPermissions: true,
      },
    ],
    ["DROP DATABASE db", { kind: "dropDatabase", database: "db" }],
    [
      "SELECT share_name, share_type FROM svv_datashares WHERE share_name = 'it''s' AND is_publicaccessible = true",
      {
        kind: "select",
        columns: ["share_name", "share_type"],
        view: "svv_datashares",
        where: [
          { column: "share_name", value: "it's" },
          { column: "is_publicaccessible", value: true },
        ],
      },
    ],
    [
      "select * from pg_catalog.svv_redshift_databases",
      { kind: "select", columns: "*", view: "svv_redshift_databases", where: [] },
    ],
  ];
  for (const [sql, expected] of parses) {
    it(`parses ${sql.slice(0, 60)}`, () => assert.deepEqual(parseStatement(sql), expected));
  }

  it("a quoted reserved word is a name; unquoted it is a syntax error at its position", () => {
    assert.deepEqual(parseStatement('CREATE DATASHARE "table"'), { kind: "createDatashare", name: "table" });
    const error = syntaxError("CREATE DATASHARE table");
    assert.equal(error.message, 'syntax error at or near "table"');
    assert.equal(error.position, 18);
  });

  for (const [sql, near, position] of [
    ["DROP TABLE x", "TABLE", 6],
    ["CREATE DATASHARE s; DROP DATASHARE s", "DROP", 21],
    ["CREATE DATABASE db FROM DATASHARE s OF NAMESPACE 'n' WITH PERMISSIONS", "WITH", 54],
    ["GRANT USAGE ON DATASHARE s TO ACCOUNT 444455556666", "444455556666", 39],
    ["ALTER DATASHARE s ADD", undefined, 22],
    ["SELECT * FROM svv_datashares WHERE share_name LIKE 'x%'", "LIKE", 47],
  ] as [string, string | undefined, number][]) {
    it(`refuses ${sql.slice(0, 50)} at position ${position}`, () => {
      const error = syntaxError(sql);
      assert.equal(
        error.message,
        near === undefined ? "syntax error at end of input" : `syntax error at or near "${near}"`,
      );
      assert.equal(error.position, position);
    });
  }
});
