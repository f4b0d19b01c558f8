import * as assert from "node:assert/strict";
import { AssociationKey, LiveAssociation, explainAbsence } from "../../provider";

const SHARE = "arn:aws:redshift:us-east-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/sales";
const NS = "arn:aws:redshift:us-east-1:444455556666:namespace:c0ffee00-0000-4000-8000-000000000001";
const CALLER = "444455556666";
const nsKey: AssociationKey = { dataShareArn: SHARE, target: { kind: "namespace", consumerArn: NS } };
const accountKey: AssociationKey = { dataShareArn: SHARE, target: { kind: "account" } };

const lookup = (...associations: LiveAssociation[]) => ({
  missing: false as const,
  callerAccount: CALLER,
  dataShares: [{ dataShareArn: SHARE, associations }],
});

describe("explainAbsence", () => {
  it("when the ARN does not exist, the datashare is gone", () => {
    assert.deepEqual(explainAbsence(nsKey, { missing: true }), { kind: "datashare-gone" });
  });

  it("when the datashare is not in the answer, the datashare is gone", () => {
    assert.deepEqual(explainAbsence(nsKey, { missing: false, callerAccount: CALLER, dataShares: [] }), {
      kind: "datashare-gone",
    });
  });

  it("when only the AVAILABLE offer is left, the association was disassociated", () => {
    assert.deepEqual(explainAbsence(nsKey, lookup({ consumerIdentifier: CALLER, status: "AVAILABLE" })), {
      kind: "disassociated",
    });
  });

  it("when an entire-account association took the namespace's place, it was superseded", () => {
    const cause = explainAbsence(nsKey, lookup({ consumerIdentifier: CALLER, status: "ACTIVE" }));
    assert.deepEqual(cause, { kind: "superseded", by: `an entire-account association of ${CALLER}` });
  });

  it("when namespace associations took the account's place, it was superseded and names them", () => {
    const cause = explainAbsence(accountKey, lookup({ consumerIdentifier: NS, status: "ACTIVE" }));
    assert.deepEqual(cause, { kind: "superseded", by: `namespace/region associations (${NS})` });
  });

  for (const status of ["DEAUTHORIZED", "REJECTED"]) {
    it(`when only a ${status} account-level entry is left, the share is not authorized (not superseded)`, () => {
      assert.deepEqual(explainAbsence(nsKey, lookup({ consumerIdentifier: CALLER, status })), {
        kind: "not-authorized",
        status,
      });
    });
  }

  it("when only a DEAUTHORIZED namespace entry is left, an entire-account resource is not superseded", () => {
    assert.deepEqual(explainAbsence(accountKey, lookup({ consumerIdentifier: NS, status: "DEAUTHORIZED" })), {
      kind: "not-authorized",
      status: "DEAUTHORIZED",
    });
  });

  it("when nothing of the caller is left, the share is no longer authorized", () => {
    assert.deepEqual(explainAbsence(nsKey, lookup()), { kind: "not-authorized" });
  });

  it("when the association is back by the time of the look-up, it is present", () => {
    assert.deepEqual(explainAbsence(nsKey, lookup({ consumerIdentifier: NS, status: "ACTIVE" })), {
      kind: "present",
    });
  });
});
