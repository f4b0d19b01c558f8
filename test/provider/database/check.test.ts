import * as assert from "node:assert/strict";
import { UNKNOWN } from "../../../provider/core/types";
import { checkInputs } from "../../../provider/database/check";
import { createDatabaseSql, dropDatabaseSql } from "../../../provider/database/statements";
import { HOSTILE_NAMES } from "../../fixtures/hostileNames";

const NS = "a1b2c3d4-0000-4000-8000-000000000001";
const ARN = `arn:aws:redshift:us-east-1:111122223333:datashare:${NS}/sales`;
const declared = {
  name: "shared_sales",
  dataShareArn: ARN,
  clusterIdentifier: "consumer-cluster",
  database: "dev",
};

const failures = (news: Record<string, unknown>) => checkInputs(news).failures;
const properties = (news: Record<string, unknown>) => failures(news).map((f) => f.property);

describe("DataShareDatabase check", () => {
  it("accepts the declared inputs, a workgroup, a secret, and values still unknown", () => {
    assert.deepEqual(failures(declared), []);
    assert.deepEqual(
      failures({ ...declared, clusterIdentifier: undefined, workgroupName: "consumer-workgroup" }),
      [],
    );
    assert.deepEqual(failures({ ...declared, withPermissions: true, region: "us-east-1" }), []);
    assert.deepEqual(failures({ ...declared, name: UNKNOWN, dataShareArn: UNKNOWN }), []);
  });

  it("requires name and dataShareArn, naming them", () => {
    assert.deepEqual(properties({ ...declared, name: undefined }), ["name"]);
    assert.deepEqual(properties({ ...declared, dataShareArn: undefined }), ["dataShareArn"]);
  });

  it("refuses a database name equal to the database the statements connect to", () => {
    const [f] = failures({ ...declared, name: "dev" });
    assert.equal(f.property, "name");
    assert.match(f.reason, /the database the statements connect to/);
  });

  it("refuses a malformed datashare ARN, a datashare name no ARN can carry, and a non-boolean withPermissions", () => {
    assert.deepEqual(
      properties({ ...declared, dataShareArn: "arn:aws:redshift:us-east-1:1:datashare:x/y" }),
      ["dataShareArn"],
    );
    assert.deepEqual(properties({ ...declared, dataShareArn: ARN.replace("/sales", "/Sales") }), [
      "dataShareArn",
    ]);
    assert.deepEqual(properties({ ...declared, withPermissions: "yes" }), ["withPermissions"]);
  });

  it("checks the target inputs through the core (cluster xor workgroup, database)", () => {
    assert.deepEqual(properties({ ...declared, workgroupName: "consumer-workgroup" }), ["workgroupName"]);
    assert.deepEqual(properties({ ...declared, database: undefined }), ["database"]);
  });

  it("refuses a region of another partition than the datashare's", () => {
    assert.deepEqual(properties({ ...declared, region: "cn-north-1" }), ["region"]);
  });

  describe("over the hostile corpus", () => {
    for (const hostile of HOSTILE_NAMES) {
      const label = JSON.stringify(hostile.name).slice(0, 40);
      it(`name ${label}: ${hostile.identifier === "ok" && !hostile.literalRefused ? "accepted and written as one quoted name" : "refused, naming name"}`, () => {
        const found = failures({ ...declared, name: hostile.name }).filter((f) => f.property === "name");
        if (hostile.identifier === "ok" && hostile.literalRefused) {
          assert.equal(found.length, 1, JSON.stringify(found));
          assert.match(found[0].reason, /system views/);
        } else if (hostile.identifier === "ok") {
          assert.deepEqual(found, []);
          const quoted = `"${hostile.name.replace(/"/g, '""')}"`;
          assert.equal(dropDatabaseSql(hostile.name), `DROP DATABASE ${quoted}`);
          assert.ok(
            createDatabaseSql({ name: hostile.name, dataShareArn: ARN }).startsWith(
              `CREATE DATABASE ${quoted} FROM`,
            ),
          );
        } else {
          assert.equal(found.length, 1, JSON.stringify(found));
          assert.match(found[0].reason, hostile.identifier);
        }
      });
    }

    it("no hostile datashare name passes in an ARN that check accepts", () => {
      for (const hostile of HOSTILE_NAMES) {
        const arn = ARN.replace("/sales", `/${hostile.name}`);
        if (failures({ ...declared, dataShareArn: arn }).length > 0) continue;
        assert.match(hostile.name, /^[\p{L}\p{N}_$-]+$/u, `accepted ${JSON.stringify(hostile.name)}`);
      }
    });
  });
});
