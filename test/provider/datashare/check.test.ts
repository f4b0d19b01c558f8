import * as assert from "node:assert/strict";
import { parseStatement } from "../../../emulator/sql/grammar";
import { dataShareNameProblem } from "../../../provider/core/sql";
import { UNKNOWN } from "../../../provider/core/types";
import { checkDataShareInputs } from "../../../provider/datashare/check";
import { declaredContents } from "../../../provider/datashare/contents";
import { alterStatements, createStatement } from "../../../provider/datashare/statements";
import { HOSTILE_NAMES } from "../../fixtures/hostileNames";

const TARGET = { clusterIdentifier: "producer-cluster", database: "dev" };
const failuresOf = (inputs: Record<string, unknown>) =>
  checkDataShareInputs({ name: "sales_share", ...TARGET, ...inputs }).failures;
const properties = (inputs: Record<string, unknown>) => failuresOf(inputs).map((f) => f.property);

describe("DataShare check", () => {
  it("accepts a datashare with schemas, tables, views and functions", () => {
    assert.deepEqual(
      failuresOf({
        publicAccessible: true,
        schemas: [
          {
            name: "sales",
            tables: ["orders"],
            functions: ["f_net(integer, integer)", "f_round(numeric(10,2))"],
          },
          { name: "public", allTables: true, allFunctions: true, includeNew: true },
        ],
      }),
      [],
    );
  });

  it("requires the name and the target, naming each property", () => {
    const failures = checkDataShareInputs({}).failures.map((f) => f.property);
    assert.ok(failures.includes("name"));
    assert.ok(failures.includes("clusterIdentifier"));
    assert.ok(failures.includes("database"));
  });

  it("names the place of each bad value: schemas[1].tables[0], schemas[0].functions[1], a field that is not one", () => {
    assert.deepEqual(
      properties({
        schemas: [
          { name: "sales", functions: ["f_net(integer)", "f_net"] },
          { name: "public", tables: ["Orders"], include_new: true, allTables: "yes" },
        ],
      }),
      ["schemas[0].functions[1]", "schemas[1].include_new", "schemas[1].allTables", "schemas[1].tables[0]"],
    );
  });

  it("refuses a schema, table or function listed twice (a function whatever its spacing)", () => {
    const failures = failuresOf({
      schemas: [
        {
          name: "sales",
          tables: ["orders", "orders"],
          functions: ["f(integer,integer)", "f( integer, integer )"],
        },
        { name: "sales" },
      ],
    });
    assert.deepEqual(
      failures.map((f) => f.property),
      ["schemas[0].tables[1]", "schemas[0].functions[1]", "schemas[1].name"],
    );
    for (const f of failures) assert.match(f.reason, /again/);
  });

  it("refuses argument types that are not SQL type names, and values of the wrong kind", () => {
    assert.deepEqual(
      properties({
        publicAccessible: "yes",
        schemas: [
          { name: "sales", functions: ["f(integer); drop datashare x; --)"], tables: "orders" },
          "public",
        ],
      }),
      ["publicAccessible", "schemas[0].tables", "schemas[0].functions[0]", "schemas[1]"],
    );
    assert.deepEqual(properties({ schemas: { name: "sales" } }), ["schemas"]);
  });

  it("lets unknown values (preview) pass, anywhere in the schemas", () => {
    assert.deepEqual(
      failuresOf({ name: UNKNOWN, schemas: [UNKNOWN, { name: UNKNOWN, tables: [UNKNOWN] }] }),
      [],
    );
    assert.deepEqual(failuresOf({ schemas: UNKNOWN }), []);
  });

  describe("over the hostile-name corpus", () => {
    for (const { name, identifier } of HOSTILE_NAMES) {
      const label = JSON.stringify(name).slice(0, 40);
      it(`${label}: ${identifier === "ok" ? "accepted, and stays a name in every statement" : "refused where it stands"}`, () => {
        const failures = failuresOf({
          schemas: [{ name, tables: [name], functions: [`${name}(integer)`] }],
        });
        if (identifier !== "ok") {
          assert.deepEqual(
            failures.map((f) => f.property),
            ["schemas[0].name", "schemas[0].tables[0]", "schemas[0].functions[0]"],
          );
          for (const f of failures) assert.match(f.reason, identifier);
        } else {
          assert.deepEqual(failures, []);
          const planned = alterStatements(
            "sales_share",
            { schemas: [], publicAccessible: false },
            declaredContents([{ name, tables: [name], functions: [`${name}(integer)`] }], false),
          );
          assert.deepEqual(
            planned.map((p) => parseStatement(p.sql)),
            [
              {
                kind: "alterDatashareObjects",
                name: "sales_share",
                action: "add",
                objects: [{ type: "schema", schema: name }],
              },
              {
                kind: "alterDatashareObjects",
                name: "sales_share",
                action: "add",
                objects: [{ type: "table", schema: name, table: name }],
              },
              {
                kind: "alterDatashareObjects",
                name: "sales_share",
                action: "add",
                objects: [{ type: "function", schema: name, name, argTypes: ["integer"] }],
              },
            ],
          );
        }
        const shareFailures = failuresOf({ name }).filter((f) => f.property === "name");
        assert.equal(shareFailures.length, dataShareNameProblem(name) === undefined ? 0 : 1);
        if (shareFailures.length === 0) {
          assert.deepEqual(parseStatement(createStatement(name, false)), { kind: "createDatashare", name });
        }
      });
    }
  });
});
