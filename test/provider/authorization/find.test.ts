import * as assert from "node:assert/strict";
import { driftMessage, findAuthorization } from "../../../provider/authorization/find";
import { LiveAssociation, LiveDataShare } from "../../../provider/core/types";
import { CONSUMER_ACCOUNT, DATASHARE, NAMESPACE } from "../../fixtures/arns";

const key = { dataShareArn: DATASHARE, consumerIdentifier: CONSUMER_ACCOUNT };
const entry = (status: string, more: Partial<LiveAssociation> = {}): LiveAssociation => ({
  consumerIdentifier: CONSUMER_ACCOUNT,
  status,
  statusChangeDate: "2026-01-01T00:00:00.000Z",
  producerAllowedWrites: false,
  ...more,
});
const share = (...associations: LiveAssociation[]): LiveDataShare => ({
  dataShareArn: DATASHARE,
  associations,
});

interface Row {
  when: string;
  shares: LiveDataShare[];
  /** The status found, or why nothing was found. */
  expect: { status: string } | { gone: "datashare-gone" | "not-authorized" };
}

const table: Row[] = [
  {
    when: "the consumer is authorized",
    shares: [share(entry("AUTHORIZED"))],
    expect: { status: "AUTHORIZED" },
  },
  {
    when: "the consumer associated the share",
    shares: [share(entry("ACTIVE"))],
    expect: { status: "ACTIVE" },
  },
  {
    when: "the consumer rejected the share",
    shares: [share(entry("REJECTED"))],
    expect: { status: "REJECTED" },
  },
  {
    when: "the status is one this provider does not know",
    shares: [share(entry("PENDING_ACCEPTANCE"))],
    expect: { status: "PENDING_ACCEPTANCE" },
  },
  {
    when: "the producer deauthorized it",
    shares: [share(entry("DEAUTHORIZED"))],
    expect: { gone: "not-authorized" },
  },
  {
    when: "usage is granted but never authorized",
    shares: [share(entry("PENDING_AUTHORIZATION"))],
    expect: { gone: "not-authorized" },
  },
  {
    when: "only another consumer is authorized",
    shares: [share(entry("AUTHORIZED", { consumerIdentifier: "777788889999" }))],
    expect: { gone: "not-authorized" },
  },
  {
    when: "only a namespace entry of the consumer is listed",
    shares: [share(entry("ACTIVE", { consumerIdentifier: NAMESPACE }))],
    expect: { gone: "not-authorized" },
  },
  {
    when: "only a region entry carries the consumer's account",
    shares: [share(entry("ACTIVE", { consumerRegion: "us-west-2" }))],
    expect: { gone: "not-authorized" },
  },
  { when: "the datashare is not listed", shares: [], expect: { gone: "datashare-gone" } },
  {
    when: "another datashare is listed",
    shares: [{ dataShareArn: DATASHARE.replace("/sales", "/other"), associations: [entry("AUTHORIZED")] }],
    expect: { gone: "datashare-gone" },
  },
  {
    when: "the datashare comes back with its GUID in upper case",
    shares: [{ ...share(entry("AUTHORIZED")), dataShareArn: DATASHARE.toUpperCase() }],
    expect: { status: "AUTHORIZED" },
  },
  {
    when: "the entry is on a second page",
    shares: [share(entry("AUTHORIZED", { consumerIdentifier: "777788889999" })), share(entry("ACTIVE"))],
    expect: { status: "ACTIVE" },
  },
  {
    when: "an old deauthorized entry and a new authorized one are both listed",
    shares: [share(entry("DEAUTHORIZED"), entry("AUTHORIZED", { statusChangeDate: "2026-02-01T00:00:00Z" }))],
    expect: { status: "AUTHORIZED" },
  },
  {
    when: "a rejected and an active entry are both listed",
    shares: [share(entry("REJECTED", { statusChangeDate: "2026-03-01T00:00:00Z" }), entry("ACTIVE"))],
    expect: { status: "ACTIVE" },
  },
];

describe("finding an authorization in DescribeDataShares", () => {
  for (const row of table) {
    const outcome = "status" in row.expect ? `finds it ${row.expect.status}` : `reports ${row.expect.gone}`;
    it(`when ${row.when}, find ${outcome}`, () => {
      const m = findAuthorization(row.shares, key);
      if ("status" in row.expect) {
        assert.ok(m.found);
        assert.equal(m.entry.status, row.expect.status);
      } else {
        assert.ok(!m.found);
        assert.equal(m.reason, row.expect.gone);
      }
    });
  }

  it("a rejection reads as a plain sentence naming the consumer, the share and what happens next", () => {
    const message = driftMessage(key, entry("REJECTED"));
    assert.match(
      message ?? "",
      /^account 444455556666 rejected datashare arn:aws:redshift:.*\/sales since 2026-01-01/,
    );
    assert.match(message ?? "", /next update authorizes it again/);
    assert.equal(driftMessage(key, entry("ACTIVE")), undefined);
  });
});
