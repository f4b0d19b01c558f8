import { strict as assert } from "node:assert";
import { ConsumerRow, findGrant, ShareRow } from "../../../provider/grant/find";

const PRODUCER = "111122223333";
const CONSUMER = "444455556666";
const NAMESPACE = "13b8833d-17c6-4f16-8fe4-1a018f5ed00d";
const share: ShareRow = {
  shareName: "sales",
  shareType: "OUTBOUND",
  producerAccount: PRODUCER,
  producerNamespace: "a1b2c3d4-0000-4000-8000-000000000001",
};
const accountRow: ConsumerRow = { shareName: "sales", consumerAccount: CONSUMER };
const namespaceRow: ConsumerRow = {
  shareName: "sales",
  consumerAccount: PRODUCER,
  consumerNamespace: NAMESPACE,
};

describe("DataShareGrant find: the grant in SVV_DATASHARE_CONSUMERS", () => {
  it("when the datashare is not listed as the producer's own, the share is gone", () => {
    assert.deepEqual(findGrant([{ ...share, shareType: "INBOUND" }], [accountRow], "sales", CONSUMER), {
      found: false,
      reason: "datashare-gone",
    });
    assert.equal(findGrant([], [], "sales", CONSUMER).found, false);
  });

  it("an account grant is the account's row without a namespace", () => {
    const m = findGrant([share], [namespaceRow, accountRow], "sales", CONSUMER);
    assert.ok(m.found);
    assert.equal(m.row, accountRow);
  });

  it("an empty consumer_namespace counts as none", () => {
    const row = { ...accountRow, consumerNamespace: "" };
    assert.ok(findGrant([share], [row], "sales", CONSUMER).found);
  });

  it("a namespace grant is the row naming the namespace, in any case", () => {
    const upper = { ...namespaceRow, consumerNamespace: NAMESPACE.toUpperCase() };
    assert.ok(findGrant([share], [upper], "sales", NAMESPACE).found);
  });

  it("a namespace grant does not stand for an account grant of the producer's account, nor the reverse", () => {
    assert.deepEqual(findGrant([share], [namespaceRow], "sales", PRODUCER), {
      found: false,
      reason: "revoked",
      share,
    });
    assert.equal(findGrant([share], [accountRow], "sales", NAMESPACE).found, false);
  });

  it("a Data Catalog grantee reads as present when its account has a row (the view cannot tell the forms apart)", () => {
    assert.ok(findGrant([share], [accountRow], "sales", `DataCatalog/${CONSUMER}`).found);
  });

  it("a row of another datashare is not this grant", () => {
    const other = { ...accountRow, shareName: "marketing" };
    assert.deepEqual(findGrant([share], [other], "sales", CONSUMER), {
      found: false,
      reason: "revoked",
      share,
    });
  });

  it("datashare names compare as Redshift folds them", () => {
    assert.ok(findGrant([{ ...share, shareName: "SALES" }], [accountRow], "sales", CONSUMER).found);
  });
});
