/**
 * The corpus of hostile names (test/fixtures/hostileNames.ts) through everything a name
 * passes on its way to Redshift: quoting (sql.ts), the shared target check (sqlTarget.ts), the
 * system-view SELECTs (systemViews.ts, read back by the emulator's grammar) and the ID codec
 * (sqlId.ts).
 */
import { strict as assert } from "node:assert";
import { parseStatement } from "../../../emulator/sql/grammar";
import { identifierProblem, quoteIdentifier, quoteLiteral, SqlValueError } from "../../../provider/core/sql";
import { formatSqlId, parseSqlId, SqlIdError } from "../../../provider/core/sqlId";
import { checkSqlTarget } from "../../../provider/core/sqlTarget";
import { selectOutboundDataShare } from "../../../provider/core/systemViews";
import { HOSTILE_NAMES } from "../../fixtures/hostileNames";

const label = (name: string) => JSON.stringify(name.length > 24 ? `${name.slice(0, 24)}…` : name);

describe("hostile names", () => {
  it("the corpus has accepted and refused names of every kind (the test is not vacuous)", () => {
    assert.ok(HOSTILE_NAMES.filter((h) => h.identifier === "ok").length >= 20);
    assert.ok(HOSTILE_NAMES.filter((h) => h.identifier !== "ok").length >= 15);
    assert.ok(HOSTILE_NAMES.some((h) => h.literalRefused));
  });

  for (const h of HOSTILE_NAMES) {
    describe(label(h.name), () => {
      it(h.identifier === "ok" ? "is quoted as one name" : `is refused as a name (${h.identifier})`, () => {
        if (h.identifier === "ok") {
          const quoted = quoteIdentifier(h.name, "name");
          assert.equal(quoted, `"${h.name.replace(/"/g, '""')}"`);
          assert.deepEqual(parseStatement(`DROP DATASHARE ${quoted}`), {
            kind: "dropDatashare",
            name: h.name,
          });
        } else {
          assert.throws(
            () => quoteIdentifier(h.name, "name"),
            (e: unknown) =>
              e instanceof SqlValueError &&
              e.property === "name" &&
              h.identifier !== "ok" &&
              h.identifier.test(e.reason),
          );
        }
      });

      it("gets the same verdict from the target check, under the property that holds it", () => {
        for (const property of ["database", "dbUser"]) {
          const failures = checkSqlTarget({ clusterIdentifier: "c1", database: "dev", [property]: h.name });
          const mine = failures.filter((f) => f.property === property);
          if (h.identifier === "ok") assert.deepEqual(failures, []);
          else {
            assert.equal(mine.length, 1, JSON.stringify(failures));
            assert.equal(mine[0].reason, identifierProblem(h.name));
          }
        }
        const asCluster = checkSqlTarget({ clusterIdentifier: h.name, database: "dev" });
        if (!/^[a-z][a-z0-9-]*$/.test(h.name))
          assert.ok(asCluster.some((f) => f.property === "clusterIdentifier"));
      });

      it(h.literalRefused ? "is refused as a literal" : "is a literal the SELECT compares exactly", () => {
        if (h.literalRefused) {
          assert.throws(() => quoteLiteral(h.name, "share_name"), SqlValueError);
          assert.throws(() => selectOutboundDataShare(h.name), SqlValueError);
          return;
        }
        const statement = parseStatement(selectOutboundDataShare(h.name));
        assert.equal(statement.kind, "select");
        assert.deepEqual(statement.kind === "select" ? statement.where : undefined, [
          { column: "share_name", value: h.name },
          { column: "share_type", value: "OUTBOUND" },
        ]);
      });

      it(
        h.name === "" ? "is refused as an ID part" : "round-trips through the ID codec in every part",
        () => {
          const id = { target: { clusterIdentifier: h.name }, parts: [h.name, "x"], region: h.name };
          const wg = { target: { workgroupName: h.name }, parts: ["d", h.name] };
          if (h.name === "") {
            assert.throws(
              () => parseSqlId(formatSqlId(id), "DataShare", ["database", "name"]),
              (e: unknown) =>
                e instanceof SqlIdError && /not cluster:<id> or workgroup:<name>/.test(e.message),
            );
            return;
          }
          assert.deepEqual(parseSqlId(formatSqlId(id), "DataShare", ["database", "name"]), id);
          assert.deepEqual(parseSqlId(formatSqlId(wg), "DataShare", ["database", "name"]), wg);
          assert.equal(formatSqlId(id).split(",").length, 4, "a comma in a name never splits a part");
        },
      );
    });
  }
});
