import * as assert from "node:assert/strict";
import { checkInputs } from "../../../provider/consumer/check";
import { DATASHARE, NAMESPACE, SERVERLESS } from "../../fixtures/arns";

describe("check: ARN shapes of dataShareArn and consumerArn", () => {
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
      "a datashare name of 128 bytes in UTF-8 (64 two-byte letters)",
      { dataShareArn: DATASHARE.replace("sales", "ä".repeat(64)), consumerArn: NAMESPACE },
      "dataShareArn",
      /must be 1-127 bytes \(UTF-8\)/,
    ],
    [
      "a datashare ARN with a space",
      { dataShareArn: DATASHARE + " ", consumerArn: NAMESPACE },
      "dataShareArn",
      /printable characters without spaces/,
    ],
    [
      "a datashare ARN with a no-break space",
      { dataShareArn: DATASHARE.replace("sales", "sa\u00a0les"), consumerArn: NAMESPACE },
      "dataShareArn",
      /printable characters without spaces/,
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
      /belongs to partition aws, not awz/,
    ],
    [
      "a region the AWS SDK's partition data does not list",
      { dataShareArn: DATASHARE.replace(/us-east-1/, "us-east-99"), consumerArn: NAMESPACE },
      "dataShareArn",
      /not an AWS region name \(a region of the AWS SDK's partition data/,
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
      "a Glue Data Catalog of another region than the datashare's",
      { dataShareArn: DATASHARE, consumerArn: "arn:aws:glue:us-west-2:444455556666:catalog" },
      "consumerArn",
      /Lake Formation sharing does not cross regions; use arn:aws:glue:us-east-1:444455556666:catalog/,
    ],
    [
      "a Glue ARN that is not the catalog",
      { dataShareArn: DATASHARE, consumerArn: "arn:aws:glue:us-east-1:444455556666:database/db" },
      "consumerArn",
      /names the Data Catalog itself/,
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
  ];
  for (const [what, news, property, reason] of rejected) {
    it(`rejects ${what}, naming ${property}`, () => {
      const { failures } = checkInputs(news);
      const failure = failures.find((f) => f.property === property);
      assert.ok(failure, `no failure for ${property}: ${JSON.stringify(failures)}`);
      assert.match(failure.reason, reason);
    });
  }
});
