import * as assert from "node:assert/strict";
import { arnParts } from "../../../provider/core/arn";
import { ConfigurationError } from "../../../provider/core/errors";
import { producerAccountOf } from "../../../provider/core/identity";
import { requireRegion, resolveRegion } from "../../../provider/core/regions";
import { listedPartitionOf, partitionOf } from "../../../identity/partition";

const SHARE = "arn:aws:redshift:eu-west-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/sales";
const CN_SHARE =
  "arn:aws-cn:redshift:cn-north-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/sales";

describe("the API region: one order for both resources", () => {
  const provider = () => "us-east-1";
  const noProvider = () => undefined;

  it("takes the resource's own region first, the first one set in the order given", () => {
    assert.equal(resolveRegion(["ap-south-1", "us-west-2"], SHARE, provider), "ap-south-1");
    assert.equal(resolveRegion([undefined, "", null, "us-west-2"], SHARE, provider), "us-west-2");
  });

  it("takes the datashare's own region when the resource has none", () => {
    assert.equal(resolveRegion([], SHARE, provider), "eu-west-1");
    assert.equal(resolveRegion([undefined], CN_SHARE, provider), "cn-north-1");
  });

  it("asks for the provider's region only when neither names one", () => {
    let asked = 0;
    const counting = () => (asked++, "us-east-1");
    assert.equal(resolveRegion([], SHARE, counting), "eu-west-1");
    assert.equal(asked, 0);
    assert.equal(resolveRegion([], "not-an-arn", counting), "us-east-1");
    assert.equal(resolveRegion([], undefined, counting), "us-east-1");
    assert.equal(asked, 2);
  });

  it("knows no region when nothing names one, and a call then fails naming where to set one", () => {
    assert.equal(resolveRegion([], "not-an-arn", noProvider), undefined);
    assert.throws(
      () => requireRegion(resolveRegion([], "not-an-arn", noProvider)),
      (e: unknown) => e instanceof ConfigurationError && /aws:region/.test(e.message),
    );
    assert.equal(requireRegion("us-gov-west-1"), "us-gov-west-1");
  });
});

describe("partitions and ARN parts", () => {
  it("names the partition of a region the AWS SDK's partition data lists", () => {
    assert.equal(listedPartitionOf("us-east-1"), "aws");
    assert.equal(listedPartitionOf("cn-north-1"), "aws-cn");
    assert.equal(listedPartitionOf("us-gov-west-1"), "aws-us-gov");
    assert.equal(listedPartitionOf("us-moon-1"), undefined);
    assert.equal(listedPartitionOf("US-EAST-1"), undefined);
  });

  it("gives any region name a partition by the partitions' region patterns (the emulator's rule)", () => {
    assert.equal(partitionOf("cn-moon-1"), "aws-cn");
    assert.equal(partitionOf("us-gov-moon-1"), "aws-us-gov");
    assert.equal(partitionOf("xx-moon-1"), "aws");
  });

  it("cuts any ARN into its six parts, the resource keeping its colons", () => {
    assert.deepEqual(arnParts("arn:aws-cn:glue:cn-north-1:444455556666:table/db:x"), {
      partition: "aws-cn",
      service: "glue",
      region: "cn-north-1",
      account: "444455556666",
      resource: "table/db:x",
    });
    assert.equal(arnParts("arn:aws:redshift:us-east-1"), undefined);
    assert.equal(arnParts("444455556666"), undefined);
  });

  it("reads the producer account of a datashare ARN in any partition", () => {
    assert.equal(producerAccountOf(CN_SHARE), "111122223333");
    assert.equal(producerAccountOf("ADX"), undefined);
  });
});
