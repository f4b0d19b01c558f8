import * as assert from "node:assert/strict";
import { checkAuthorizationInputs } from "../../../provider/authorization/check";
import { UNKNOWN } from "../../../provider/core/types";
import { CONSUMER_ACCOUNT, DATASHARE } from "../../fixtures/arns";

const ok = { dataShareArn: DATASHARE, consumerIdentifier: CONSUMER_ACCOUNT };

interface Row {
  when: string;
  news: Record<string, unknown>;
  /** Properties that must fail, each with a fragment of its reason; empty = valid. */
  fails: [string, RegExp][];
}

const table: Row[] = [
  { when: "an account consumer is declared", news: ok, fails: [] },
  { when: "writes are allowed", news: { ...ok, allowWrites: true }, fails: [] },
  { when: "a region is declared", news: { ...ok, region: "us-east-1" }, fails: [] },
  { when: "the consumer is ADX, against AWS", news: { ...ok, consumerIdentifier: "ADX" }, fails: [] },
  {
    when: "the consumer is a Lake Formation catalog, against AWS",
    news: { ...ok, consumerIdentifier: `DataCatalog/${CONSUMER_ACCOUNT}` },
    fails: [],
  },
  {
    when: "values are still unknown (preview)",
    news: { dataShareArn: UNKNOWN, consumerIdentifier: UNKNOWN, allowWrites: UNKNOWN, region: UNKNOWN },
    fails: [],
  },
  {
    when: "the datashare ARN is missing",
    news: { consumerIdentifier: CONSUMER_ACCOUNT },
    fails: [["dataShareArn", /is required: the ARN of the datashare to authorize/]],
  },
  {
    when: "the datashare ARN is empty",
    news: { ...ok, dataShareArn: "" },
    fails: [["dataShareArn", /must not be empty/]],
  },
  {
    when: "the datashare ARN is a namespace ARN",
    news: {
      ...ok,
      dataShareArn: DATASHARE.replace(/datashare:.*$/, "namespace:a1b2c3d4-0000-4000-8000-000000000001"),
    },
    fails: [["dataShareArn", /not "datashare"/]],
  },
  {
    when: "the consumer is missing",
    news: { dataShareArn: DATASHARE },
    fails: [["consumerIdentifier", /is required: a 12-digit AWS account ID .*"ADX".*DataCatalog/]],
  },
  {
    when: "the consumer has 11 digits",
    news: { ...ok, consumerIdentifier: "44445555666" },
    fails: [["consumerIdentifier", /must be a 12-digit AWS account ID.*got "44445555666"/]],
  },
  {
    when: "the consumer keyword is in lower case",
    news: { ...ok, consumerIdentifier: "adx" },
    fails: [["consumerIdentifier", /the keyword is written "ADX"/]],
  },
  {
    when: "the catalog account is not 12 digits",
    news: { ...ok, consumerIdentifier: "DataCatalog/123" },
    fails: [["consumerIdentifier", /followed by 12 digits/]],
  },
  {
    when: "the consumer is a namespace ARN",
    news: {
      ...ok,
      consumerIdentifier:
        "arn:aws:redshift:us-east-1:444455556666:namespace:c0ffee00-0000-4000-8000-000000000001",
    },
    fails: [["consumerIdentifier", /authorize its account/]],
  },
  {
    when: "the consumer is a number",
    news: { ...ok, consumerIdentifier: 444455556666 },
    fails: [["consumerIdentifier", /must be a string, got number 444455556666/]],
  },
  {
    when: "allowWrites is a string",
    news: { ...ok, allowWrites: "yes" },
    fails: [["allowWrites", /must be a boolean \(true or false\), got the string "yes"/]],
  },
  {
    when: "the region is not a region name",
    news: { ...ok, region: "useast1" },
    fails: [["region", /not an AWS region name/]],
  },
  {
    when: "the region is in another partition than the datashare",
    news: { ...ok, region: "cn-north-1" },
    fails: [["region", /partition aws-cn but dataShareArn is in partition aws/]],
  },
  {
    when: "everything is wrong at once",
    news: { dataShareArn: "x", consumerIdentifier: "y", allowWrites: 1, region: "" },
    fails: [
      ["dataShareArn", /is invalid/],
      ["consumerIdentifier", /must be/],
      ["allowWrites", /must be a boolean/],
      ["region", /must not be empty; leave it unset instead/],
    ],
  },
];

describe("DataShareAuthorization check", () => {
  for (const row of table) {
    const verdict = row.fails.length === 0 ? "accepts" : `rejects ${row.fails.map(([p]) => p).join(", ")}`;
    it(`when ${row.when}, check ${verdict}`, () => {
      const { inputs, failures } = checkAuthorizationInputs(row.news);
      assert.equal(inputs, row.news);
      assert.deepEqual(
        failures.map((f) => f.property),
        row.fails.map(([p]) => p),
        JSON.stringify(failures),
      );
      row.fails.forEach(([, reason], i) => assert.match(failures[i].reason, reason));
    });
  }

  it("no reason repeats the name of the property it is about (the engine prints it already)", () => {
    for (const row of table) {
      for (const f of checkAuthorizationInputs(row.news).failures) {
        assert.ok(!f.reason.startsWith(f.property), `${f.property}: ${f.reason}`);
        assert.ok(!new RegExp(`\\b${f.property} (is|must)\\b`).test(f.reason), `${f.property}: ${f.reason}`);
      }
    }
  });
});
