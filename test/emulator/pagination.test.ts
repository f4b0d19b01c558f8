import { strict as assert } from "node:assert";
import {
  AuthorizeDataShareCommand,
  DescribeDataSharesCommand,
  DescribeDataSharesForProducerCommand,
  paginateDescribeDataShares,
  paginateDescribeDataSharesForConsumer,
  paginateDescribeDataSharesForProducer,
  type DataShare,
} from "@aws-sdk/client-redshift";
import { failureOf, redshiftAs, useEmulator } from "./helpers";

const EXTRA_SHARES = 45;

async function collect(pages: AsyncIterable<{ DataShares?: DataShare[]; Marker?: string }>) {
  const sizes: number[] = [];
  const markers: string[] = [];
  const arns: string[] = [];
  for await (const page of pages) {
    sizes.push(page.DataShares?.length ?? 0);
    if (page.Marker) markers.push(page.Marker);
    arns.push(...(page.DataShares ?? []).map((d) => d.DataShareArn ?? ""));
  }
  return { sizes, markers, arns };
}

describe("emulator: pagination of the Describe operations", () => {
  const emu = useEmulator();
  let created: string[] = [];

  before(async () => {
    const producer = redshiftAs(emu(), "producer");
    created = [];
    for (let i = 0; i < EXTRA_SHARES; i++) {
      const arn = await emu().admin.createDataShare({
        producerAccount: "producer",
        producerNamespace: 0,
        name: `paged_${String(i).padStart(2, "0")}`,
      });
      await emu().admin.grantUsage(arn, "consumer");
      await producer.send(
        new AuthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: "444455556666" }),
      );
      created.push(arn);
    }
  });

  it("pages the producer's shares 20 at a time with a fresh marker per page and no repeats", async () => {
    const client = redshiftAs(emu(), "producer");
    const { sizes, markers, arns } = await collect(
      paginateDescribeDataSharesForProducer({ client, pageSize: 20 }, {}),
    );
    assert.deepEqual(sizes, [20, 20, EXTRA_SHARES + 3 - 40]);
    assert.equal(new Set(markers).size, markers.length);
    assert.equal(new Set(arns).size, arns.length);
    for (const arn of created) assert.ok(arns.includes(arn), arn);
  });

  it("pages the consumer's DescribeDataShares and DescribeDataSharesForConsumer over every authorized share", async () => {
    const client = redshiftAs(emu(), "consumer");
    const all = await collect(paginateDescribeDataShares({ client, pageSize: 20 }, {}));
    assert.deepEqual(all.sizes, [20, 20, EXTRA_SHARES + 2 - 40]);
    const forConsumer = await collect(paginateDescribeDataSharesForConsumer({ client, pageSize: 25 }, {}));
    assert.deepEqual(forConsumer.sizes, [25, EXTRA_SHARES + 2 - 25]);
    assert.deepEqual([...forConsumer.arns].sort(), [...all.arns].sort());
  });

  it("returns up to 100 records and no marker when MaxRecords is not given", async () => {
    const out = await redshiftAs(emu(), "producer").send(new DescribeDataSharesForProducerCommand({}));
    assert.equal(out.DataShares?.length, EXTRA_SHARES + 3);
    assert.equal(out.Marker, undefined);
  });

  for (const maxRecords of [19, 101, 0]) {
    it(`answers MaxRecords=${maxRecords} with InvalidParameterValue`, async () => {
      const err = await failureOf(() =>
        redshiftAs(emu(), "producer").send(new DescribeDataSharesCommand({ MaxRecords: maxRecords })),
      );
      assert.equal(err.name, "InvalidParameterValue");
    });
  }

  it("answers a made-up marker with InvalidParameterValue", async () => {
    const err = await failureOf(() =>
      redshiftAs(emu(), "producer").send(new DescribeDataSharesCommand({ Marker: "not-a-marker" })),
    );
    assert.equal(err.name, "InvalidParameterValue");
  });

  it("answers a marker from another operation with InvalidParameterValue", async () => {
    const client = redshiftAs(emu(), "producer");
    const first = await client.send(new DescribeDataSharesForProducerCommand({ MaxRecords: 20 }));
    assert.ok(first.Marker);
    const err = await failureOf(() => client.send(new DescribeDataSharesCommand({ Marker: first.Marker })));
    assert.equal(err.name, "InvalidParameterValue");
  });
});
