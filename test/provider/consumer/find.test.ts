import * as assert from "node:assert/strict";
import { collectEvidence, matchAssociation } from "../../../provider/consumer/find";
import { LiveAssociation, LiveDataShare } from "../../../provider/core/types";
import { AssociationKey } from "../../../provider/consumer/types";
import { CONSUMER_ACCOUNT, DATASHARE, NAMESPACE, PRODUCER_ACCOUNT, SERVERLESS } from "../../fixtures/arns";

const share = (...associations: LiveAssociation[]): LiveDataShare => ({
  dataShareArn: DATASHARE,
  producerArn: "arn:aws:redshift:us-east-1:111122223333:namespace:a1b2c3d4-0000-4000-8000-000000000001",
  allowPubliclyAccessibleConsumers: false,
  associations,
});
const account = (status = "ACTIVE"): LiveAssociation => ({ consumerIdentifier: CONSUMER_ACCOUNT, status });
const namespace = (arn = NAMESPACE, status = "ACTIVE"): LiveAssociation => ({
  consumerIdentifier: arn,
  status,
});
const region = (r: string, status = "ACTIVE"): LiveAssociation => ({
  consumerIdentifier: CONSUMER_ACCOUNT,
  consumerRegion: r,
  status,
});

const ACCOUNT_KEY: AssociationKey = { dataShareArn: DATASHARE, target: { kind: "account" } };
const NS_KEY: AssociationKey = {
  dataShareArn: DATASHARE,
  target: { kind: "namespace", consumerArn: NAMESPACE },
};
const REGION_KEY: AssociationKey = {
  dataShareArn: DATASHARE,
  target: { kind: "region", consumerRegion: "us-west-2" },
};

describe("matching an association in DescribeDataShares", () => {
  it("finds an entire-account association by the caller's account, not the producer's", () => {
    const m = matchAssociation([share(account())], ACCOUNT_KEY, CONSUMER_ACCOUNT);
    assert.ok(m.found);
    assert.equal(m.association.consumerIdentifier, CONSUMER_ACCOUNT);
    assert.equal(matchAssociation([share(account())], ACCOUNT_KEY, PRODUCER_ACCOUNT).found, false);
  });

  it("does not take the AVAILABLE placeholder for an entire-account association", () => {
    assert.deepEqual(matchAssociation([share(account("AVAILABLE"))], ACCOUNT_KEY, CONSUMER_ACCOUNT), {
      found: false,
      reason: "association-gone",
    });
  });

  it("does not take a region association for an entire-account association", () => {
    const m = matchAssociation([share(region("us-west-2"))], ACCOUNT_KEY, CONSUMER_ACCOUNT);
    assert.equal(m.found, false);
  });

  it("matches a namespace ARN whatever its case", () => {
    const m = matchAssociation([share(namespace(NAMESPACE.toUpperCase()))], NS_KEY, CONSUMER_ACCOUNT);
    assert.ok(m.found);
  });

  it("does not match another namespace", () => {
    assert.equal(matchAssociation([share(namespace(SERVERLESS))], NS_KEY, CONSUMER_ACCOUNT).found, false);
  });

  it("matches a region association by region and caller", () => {
    assert.ok(matchAssociation([share(region("US-WEST-2"))], REGION_KEY, CONSUMER_ACCOUNT).found);
    assert.equal(matchAssociation([share(region("us-east-1"))], REGION_KEY, CONSUMER_ACCOUNT).found, false);
    const elsewhere = { consumerIdentifier: "777788889999", consumerRegion: "us-west-2", status: "ACTIVE" };
    assert.equal(matchAssociation([share(elsewhere)], REGION_KEY, CONSUMER_ACCOUNT).found, false);
  });

  it("keeps a DEAUTHORIZED association, with its status", () => {
    const m = matchAssociation([share(namespace(NAMESPACE, "DEAUTHORIZED"))], NS_KEY, CONSUMER_ACCOUNT);
    assert.ok(m.found);
    assert.equal(m.association.status, "DEAUTHORIZED");
  });

  it("prefers an ACTIVE entry, then the newest, when several match", () => {
    const old = { ...namespace(NAMESPACE, "REJECTED"), statusChangeDate: "2024-01-01T00:00:00.000Z" };
    const active = { ...namespace(), statusChangeDate: "2023-01-01T00:00:00.000Z" };
    const m = matchAssociation([share(old, active)], NS_KEY, CONSUMER_ACCOUNT);
    assert.ok(m.found);
    assert.equal(m.association.status, "ACTIVE");
    const newer = { ...namespace(NAMESPACE, "DEAUTHORIZED"), statusChangeDate: "2025-01-01T00:00:00.000Z" };
    const n = matchAssociation([share(old, newer)], NS_KEY, CONSUMER_ACCOUNT);
    assert.ok(n.found);
    assert.equal(n.association.status, "DEAUTHORIZED");
  });

  it("merges the entries of a datashare listed on several pages", () => {
    const m = matchAssociation([share(account("AVAILABLE")), share(namespace())], NS_KEY, CONSUMER_ACCOUNT);
    assert.ok(m.found);
  });

  it("reports the datashare gone when it is not listed", () => {
    assert.deepEqual(matchAssociation([], NS_KEY, CONSUMER_ACCOUNT), {
      found: false,
      reason: "datashare-gone",
    });
    const other = { ...share(namespace()), dataShareArn: DATASHARE.replace("sales", "other") };
    assert.deepEqual(matchAssociation([other], NS_KEY, CONSUMER_ACCOUNT), {
      found: false,
      reason: "datashare-gone",
    });
  });

  it("says in plain words when an entire-account association replaced a namespace association", () => {
    const m = matchAssociation([share(account())], NS_KEY, CONSUMER_ACCOUNT);
    assert.equal(m.found, false);
    assert.ok(!m.found && m.reason === "superseded");
    assert.match(m.message, /replaced by an association with the entire account 444455556666/);
  });

  it("says in plain words when namespace associations replaced an entire-account association", () => {
    const m = matchAssociation([share(namespace(SERVERLESS))], ACCOUNT_KEY, CONSUMER_ACCOUNT);
    assert.ok(!m.found && m.reason === "superseded");
    assert.match(m.message, /replaced by namespace\/region associations \(.*namespace\/c0ffee00/);
  });
});

describe("evidence for a refused association", () => {
  it("shows the caller's status and the producer's write setting", () => {
    const ev = collectEvidence(
      [share({ ...account("AVAILABLE"), producerAllowedWrites: false })],
      NS_KEY,
      CONSUMER_ACCOUNT,
      true,
    );
    assert.equal(ev.dataShareVisible, true);
    assert.equal(ev.callerStatus, "AVAILABLE");
    assert.equal(ev.producerAllowedWrites, false);
    assert.equal(ev.producerAccount, PRODUCER_ACCOUNT);
  });

  it("says the datashare is not visible when DescribeDataShares listed nothing", () => {
    assert.equal(collectEvidence([], NS_KEY, CONSUMER_ACCOUNT, false).dataShareVisible, false);
  });

  it("does not claim the datashare is missing when DescribeDataShares could not be asked", () => {
    assert.equal(collectEvidence(undefined, NS_KEY, CONSUMER_ACCOUNT, false).dataShareVisible, true);
  });
});
