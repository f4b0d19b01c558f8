/**
 * The provider's quoting and the emulator's grammar agree: every name provider/core/sql.ts
 * accepts, once quoted, parses back to exactly that name, in every position a name takes. (Tests
 * may import both sides; the packages never do.)
 */
import { strict as assert } from "node:assert";
import { parseStatement } from "../../../emulator/sql/grammar";
import {
  accountLiteral,
  identifierProblem,
  namespaceLiteral,
  quoteIdentifier,
} from "../../../provider/core/sql";
import { HOSTILE_NAMES } from "./sqlHostileNames";

const EXTRA_ACCEPTED = [
  "sales",
  "public",
  "a'b",
  "semi;colon",
  "dash--dash",
  "slash/*star",
  "x".repeat(127),
  "名前",
];

describe("provider quoting round-trips through the emulator's grammar", () => {
  const accepted = [...HOSTILE_NAMES, ...EXTRA_ACCEPTED].filter((n) => identifierProblem(n) === undefined);

  it("accepts a good share of the corpus (the test is not vacuous)", () => {
    assert.ok(accepted.length >= 20, String(accepted.length));
  });

  for (const name of accepted) {
    it(`${JSON.stringify(name.slice(0, 24))} parses back exactly, as a share, schema, table and database`, () => {
      const q = quoteIdentifier(name, "p");
      const account = accountLiteral("111122223333", "a");
      const namespace = namespaceLiteral("a1b2c3d4-0000-4000-8000-000000000001", "n");
      assert.deepEqual(parseStatement(`CREATE DATASHARE ${q}`), { kind: "createDatashare", name });
      assert.deepEqual(parseStatement(`ALTER DATASHARE ${q} ADD TABLE ${q}.${q}`), {
        kind: "alterDatashareObjects",
        name,
        action: "add",
        objects: [{ type: "table", schema: name, table: name }],
      });
      assert.deepEqual(parseStatement(`ALTER DATASHARE ${q} SET INCLUDENEW = TRUE FOR SCHEMA ${q}`), {
        kind: "alterDatashareSet",
        name,
        includeNew: { value: true, schema: name },
      });
      assert.deepEqual(parseStatement(`GRANT USAGE ON DATASHARE ${q} TO ACCOUNT ${account}`), {
        kind: "grantUsage",
        name,
        grantee: { kind: "account", account: "111122223333", viaDataCatalog: false },
      });
      assert.deepEqual(
        parseStatement(
          `CREATE DATABASE ${q} FROM DATASHARE ${q} OF ACCOUNT ${account} NAMESPACE ${namespace}`,
        ),
        {
          kind: "createDatabaseFromDatashare",
          database: name,
          share: name,
          account: "111122223333",
          namespace: "a1b2c3d4-0000-4000-8000-000000000001",
          withPermissions: false,
        },
      );
      assert.deepEqual(parseStatement(`DROP DATABASE ${q}`), { kind: "dropDatabase", database: name });
    });
  }
});
