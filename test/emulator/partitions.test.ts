import { strict as assert } from "node:assert";
import { AssociateDataShareConsumerCommand, DescribeDataSharesCommand } from "@aws-sdk/client-redshift";
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import type { Emulator } from "../../emulator";
import { failureOf, redshiftAs, useEmulator } from "./helpers";

const GUID = "a1b2c3d4-0000-4000-8000-000000000001";
const CN = "cn-north-1";

function stsIn(emu: Emulator, account: string, region: string): STSClient {
  return new STSClient({
    endpoint: emu.endpoint,
    region,
    credentials: emu.credentials(account),
    maxAttempts: 1,
  });
}

describe("emulator: ARNs in the partition of their region", () => {
  const emu = useEmulator();
  beforeEach(() => emu().admin.reset());

  it("names a datashare made in cn-north-1 with aws-cn, and one in us-gov-west-1 with aws-us-gov", async () => {
    const cn = await emu().admin.createDataShare({
      producerAccount: "producer",
      producerNamespace: GUID,
      name: "china",
      region: CN,
    });
    const gov = await emu().admin.createDataShare({
      producerAccount: "producer",
      producerNamespace: GUID,
      name: "gov",
      region: "us-gov-west-1",
    });
    assert.equal(cn, `arn:aws-cn:redshift:${CN}:111122223333:datashare:${GUID}/china`);
    assert.equal(gov, `arn:aws-us-gov:redshift:us-gov-west-1:111122223333:datashare:${GUID}/gov`);
    const shares = await redshiftAs(emu(), "producer", { region: CN }).send(
      new DescribeDataSharesCommand({ DataShareArn: cn }),
    );
    assert.deepEqual(
      shares.DataShares?.map((s) => s.DataShareArn),
      [cn],
    );
  });

  it("refuses an ARN whose partition is not its region's as InvalidParameterValue", async () => {
    const arn = await emu().admin.createDataShare({
      producerAccount: "producer",
      producerNamespace: GUID,
      name: "china",
      region: CN,
    });
    await emu().admin.grantUsage(arn, "consumer");
    const consumer = redshiftAs(emu(), "consumer", { region: CN });
    for (const input of [
      { DataShareArn: arn.replace("arn:aws-cn:", "arn:aws:"), AssociateEntireAccount: true },
      { DataShareArn: arn, ConsumerArn: `arn:aws:redshift:${CN}:444455556666:namespace:${GUID}` },
    ]) {
      const err = await failureOf(() => consumer.send(new AssociateDataShareConsumerCommand(input)));
      assert.equal(err.name, "InvalidParameterValue", JSON.stringify(input));
    }
  });

  it("answers STS in the signing region's partition and assumes a role of that partition only", async () => {
    const sts = stsIn(emu(), "consumer", CN);
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, "arn:aws-cn:iam::444455556666:root");
    const out = await sts.send(
      new AssumeRoleCommand({
        RoleArn: "arn:aws-cn:iam::111122223333:role/deployer",
        RoleSessionName: "cn-run",
      }),
    );
    assert.equal(out.AssumedRoleUser?.Arn, "arn:aws-cn:sts::111122223333:assumed-role/deployer/cn-run");
    const err = await failureOf(() =>
      sts.send(
        new AssumeRoleCommand({
          RoleArn: "arn:aws:iam::111122223333:role/deployer",
          RoleSessionName: "cn-run",
        }),
      ),
    );
    assert.equal(err.name, "ValidationError");
  });
});
