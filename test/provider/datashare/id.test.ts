import * as assert from "node:assert/strict";
import { canonicalKey, formatId, keyOf, parseId } from "../../../provider/datashare/id";
import { HOSTILE_NAMES } from "../../fixtures/hostileNames";

describe("DataShare ID", () => {
  it("is <target>,<database>,<name>,<region>, for a cluster or a workgroup", () => {
    const cluster = keyOf(
      { clusterIdentifier: "producer-cluster", database: "dev" },
      "sales_share",
      "us-east-1",
    );
    assert.equal(formatId(cluster), "cluster:producer-cluster,dev,sales_share,us-east-1");
    const workgroup = keyOf({ workgroupName: "producer-wg", database: "dev" }, "sales_share", "eu-west-1");
    assert.equal(formatId(workgroup), "workgroup:producer-wg,dev,sales_share,eu-west-1");
    assert.deepEqual(parseId(formatId(workgroup)), workgroup);
  });

  it("takes an import ID without the region", () => {
    assert.deepEqual(parseId("cluster:c1,dev,sales_share"), {
      target: { clusterIdentifier: "c1" },
      database: "dev",
      name: "sales_share",
    });
  });

  it("refuses an ID of another form, saying the expected one", () => {
    const message = (id: string): string => {
      try {
        parseId(id);
      } catch (e) {
        return (e as Error).message;
      }
      return assert.fail(`${id} was accepted`);
    };
    assert.match(message("sales_share"), /DataShare ID .* expected <target>,<database>,<name>\[,<region>\]/);
    assert.match(message("db:c1,dev,sales_share"), /cluster:<id> or workgroup:<name>/);
  });

  it("keys the live datashare by where it lives and its name, not by the database the statements use", () => {
    const a = keyOf({ clusterIdentifier: "c1", database: "dev" }, "s", "us-east-1");
    const b = keyOf({ clusterIdentifier: "c1", database: "other", dbUser: "admin" }, "s", "us-east-1");
    assert.equal(canonicalKey(a), canonicalKey(b));
    assert.notEqual(canonicalKey(a), canonicalKey({ ...a, region: "eu-west-1" }));
    assert.notEqual(
      canonicalKey(a),
      canonicalKey(keyOf({ workgroupName: "c1", database: "dev" }, "s", "us-east-1")),
    );
  });

  it("round-trips every name of the hostile corpus but the empty one", () => {
    for (const { name } of HOSTILE_NAMES.filter((n) => n.name !== "")) {
      const key = keyOf({ clusterIdentifier: "c1", database: name }, name, "us-east-1");
      assert.deepEqual(parseId(formatId(key)), key, JSON.stringify(name));
    }
  });
});
