import * as assert from "node:assert/strict";
import { checkInputs } from "../../provider/check";
import { UNKNOWN } from "../../provider/types";
import { DATASHARE, NAMESPACE, SERVERLESS } from "./fixtures";

const GOV_SHARE =
  "arn:aws-us-gov:redshift:us-gov-west-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/s";
const CN_SHARE =
  "arn:aws-cn:redshift:cn-north-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/s";

describe("check", () => {
  const accepted: [string, Record<string, unknown>][] = [
    ["an entire-account association", { dataShareArn: DATASHARE, associateEntireAccount: true }],
    ["a provisioned namespace", { dataShareArn: DATASHARE, consumerArn: NAMESPACE }],
    ["a serverless namespace", { dataShareArn: DATASHARE, consumerArn: SERVERLESS }],
    ["a region", { dataShareArn: DATASHARE, consumerRegion: "eu-central-2" }],
    ["a newer region", { dataShareArn: DATASHARE, consumerRegion: "ap-southeast-5" }],
    [
      "allowWrites and an API region",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE, allowWrites: true, region: "us-west-2" },
    ],
    [
      "associateEntireAccount false beside a namespace",
      { dataShareArn: DATASHARE, associateEntireAccount: false, consumerArn: NAMESPACE },
    ],
    ["a GovCloud share and region", { dataShareArn: GOV_SHARE, consumerRegion: "us-gov-east-1" }],
    [
      "a China share and region",
      { dataShareArn: CN_SHARE, consumerRegion: "cn-northwest-1", region: "cn-north-1" },
    ],
    [
      "upper-case GUIDs",
      {
        dataShareArn: DATASHARE.toUpperCase()
          .replace("ARN:AWS:REDSHIFT:US-EAST-1", "arn:aws:redshift:us-east-1")
          .replace("DATASHARE:", "datashare:"),
        associateEntireAccount: true,
      },
    ],
    ["an unknown datashare ARN during preview", { dataShareArn: UNKNOWN, consumerArn: NAMESPACE }],
    ["an unknown consumer during preview", { dataShareArn: DATASHARE, consumerArn: UNKNOWN }],
    [
      "an unknown associateEntireAccount beside a namespace",
      { dataShareArn: DATASHARE, associateEntireAccount: UNKNOWN, consumerArn: NAMESPACE },
    ],
    [
      "unknown booleans and region",
      { dataShareArn: DATASHARE, associateEntireAccount: true, allowWrites: UNKNOWN, region: UNKNOWN },
    ],
    [
      "null optional values",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE, consumerRegion: null, allowWrites: null },
    ],
  ];
  for (const [what, news] of accepted) {
    it(`accepts ${what}`, () => {
      assert.deepEqual(checkInputs(news).failures, []);
    });
  }

  const rejected: [string, Record<string, unknown>, string, RegExp][] = [
    ["a missing dataShareArn", { consumerArn: NAMESPACE }, "dataShareArn", /required/],
    ["a null dataShareArn", { dataShareArn: null, consumerArn: NAMESPACE }, "dataShareArn", /required/],
    [
      "an empty dataShareArn",
      { dataShareArn: "", consumerArn: NAMESPACE },
      "dataShareArn",
      /must not be empty/,
    ],
    [
      "a dataShareArn that is not a string",
      { dataShareArn: 42, consumerArn: NAMESPACE },
      "dataShareArn",
      /must be a string/,
    ],
    [
      "a dataShareArn that is not an ARN",
      { dataShareArn: "sales", consumerArn: NAMESPACE },
      "dataShareArn",
      /not an ARN/,
    ],
    [
      "a very long dataShareArn",
      { dataShareArn: DATASHARE + "x".repeat(5000), consumerArn: NAMESPACE },
      "dataShareArn",
      /at most 2048/,
    ],
    [
      "unicode in the datashare name",
      { dataShareArn: DATASHARE.replace("sales", "säles"), consumerArn: NAMESPACE },
      "dataShareArn",
      /ASCII/,
    ],
    [
      "a datashare ARN with a space",
      { dataShareArn: DATASHARE + " ", consumerArn: NAMESPACE },
      "dataShareArn",
      /ASCII/,
    ],
    [
      "a datashare ARN of another service",
      { dataShareArn: DATASHARE.replace(":redshift:", ":s3:"), consumerArn: NAMESPACE },
      "dataShareArn",
      /service is "s3"/,
    ],
    [
      "a namespace ARN given as the datashare",
      { dataShareArn: NAMESPACE, consumerArn: NAMESPACE },
      "dataShareArn",
      /resource type is "namespace"/,
    ],
    [
      "a datashare ARN without a name",
      { dataShareArn: DATASHARE.replace("/sales", ""), consumerArn: NAMESPACE },
      "dataShareArn",
      /datashare name/,
    ],
    [
      "a datashare ARN whose namespace is not a GUID",
      { dataShareArn: DATASHARE.replace("a1b2c3d4-0000", "zzzz"), consumerArn: NAMESPACE },
      "dataShareArn",
      /not a GUID/,
    ],
    [
      "a datashare ARN with a short account",
      { dataShareArn: DATASHARE.replace("111122223333", "1111"), consumerArn: NAMESPACE },
      "dataShareArn",
      /12 digits/,
    ],
    [
      "a datashare ARN with an unknown partition",
      { dataShareArn: DATASHARE.replace("arn:aws:", "arn:awz:"), consumerArn: NAMESPACE },
      "dataShareArn",
      /partition "awz"/,
    ],
    [
      "a datashare ARN whose region is not a region",
      { dataShareArn: DATASHARE.replace("us-east-1", "moon-1"), consumerArn: NAMESPACE },
      "dataShareArn",
      /not an AWS region/,
    ],
    [
      "a datashare ARN whose region is of another partition",
      { dataShareArn: DATASHARE.replace("us-east-1", "cn-north-1"), consumerArn: NAMESPACE },
      "dataShareArn",
      /belongs to partition aws-cn/,
    ],
    ["no consumer at all", { dataShareArn: DATASHARE }, "associateEntireAccount", /exactly one/],
    [
      "associateEntireAccount false alone",
      { dataShareArn: DATASHARE, associateEntireAccount: false },
      "associateEntireAccount",
      /counts as unset/,
    ],
    [
      "two consumers",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE, consumerRegion: "us-east-1" },
      "consumerRegion",
      /both set/,
    ],
    [
      "the entire account and a namespace",
      { dataShareArn: DATASHARE, associateEntireAccount: true, consumerArn: NAMESPACE },
      "consumerArn",
      /both set/,
    ],
    [
      "a known namespace beside an unknown region",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE, consumerRegion: "us-east-1", region: UNKNOWN },
      "consumerRegion",
      /both set/,
    ],
    [
      "an empty consumerArn",
      { dataShareArn: DATASHARE, consumerArn: "" },
      "consumerArn",
      /must not be empty/,
    ],
    [
      "a consumerArn of another service",
      { dataShareArn: DATASHARE, consumerArn: "arn:aws:s3:us-east-1:444455556666:bucket/x" },
      "consumerArn",
      /service is "s3"/,
    ],
    [
      "a Glue catalog as consumerArn",
      { dataShareArn: DATASHARE, consumerArn: "arn:aws:glue:us-east-1:444455556666:catalog" },
      "consumerArn",
      /not a Redshift namespace/,
    ],
    [
      "a provisioned namespace written with a slash",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE.replace("namespace:", "namespace/") },
      "consumerArn",
      /mind ":" vs "\/"/,
    ],
    [
      "a serverless namespace written with a colon",
      { dataShareArn: DATASHARE, consumerArn: SERVERLESS.replace("namespace/", "namespace:") },
      "consumerArn",
      /not a redshift-serverless namespace/,
    ],
    [
      "a cluster ARN as consumerArn",
      { dataShareArn: DATASHARE, consumerArn: "arn:aws:redshift:us-east-1:444455556666:cluster:analytics" },
      "consumerArn",
      /"cluster" is not a redshift namespace/,
    ],
    [
      "a namespace whose id is not a GUID",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE.replace(/c0ffee00.*$/, "analytics") },
      "consumerArn",
      /not a GUID/,
    ],
    [
      "a consumerArn in another partition",
      {
        dataShareArn: DATASHARE,
        consumerArn: NAMESPACE.replace("arn:aws:", "arn:aws-cn:").replace("us-east-1", "cn-north-1"),
      },
      "consumerArn",
      /cannot cross partitions/,
    ],
    [
      "a consumerArn that is a number",
      { dataShareArn: DATASHARE, consumerArn: 7 },
      "consumerArn",
      /must be a string/,
    ],
    [
      "an empty consumerRegion",
      { dataShareArn: DATASHARE, consumerRegion: "" },
      "consumerRegion",
      /must not be empty/,
    ],
    [
      "a consumerRegion that is not a region",
      { dataShareArn: DATASHARE, consumerRegion: "Virginia" },
      "consumerRegion",
      /not an AWS region name/,
    ],
    [
      "a consumerRegion in upper case",
      { dataShareArn: DATASHARE, consumerRegion: "US-EAST-1" },
      "consumerRegion",
      /not an AWS region name/,
    ],
    [
      "a consumerRegion with unicode",
      { dataShareArn: DATASHARE, consumerRegion: "us-éast-1" },
      "consumerRegion",
      /not an AWS region name/,
    ],
    [
      "a consumerRegion of another partition",
      { dataShareArn: DATASHARE, consumerRegion: "us-gov-west-1" },
      "consumerRegion",
      /cannot cross partitions/,
    ],
    [
      "a very long consumerRegion",
      { dataShareArn: DATASHARE, consumerRegion: "us-east-1".repeat(1000) },
      "consumerRegion",
      /not an AWS region name/,
    ],
    [
      "an API region of another partition",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE, region: "cn-north-1" },
      "region",
      /cannot cross partitions/,
    ],
    [
      "an empty API region",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE, region: "" },
      "region",
      /must not be empty/,
    ],
    [
      "allowWrites as a string",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE, allowWrites: "true" },
      "allowWrites",
      /must be a boolean/,
    ],
    [
      "associateEntireAccount as a number",
      { dataShareArn: DATASHARE, associateEntireAccount: 1, consumerArn: NAMESPACE },
      "associateEntireAccount",
      /must be a boolean/,
    ],
  ];
  for (const [what, news, property, reason] of rejected) {
    it(`rejects ${what}, naming ${property}`, () => {
      const { failures } = checkInputs(news);
      const failure = failures.find((f) => f.property === property);
      assert.ok(failure, `no failure for ${property}: ${JSON.stringify(failures)}`);
      assert.match(failure.reason, reason);
    });
  }

  it("every failure reason names its property", () => {
    for (const [, news] of rejected) {
      for (const f of checkInputs(news).failures) {
        assert.ok(f.reason.includes(f.property), `${f.property}: ${f.reason}`);
      }
    }
  });

  it("a failure for a very long value quotes only a short part of it", () => {
    const [failure] = checkInputs({ dataShareArn: DATASHARE, consumerRegion: "x".repeat(100000) }).failures;
    assert.ok(failure.reason.length < 500, `${failure.reason.length} characters`);
  });

  it("hands the inputs back unchanged", () => {
    const news = { dataShareArn: DATASHARE, consumerArn: NAMESPACE, allowWrites: false };
    assert.deepEqual(checkInputs(news).inputs, news);
  });
});
