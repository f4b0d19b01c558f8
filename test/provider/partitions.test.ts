/**
 * Both resources in the other partitions: a datashare in China (aws-cn, cn-north-1) and in
 * GovCloud (aws-us-gov, us-gov-west-1), declared through the providers against the emulator, whose
 * ARNs carry the partition of their region. The provider's own region stays us-east-1: calls go to
 * the datashare's region all the same.
 */
import * as assert from "node:assert/strict";
import { startEmulator, type Seed } from "../../emulator";
import { createAuthorizationProvider } from "../../provider/authorization/provider";
import { createProvider } from "../../provider/consumer/provider";
import { type Emulator } from "../../harness/emulatorFixture";
import { emulatorProviderOptions, NEW_RUN } from "./shared/resources";

const PRODUCER = "111122223333";
const CONSUMER = "444455556666";

const PARTITIONS = [
  { partition: "aws-cn", region: "cn-north-1", otherRegion: "cn-northwest-1", n: 1 },
  { partition: "aws-us-gov", region: "us-gov-west-1", otherRegion: "us-gov-east-1", n: 2 },
];

const guid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-00000000000${n}`;

/** A producer and a consumer with one namespace in each partition's region, and two shares there. */
const SEED: Seed = {
  accounts: [
    {
      id: PRODUCER,
      name: "producer",
      accessKeys: [{ accessKeyId: "AKIAEMULPRODUCER0001", secretAccessKey: "producer/secret/0000000000001" }],
      namespaces: PARTITIONS.map(({ region, n }) => ({
        id: guid("a1b2c3d4", n),
        type: "provisioned",
        region,
      })),
    },
    {
      id: CONSUMER,
      name: "consumer",
      accessKeys: [{ accessKeyId: "AKIAEMULCONSUMER0001", secretAccessKey: "consumer/secret/0000000000001" }],
      namespaces: PARTITIONS.map(({ region, n }) => ({
        id: guid("c0ffee00", n),
        type: "serverless",
        region,
      })),
    },
  ],
  dataShares: PARTITIONS.flatMap(({ n }) => [
    // Authorized for the consumer: the consumer associates it.
    {
      name: `sales${n}`,
      producerAccount: PRODUCER,
      producerNamespace: guid("a1b2c3d4", n),
      grants: [CONSUMER],
      authorizations: [{ consumer: CONSUMER }],
    },
    // Granted only: the producer authorizes it.
    {
      name: `finance${n}`,
      producerAccount: PRODUCER,
      producerNamespace: guid("a1b2c3d4", n),
      grants: [CONSUMER],
    },
  ]),
};

describe("both resources in the aws-cn and aws-us-gov partitions against the emulator", () => {
  let emu: Emulator;

  beforeEach(async () => {
    emu = await startEmulator({ seed: SEED });
  });
  afterEach(() => emu.stop());

  const consumerProvider = () => createProvider(emulatorProviderOptions(emu, "consumer"));
  const authorizationProvider = () => createAuthorizationProvider(emulatorProviderOptions(emu, "producer"));

  for (const { partition, region, otherRegion, n } of PARTITIONS) {
    it(`${partition}: the emulator names the datashare and the namespaces in ${region} with ${partition}`, () => {
      assert.match(
        emu.dataShareArn(`sales${n}`),
        new RegExp(`^arn:${partition}:redshift:${region}:${PRODUCER}:`),
      );
      assert.match(
        emu.namespaceArn("consumer", n - 1),
        new RegExp(`^arn:${partition}:redshift-serverless:${region}:${CONSUMER}:namespace/`),
      );
    });

    it(`${partition}: a DataShareConsumer of a namespace in ${region}: check, create, read, delete`, async () => {
      const provider = consumerProvider();
      await provider.configure(NEW_RUN);
      const share = emu.dataShareArn(`sales${n}`);
      const namespace = emu.namespaceArn("consumer", n - 1);
      const checked = await provider.check({}, { dataShareArn: share, consumerArn: namespace });
      assert.deepEqual(checked.failures, []);
      assert.equal(checked.inputs.region, region);

      const { id, outs } = await provider.create(checked.inputs);
      assert.equal(outs.status, "ACTIVE");
      assert.equal(outs.region, region);
      assert.equal(outs.consumerIdentifier, namespace);
      assert.match(
        outs.producerArn ?? "",
        new RegExp(`^arn:${partition}:redshift:${region}:${PRODUCER}:namespace:`),
      );

      const read = await provider.read(id, { ...outs });
      assert.equal(read.id, id);
      assert.equal(read.props?.status, "ACTIVE");
      assert.deepEqual(read.inputs, { dataShareArn: share, consumerArn: namespace, region });

      await provider.configure(NEW_RUN); // a later run that no longer declares it
      await provider.delete(id, { ...outs });
      assert.equal((await provider.read(id, { ...outs })).id, "");
    });

    it(`${partition}: a DataShareConsumer of every namespace in ${otherRegion}: create, read, delete`, async () => {
      const provider = consumerProvider();
      const share = emu.dataShareArn(`sales${n}`);
      const { inputs } = await provider.check({}, { dataShareArn: share, consumerRegion: otherRegion });
      const { id, outs } = await provider.create(inputs);
      assert.equal(outs.consumerRegion, otherRegion);
      assert.equal((await provider.read(id, { ...outs })).props?.status, "ACTIVE");
      await provider.configure(NEW_RUN); // a later run that no longer declares it
      await provider.delete(id, { ...outs });
      assert.equal((await provider.read(id, { ...outs })).id, "");
    });

    it(`${partition}: a DataShareAuthorization in ${region}: check, create, read, delete`, async () => {
      const provider = authorizationProvider();
      await provider.configure(NEW_RUN);
      const share = emu.dataShareArn(`finance${n}`);
      const declared = { dataShareArn: share, consumerIdentifier: CONSUMER };
      const checked = await provider.check({}, declared);
      assert.deepEqual(checked.failures, []);

      const { id, outs } = await provider.create(checked.inputs);
      assert.equal(outs.status, "AUTHORIZED");
      assert.equal(outs.region, region);
      assert.match(
        outs.producerArn ?? "",
        new RegExp(`^arn:${partition}:redshift:${region}:${PRODUCER}:namespace:`),
      );

      const read = await provider.read(id, { ...outs });
      assert.equal(read.id, id);
      assert.equal(read.props?.status, "AUTHORIZED");
      assert.deepEqual(read.inputs, declared);

      await provider.configure(NEW_RUN); // a later run that no longer declares it
      await provider.delete(id, { ...outs });
      assert.equal((await provider.read(id, { ...outs })).id, "");
    });
  }

  it("refuses, at check, a namespace of the other partition: sharing does not cross partitions", async () => {
    const { failures } = await consumerProvider().check(
      {},
      { dataShareArn: emu.dataShareArn("sales1"), consumerArn: emu.namespaceArn("consumer", 1) },
    );
    assert.deepEqual(
      failures?.map((f) => f.property),
      ["consumerArn"],
    );
    assert.match(failures?.[0].reason ?? "", /partition aws-us-gov but dataShareArn is in partition aws-cn/);
  });
});
