import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../../provider/core/types";
import { checkGrantInputs } from "../../../provider/grant/check";
import { grantStatement } from "../../../provider/grant/statements";
import { HOSTILE_NAMES as HOSTILE } from "../../fixtures/hostileNames";

const HOSTILE_NAMES = HOSTILE.map((h) => h.name);

const ACCOUNT = "444455556666";
const NAMESPACE = "13b8833d-17c6-4f16-8fe4-1a018f5ed00d";
const base = {
  clusterIdentifier: "producer",
  database: "dev",
  dataShareName: "sales",
  consumerIdentifier: ACCOUNT,
};

const failures = (inputs: Record<string, unknown>) => checkGrantInputs(inputs).failures;
const properties = (inputs: Record<string, unknown>) => failures(inputs).map((f) => f.property);

describe("DataShareGrant check", () => {
  it("accepts each grantee form, on a cluster or a workgroup", () => {
    for (const consumerIdentifier of [ACCOUNT, `DataCatalog/${ACCOUNT}`, NAMESPACE]) {
      assert.deepEqual(failures({ ...base, consumerIdentifier }), []);
      const { clusterIdentifier: _c, ...rest } = base;
      assert.deepEqual(failures({ ...rest, workgroupName: "producer-wg", consumerIdentifier }), []);
    }
  });

  it("dataShareName and consumerIdentifier are required, each named with what is allowed", () => {
    const f = failures({ clusterIdentifier: "producer", database: "dev" });
    assert.deepEqual(
      f.map((x) => x.property),
      ["dataShareName", "consumerIdentifier"],
    );
    assert.match(f[1].reason, /12-digit AWS account ID.*DataCatalog\/<12-digit account ID>.*namespace GUID/);
  });

  it("the target inputs are checked by the core (one cluster or workgroup, a database)", () => {
    assert.ok(
      properties({ dataShareName: "sales", consumerIdentifier: ACCOUNT }).includes("clusterIdentifier"),
    );
    assert.ok(properties({ ...base, workgroupName: "wg-one" }).includes("workgroupName"));
    assert.ok(properties({ ...base, database: undefined }).includes("database"));
  });

  for (const [bad, hint] of [
    ["datacatalog/444455556666", /written "DataCatalog\/"/],
    [NAMESPACE.toUpperCase(), /lower case/],
    [`arn:aws:redshift:us-east-1:${ACCOUNT}:namespace:${NAMESPACE}`, /not its ARN/],
    ["ADX", /Data Exchange/],
    ["44445555666", /must be a 12-digit/],
  ] as const) {
    it(`refuses consumerIdentifier ${JSON.stringify(bad)}, saying the three forms`, () => {
      const f = failures({ ...base, consumerIdentifier: bad });
      assert.equal(f.length, 1);
      assert.equal(f[0].property, "consumerIdentifier");
      assert.match(f[0].reason, /12-digit AWS account ID.*DataCatalog.*namespace GUID/);
      assert.match(f[0].reason, hint);
    });
  }

  it("a consumerIdentifier that is not a string is refused", () => {
    assert.deepEqual(properties({ ...base, consumerIdentifier: 444455556666 }), ["consumerIdentifier"]);
  });

  it("unknown values pass at preview", () => {
    assert.deepEqual(failures({ ...base, dataShareName: UNKNOWN, consumerIdentifier: UNKNOWN }), []);
  });

  describe("over the hostile corpus", () => {
    for (const name of HOSTILE_NAMES) {
      const label = JSON.stringify(name.slice(0, 24));
      it(`dataShareName ${label}: refused naming dataShareName, or accepted and quoted`, () => {
        const f = failures({ ...base, dataShareName: name });
        if (f.length > 0) {
          assert.deepEqual(
            f.map((x) => x.property),
            ["dataShareName"],
          );
        } else {
          assert.ok(
            grantStatement({ dataShareName: name, consumerIdentifier: ACCOUNT }).includes("GRANT USAGE"),
          );
        }
      });
      it(`consumerIdentifier ${label}: refused naming consumerIdentifier`, () => {
        assert.deepEqual(properties({ ...base, consumerIdentifier: name }), ["consumerIdentifier"]);
      });
    }
  });
});
