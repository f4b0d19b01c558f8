import * as assert from "node:assert/strict";
import { diffAuthorization } from "../../../provider/authorization/diff";
import { formatId } from "../../../provider/authorization/id";
import { DataShareAuthorizationOutputs } from "../../../provider/authorization/types";
import { UNKNOWN } from "../../../provider/core/types";
import { CONSUMER_ACCOUNT, DATASHARE } from "../../fixtures/arns";

const OTHER_SHARE = DATASHARE.replace("/sales", "/marketing");
const ID = formatId({ dataShareArn: DATASHARE, consumerIdentifier: CONSUMER_ACCOUNT });
const live: DataShareAuthorizationOutputs = {
  dataShareArn: DATASHARE,
  consumerIdentifier: CONSUMER_ACCOUNT,
  region: "us-east-1",
  status: "AUTHORIZED",
  producerAllowedWrites: false,
};
const declared = { dataShareArn: DATASHARE, consumerIdentifier: CONSUMER_ACCOUNT };

interface Row {
  when: string;
  olds?: Partial<DataShareAuthorizationOutputs>;
  news?: Record<string, unknown>;
  /** undefined: nothing to do. */
  plan?: "update" | "replace";
  replaces?: string[];
  /** Live-only drift (inputs equal): the provider must say "changes" itself. */
  liveOnly?: boolean;
}

const table: Row[] = [
  { when: "nothing changed" },
  { when: "the consumer has associated the share (ACTIVE)", olds: { ...live, status: "ACTIVE" } },
  { when: "allowWrites is false where it was unset", news: { ...declared, allowWrites: false } },
  {
    when: "the datashare ARN differs only in the case of its namespace GUID",
    news: { ...declared, dataShareArn: DATASHARE.replace(/[0-9a-f-]{36}/, (g) => g.toUpperCase()) },
  },
  { when: "the region argument names the region in use", news: { ...declared, region: "us-east-1" } },
  { when: "the region argument is removed (the one in use stays)", olds: { ...live, region: "eu-west-1" } },
  {
    when: "the datashare changes",
    news: { ...declared, dataShareArn: OTHER_SHARE },
    plan: "replace",
    replaces: ["dataShareArn"],
  },
  {
    when: "the consumer changes",
    news: { ...declared, consumerIdentifier: "777788889999" },
    plan: "replace",
    replaces: ["consumerIdentifier"],
  },
  {
    when: "the consumer becomes the same account's Lake Formation catalog",
    news: { ...declared, consumerIdentifier: `DataCatalog/${CONSUMER_ACCOUNT}` },
    plan: "replace",
    replaces: ["consumerIdentifier"],
  },
  {
    when: "a declared region differs from the one in use (same authorization: created first, adopted)",
    news: { ...declared, region: "us-west-2" },
    plan: "replace",
    replaces: ["region"],
  },
  { when: "writes are turned on", news: { ...declared, allowWrites: true }, plan: "update" },
  {
    when: "writes are turned off",
    olds: { ...live, allowWrites: true, producerAllowedWrites: true },
    news: declared,
    plan: "update",
  },
  {
    when: "writes were turned on out of band and recorded by a refresh",
    olds: { ...live, producerAllowedWrites: true },
    plan: "update",
    liveOnly: true,
  },
  {
    when: "the consumer rejected the share",
    olds: { ...live, status: "REJECTED" },
    plan: "update",
    liveOnly: true,
  },
  {
    when: "the datashare and writes change together",
    news: { ...declared, dataShareArn: OTHER_SHARE, allowWrites: true },
    plan: "replace",
    replaces: ["dataShareArn"],
  },
  {
    when: "the datashare is unknown (preview)",
    news: { ...declared, dataShareArn: UNKNOWN },
    plan: "replace",
    replaces: ["dataShareArn"],
  },
  {
    when: "the consumer is unknown (preview)",
    news: { ...declared, consumerIdentifier: UNKNOWN },
    plan: "replace",
    replaces: ["consumerIdentifier"],
  },
  { when: "allowWrites is unknown (preview)", news: { ...declared, allowWrites: UNKNOWN }, plan: "update" },
];

describe("DataShareAuthorization diff", () => {
  for (const row of table) {
    it(`when ${row.when}, diff plans ${row.plan ?? "nothing"}`, () => {
      const d = diffAuthorization({ id: ID, olds: row.olds ?? live, news: row.news ?? declared });
      if (row.plan === undefined) {
        assert.deepEqual(d, { changes: false, replaces: [], deleteBeforeReplace: false, inPlace: [] });
        return;
      }
      assert.notEqual(d.changes, false);
      assert.deepEqual(d.replaces, row.replaces ?? []);
      assert.equal(d.deleteBeforeReplace, false, "an authorization is always replaced create first");
      if (row.liveOnly) assert.equal(d.changes, true, "live-only drift must be reported as changes");
    });
  }

  it("an ID that cannot be parsed falls back to the recorded inputs", () => {
    const d = diffAuthorization({ id: "legacy", olds: live, news: declared });
    assert.equal(d.changes, false);
  });
});
