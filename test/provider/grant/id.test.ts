import { strict as assert } from "node:assert";
import { canonicalKey, formatId, GrantId, parseId, sameGrant } from "../../../provider/grant/id";
import { dataShareNameProblem } from "../../../provider/core/sql";
import { HOSTILE_NAMES as HOSTILE } from "../../fixtures/hostileNames";

const HOSTILE_NAMES = HOSTILE.map((h) => h.name);

const ACCOUNT = "444455556666";
const NAMESPACE = "13b8833d-17c6-4f16-8fe4-1a018f5ed00d";
const grant: GrantId = {
  target: { clusterIdentifier: "producer", database: "dev" },
  dataShareName: "sales",
  consumerIdentifier: ACCOUNT,
};

describe("DataShareGrant ID", () => {
  it("is <target>,<database>,<dataShareName>,<consumerIdentifier>[,<region>]", () => {
    assert.equal(formatId(grant), `cluster:producer,dev,sales,${ACCOUNT}`);
    assert.equal(
      formatId({ ...grant, target: { workgroupName: "wg", database: "dev", region: "eu-west-1" } }),
      `workgroup:wg,dev,sales,${ACCOUNT},eu-west-1`,
    );
    assert.equal(
      formatId({ ...grant, consumerIdentifier: `DataCatalog/${ACCOUNT}` }),
      `cluster:producer,dev,sales,DataCatalog/${ACCOUNT}`,
    );
  });

  it("round-trips each grantee form, with and without the region", () => {
    for (const consumerIdentifier of [ACCOUNT, `DataCatalog/${ACCOUNT}`, NAMESPACE]) {
      for (const target of [
        { clusterIdentifier: "producer", database: "dev" },
        { workgroupName: "wg-one", database: "dev", region: "us-west-2" },
      ]) {
        const g = { ...grant, target, consumerIdentifier };
        assert.deepEqual(parseId(formatId(g)), g);
      }
    }
  });

  it("round-trips every hostile name the check accepts, as the datashare and the database", () => {
    const accepted = HOSTILE_NAMES.filter((n) => dataShareNameProblem(n) === undefined);
    assert.ok(accepted.length >= 8, String(accepted.length));
    for (const name of [...accepted, "a,b", "100%", "%2C"]) {
      const g = { ...grant, target: { ...grant.target, database: name }, dataShareName: name };
      assert.deepEqual(parseId(formatId(g)), g);
    }
  });

  it("refuses an ID of another form, naming the form", () => {
    for (const bad of [
      "",
      "cluster:producer,dev,sales",
      "db:x,dev,sales,444455556666",
      `cluster:p,dev,sales,ADX`,
    ]) {
      assert.throws(
        () => parseId(bad),
        (e: unknown) => e instanceof Error && /DataShareGrant ID .*(expected|not a 12-digit)/.test(e.message),
      );
    }
  });

  it("the canonical key is the target, the datashare and the grantee: not the database, credentials or region", () => {
    const other = {
      target: { clusterIdentifier: "producer", database: "other", dbUser: "admin", region: "us-east-1" },
      dataShareName: "sales",
      consumerIdentifier: ACCOUNT,
    };
    assert.ok(sameGrant(grant, other));
    assert.ok(sameGrant(grant, { ...grant, dataShareName: "SALES" }));
    assert.ok(!sameGrant(grant, { ...grant, consumerIdentifier: `DataCatalog/${ACCOUNT}` }));
    assert.ok(!sameGrant(grant, { ...grant, target: { workgroupName: "producer", database: "dev" } }));
    assert.ok(!sameGrant(grant, { ...grant, dataShareName: "marketing" }));
    assert.notEqual(
      canonicalKey({ ...grant, dataShareName: "a,b" }),
      canonicalKey({ ...grant, dataShareName: "a" }),
    );
  });
});
