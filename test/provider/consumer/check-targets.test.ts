import * as assert from "node:assert/strict";
import { checkInputs } from "../../../provider/consumer/check";
import { UNKNOWN } from "../../../provider/core/types";
import { DATASHARE, NAMESPACE } from "../../fixtures/arns";

describe("check: the consumer, regions, types and partitions", () => {
  const rejected: [string, Record<string, unknown>, string, RegExp][] = [
    [
      "a dataShareArn that is not a string",
      { dataShareArn: 42, consumerArn: NAMESPACE },
      "dataShareArn",
      /must be a string/,
    ],
    ["no consumer at all", { dataShareArn: DATASHARE }, "associateEntireAccount", /no consumer is chosen/],
    [
      "associateEntireAccount false alone",
      { dataShareArn: DATASHARE, associateEntireAccount: false },
      "associateEntireAccount",
      /no consumer is chosen: set this to true/,
    ],
    [
      "two consumers",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE, consumerRegion: "us-east-1" },
      "consumerRegion",
      /^consumerArn is set too; set only one of/,
    ],
    [
      "the entire account and a namespace",
      { dataShareArn: DATASHARE, associateEntireAccount: true, consumerArn: NAMESPACE },
      "consumerArn",
      /^associateEntireAccount is set too/,
    ],
    [
      "a known namespace beside an unknown region",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE, consumerRegion: "us-east-1", region: UNKNOWN },
      "consumerRegion",
      /^consumerArn is set too; set only one of/,
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
      "an API region other than the datashare's",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE, region: "us-west-2" },
      "region",
      /the datashare lives in us-east-1 .* set it to us-east-1$/,
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
      /must be true or false/,
    ],
    [
      "associateEntireAccount as a number",
      { dataShareArn: DATASHARE, associateEntireAccount: 1, consumerArn: NAMESPACE },
      "associateEntireAccount",
      /must be true or false/,
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
