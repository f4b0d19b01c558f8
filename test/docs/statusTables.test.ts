/**
 * The docs' status tables are provider/core/statuses.ts as scripts/generate/statusTables.ts renders them:
 * a table edited by hand, or a status whose meaning changed without the docs, fails here. Run
 * `npm run docs:generate` to write them again.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { DOCUMENTS, TABLES, tablesIn, withStatusTables } from "../../scripts/generate/statusTables";
import { ASSOCIATION_STATUSES, AUTHORIZATION_STATUSES } from "../../provider/core/statuses";

const ROOT = path.join(__dirname, "..", "..");

describe("the docs' status tables", () => {
  for (const file of DOCUMENTS) {
    it(`${file} carries both status tables, as statuses.ts renders them`, async () => {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      assert.deepEqual([...tablesIn(text)].sort(), ["association", "authorization"]);
      assert.equal(
        await withStatusTables(text, file),
        text,
        `${file} differs from provider/core/statuses.ts; run npm run docs:generate`,
      );
    });
  }

  it("list every status of each table, and the row for the statuses they do not know", () => {
    const rows = (table: string) => table.split("\n").slice(2);
    const association = rows(TABLES.association());
    const authorization = rows(TABLES.authorization());
    assert.deepEqual(
      association.map((r) => r.split(" | ")[0]),
      [...Object.keys(ASSOCIATION_STATUSES).map((s) => `| \`${s}\``), "| any other status"],
    );
    assert.deepEqual(
      authorization.map((r) => r.split(" | ")[0]),
      [...Object.keys(AUTHORIZATION_STATUSES).map((s) => `| \`${s}\``), "| any other status"],
    );
  });

  it("a table edited by hand is written back; an unknown table name is refused", async () => {
    const edited =
      "x\n<!-- statuses:authorization:start -->\n\n| hand | made |\n\n<!-- statuses:authorization:end -->\n";
    const written = await withStatusTables(edited, "README.md");
    assert.doesNotMatch(written, /hand \| made/);
    assert.match(written, /\| `REJECTED` +\| the consumer declined it/);
    await assert.rejects(
      withStatusTables("<!-- statuses:other:start --><!-- statuses:other:end -->", "README.md"),
      /no status table named "other"/,
    );
  });
});
