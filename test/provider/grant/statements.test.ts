import { strict as assert } from "node:assert";
import { parseStatement } from "../../../emulator/sql/grammar";
import { dataShareNameProblem, SqlValueError } from "../../../provider/core/sql";
import { grantStatement, revokeStatement } from "../../../provider/grant/statements";
import { HOSTILE_NAMES as HOSTILE } from "../../fixtures/hostileNames";

const HOSTILE_NAMES = HOSTILE.map((h) => h.name);

const ACCOUNT = "444455556666";
const NAMESPACE = "13b8833d-17c6-4f16-8fe4-1a018f5ed00d";

describe("DataShareGrant statements", () => {
  it("grant to an account", () => {
    assert.equal(
      grantStatement({ dataShareName: "sales", consumerIdentifier: ACCOUNT }),
      `GRANT USAGE ON DATASHARE "sales" TO ACCOUNT '${ACCOUNT}'`,
    );
  });

  it("grant to an account via the Data Catalog", () => {
    assert.equal(
      grantStatement({ dataShareName: "sales", consumerIdentifier: `DataCatalog/${ACCOUNT}` }),
      `GRANT USAGE ON DATASHARE "sales" TO ACCOUNT '${ACCOUNT}' VIA DATA CATALOG`,
    );
  });

  it("grant to a namespace", () => {
    assert.equal(
      grantStatement({ dataShareName: "sales", consumerIdentifier: NAMESPACE }),
      `GRANT USAGE ON DATASHARE "sales" TO NAMESPACE '${NAMESPACE}'`,
    );
  });

  it("revoke from each form", () => {
    assert.equal(
      revokeStatement({ dataShareName: "sales", consumerIdentifier: ACCOUNT }),
      `REVOKE USAGE ON DATASHARE "sales" FROM ACCOUNT '${ACCOUNT}'`,
    );
    assert.equal(
      revokeStatement({ dataShareName: "sales", consumerIdentifier: `DataCatalog/${ACCOUNT}` }),
      `REVOKE USAGE ON DATASHARE "sales" FROM ACCOUNT '${ACCOUNT}' VIA DATA CATALOG`,
    );
    assert.equal(
      revokeStatement({ dataShareName: "sales", consumerIdentifier: NAMESPACE }),
      `REVOKE USAGE ON DATASHARE "sales" FROM NAMESPACE '${NAMESPACE}'`,
    );
  });

  it("a grantee that is none of the forms is refused naming consumerIdentifier", () => {
    for (const bad of [
      "ADX",
      "arn:aws:redshift:us-east-1:1:namespace:x",
      "4444' or '1",
      NAMESPACE.toUpperCase(),
    ]) {
      assert.throws(
        () => grantStatement({ dataShareName: "sales", consumerIdentifier: bad }),
        (e: unknown) => e instanceof SqlValueError && e.property === "consumerIdentifier",
      );
    }
  });

  for (const name of HOSTILE_NAMES) {
    const label = JSON.stringify(name.slice(0, 24));
    if (dataShareNameProblem(name) === undefined) {
      it(`${label} is quoted so that the emulator's grammar reads back exactly that grant`, () => {
        for (const [consumerIdentifier, grantee] of [
          [ACCOUNT, { kind: "account", account: ACCOUNT, viaDataCatalog: false }],
          [`DataCatalog/${ACCOUNT}`, { kind: "account", account: ACCOUNT, viaDataCatalog: true }],
          [NAMESPACE, { kind: "namespace", namespace: NAMESPACE }],
        ] as const) {
          const g = { dataShareName: name, consumerIdentifier };
          assert.deepEqual(parseStatement(grantStatement(g)), { kind: "grantUsage", name, grantee });
          assert.deepEqual(parseStatement(revokeStatement(g)), { kind: "revokeUsage", name, grantee });
        }
      });
    } else {
      it(`${label} is refused naming dataShareName, before any statement exists`, () => {
        assert.throws(
          () => grantStatement({ dataShareName: name, consumerIdentifier: ACCOUNT }),
          (e: unknown) => e instanceof SqlValueError && e.property === "dataShareName",
        );
      });
    }
  }
});
