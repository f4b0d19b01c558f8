import * as assert from "node:assert/strict";
import { checkInputs } from "../../../provider/consumer/check";
import { UNKNOWN } from "../../../provider/core/types";
import { DATASHARE, NAMESPACE, SERVERLESS } from "../../fixtures/arns";

const GOV_SHARE =
  "arn:aws-us-gov:redshift:us-gov-west-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/s";
const CN_SHARE =
  "arn:aws-cn:redshift:cn-north-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/s";

describe("check: inputs it accepts", () => {
  const accepted: [string, Record<string, unknown>][] = [
    ["an entire-account association", { dataShareArn: DATASHARE, associateEntireAccount: true }],
    ["a provisioned namespace", { dataShareArn: DATASHARE, consumerArn: NAMESPACE }],
    ["a serverless namespace", { dataShareArn: DATASHARE, consumerArn: SERVERLESS }],
    ["a region", { dataShareArn: DATASHARE, consumerRegion: "eu-central-2" }],
    ["a newer region", { dataShareArn: DATASHARE, consumerRegion: "ap-southeast-5" }],
    [
      "allowWrites and the datashare's region as the API region",
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE, allowWrites: true, region: "us-east-1" },
    ],
    [
      "associateEntireAccount false beside a namespace",
      { dataShareArn: DATASHARE, associateEntireAccount: false, consumerArn: NAMESPACE },
    ],
    [
      "the European Sovereign Cloud (listed in the AWS SDK's partition data)",
      {
        dataShareArn:
          "arn:aws-eusc:redshift:eusc-de-east-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/s",
        consumerArn: "arn:aws-eusc:glue:eusc-de-east-1:444455556666:catalog",
      },
    ],
    [
      "a datashare name with UTF-8 multibyte letters (a Redshift identifier)",
      { dataShareArn: DATASHARE.replace("sales", "verkäufe_日本"), associateEntireAccount: true },
    ],
    [
      "a datashare name of 127 bytes in UTF-8",
      { dataShareArn: DATASHARE.replace("sales", "ä".repeat(63) + "x"), associateEntireAccount: true },
    ],
    [
      "the account's Glue Data Catalog in the datashare's region (Lake Formation)",
      { dataShareArn: DATASHARE, consumerArn: "arn:aws:glue:us-east-1:444455556666:catalog" },
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

  it("hands the inputs back unchanged", () => {
    const news = { dataShareArn: DATASHARE, consumerArn: NAMESPACE, allowWrites: false };
    assert.deepEqual(checkInputs(news).inputs, news);
  });
});
