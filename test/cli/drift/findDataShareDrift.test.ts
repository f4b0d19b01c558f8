import * as assert from "node:assert/strict";
import { findDataShareDrift } from "../../../cli/drift/findDataShareDrift";
import { ResourceState } from "../../../cli/drift/findDrift";

const DECLARED = {
  name: "sales_share",
  clusterIdentifier: "producer-cluster",
  database: "dev",
  schemas: [
    {
      name: "sales",
      tables: ["orders", "regions"],
      functions: ["f_net(integer, integer)"],
      includeNew: true,
    },
  ],
};

function state(
  outputs: Record<string, unknown> = {},
  inputs: Record<string, unknown> = DECLARED,
): ResourceState {
  return {
    inputs,
    outputs: {
      ...inputs,
      region: "us-east-1",
      schemas: [
        {
          name: "sales",
          tables: ["orders", "regions"],
          functions: ["f_net(integer,integer)"],
          includeNew: true,
        },
      ],
      publicAccessible: false,
      ...outputs,
    },
  };
}

const summary = (live: ResourceState | undefined, old = state()) =>
  findDataShareDrift(old, live).map((f) => [f.kind, f.property, f.declared, f.live, f.remedy]);

describe("findDataShareDrift", () => {
  it("when the live objects are the declared ones (spelled canonically), finds nothing", () => {
    assert.deepEqual(summary(state()), []);
  });

  it("when the datashare was dropped, its producer's pulumi up creates it again", () => {
    const [finding] = findDataShareDrift(state(), undefined);
    assert.deepEqual(
      [finding.kind, finding.property, finding.declared, finding.live, finding.remedy],
      ["datashare-gone", "name", "sales_share", null, "pulumi-up"],
    );
    assert.match(finding.detail, /DROP DATASHARE/);
  });

  it("names each object removed or added outside Pulumi", () => {
    const live = state({
      schemas: [
        { name: "sales", tables: ["line_items", "orders"], includeNew: true },
        { name: "public", tables: ["customers"] },
      ],
    });
    assert.deepEqual(summary(live), [
      ["datashare-object", "schemas", "table sales.regions", null, "pulumi-up"],
      ["datashare-object", "schemas", null, "table sales.line_items", "pulumi-up"],
      ["datashare-object", "schemas", "function sales.f_net(integer,integer)", null, "pulumi-up"],
      ["datashare-object", "schemas", null, "schema public", "pulumi-up"],
    ]);
  });

  it("a table added to a schema shared with allTables is no drift", () => {
    const inputs = { ...DECLARED, schemas: [{ name: "sales", allTables: true }] };
    const live = state(
      { schemas: [{ name: "sales", tables: ["orders", "new_table"], allTables: true }] },
      inputs,
    );
    assert.deepEqual(summary(live, state({}, inputs)), []);
  });

  it("names INCLUDENEW and PUBLICACCESSIBLE changed outside Pulumi", () => {
    const live = state({
      publicAccessible: true,
      schemas: [{ name: "sales", tables: ["orders", "regions"], functions: ["f_net(integer,integer)"] }],
    });
    assert.deepEqual(summary(live), [
      ["datashare-include-new", "schemas", true, false, "pulumi-up"],
      ["datashare-public-accessible", "publicAccessible", false, true, "pulumi-up"],
    ]);
  });

  it("a schema removed outside Pulumi is one finding", () => {
    assert.deepEqual(summary(state({ schemas: [] })), [
      ["datashare-object", "schemas", "schema sales", null, "pulumi-up"],
    ]);
  });
});
