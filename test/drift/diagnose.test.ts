import * as assert from "node:assert/strict";
import { causeFromAbsence, lookUpGoneCauses } from "../../cli/drift/diagnose";
import { RefreshedResource } from "../../cli/drift/events";
import { AwsCallError, LiveAssociation, RedshiftApi } from "../../provider";

const SHARE = "arn:aws:redshift:us-east-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/sales";
const NS = "arn:aws:redshift:us-east-1:444455556666:namespace:c0ffee00-0000-4000-8000-000000000001";
const CALLER = "444455556666";

const gone = (name: string, inputs: Record<string, unknown>): RefreshedResource => ({
  name,
  urn: `urn:pulumi:dev::p::redshift:DataShareConsumer::${name}`,
  old: { inputs, outputs: { status: "ACTIVE" } },
  live: undefined,
});

function fakeApi(describe: () => Promise<{ dataShareArn: string; associations: LiveAssociation[] }[]>) {
  const regions: (string | undefined)[] = [];
  const factory = (settings: { region?: string }): RedshiftApi => {
    regions.push(settings.region);
    return {
      associateDataShareConsumer: () => Promise.reject(new Error("not in this test")),
      disassociateDataShareConsumer: () => Promise.reject(new Error("not in this test")),
      describeDataShares: describe,
      getCallerIdentity: async () => ({ account: CALLER }),
    };
  };
  return { factory, regions };
}

describe("drift: why a dropped association is gone", () => {
  it("an association that is back has no cause to give: unknown, saying so", () => {
    assert.deepEqual(causeFromAbsence({ kind: "present" }), {
      kind: "unknown",
      reason: "the association exists again since the refresh",
    });
  });

  it("the provider's explanation is the cause, in the region the stored inputs name", async () => {
    const api = fakeApi(async () => [
      { dataShareArn: SHARE, associations: [{ consumerIdentifier: CALLER, status: "AVAILABLE" }] },
    ]);
    const r = gone("a", { dataShareArn: SHARE, consumerArn: NS, region: "eu-west-1" });
    const causes = await lookUpGoneCauses([r], {
      stackConfig: async () => ({}),
      env: { AWS_REGION: "us-east-1" },
      warn: () => assert.fail("no warning expected"),
      apiFactory: api.factory,
    });
    assert.deepEqual(causes.get(r.urn), { kind: "disassociated" });
    assert.deepEqual(api.regions, ["eu-west-1"]);
  });

  it("when the datashare ARN is unknown to AWS, the datashare is gone", async () => {
    const missing = new AwsCallError(
      "DescribeDataShares",
      "InvalidDataShareFault",
      `Can't describe the data share ${SHARE} because the ARN doesn't exist.`,
    );
    const api = fakeApi(() => Promise.reject(missing));
    const r = gone("a", { dataShareArn: SHARE, consumerArn: NS });
    const causes = await lookUpGoneCauses([r], {
      stackConfig: async () => ({}),
      env: { AWS_REGION: "us-east-1" },
      warn: () => assert.fail("no warning expected"),
      apiFactory: api.factory,
    });
    assert.deepEqual(causes.get(r.urn), { kind: "datashare-gone" });
  });

  it("when AWS cannot be asked, the cause is unknown and one warning names the resource", async () => {
    const api = fakeApi(() => Promise.reject(new Error("connect ECONNREFUSED\nstack")));
    const warnings: string[] = [];
    const r = gone("orders", { dataShareArn: SHARE, consumerArn: NS });
    const causes = await lookUpGoneCauses([r], {
      stackConfig: () => Promise.reject(new Error("no stack")),
      env: { AWS_REGION: "us-east-1" },
      warn: (m) => warnings.push(m),
      apiFactory: api.factory,
    });
    assert.deepEqual(causes.get(r.urn), { kind: "unknown", reason: "the Redshift API could not be asked" });
    assert.deepEqual(warnings, ["could not check why orders is gone: connect ECONNREFUSED"]);
  });
});
