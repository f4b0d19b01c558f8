import { strict as assert } from "node:assert";
import {
  AssociateDataShareConsumerCommand,
  DescribeDataSharesCommand,
  DisassociateDataShareConsumerCommand,
  InvalidDataShareFault,
} from "@aws-sdk/client-redshift";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { failureOf, redshiftAs, useBehaviours, useEmulator } from "./helpers";

/** Retries like the SDK's standard mode, but 5 ms apart so that tests stay fast. */
const fastRetries = (maxAttempts: number) => ({
  retryStrategy: new ConfiguredRetryStrategy(maxAttempts, () => 5),
});

async function describeMany(client: ReturnType<typeof redshiftAs>, calls: number): Promise<number> {
  let attempts = 0;
  for (let i = 0; i < calls; i++) {
    const out = await client.send(new DescribeDataSharesCommand({}));
    attempts += out.$metadata.attempts ?? 1;
  }
  return attempts;
}

describe("emulator: fault injection", () => {
  const emu = useEmulator();
  beforeEach(async () => {
    emu().setFaults({});
    emu().resetRequestCounts();
    await emu().admin.reset();
  });

  it("injects nothing by default", async () => {
    const attempts = await describeMany(redshiftAs(emu(), "consumer"), 10);
    assert.equal(attempts, 10);
    assert.deepEqual(emu().injectedFaults(), {
      throttled: 0,
      rateLimited: 0,
      serverErrors: 0,
      droppedResponses: 0,
    });
  });

  it("answers 503 ServiceUnavailable at the configured rate, and the SDK retries through it", async () => {
    emu().setFaults({ serverErrorRate: 0.5, randomSeed: 42 });
    const single = await failureOf(async () => {
      for (let i = 0; i < 20; i++)
        await redshiftAs(emu(), "consumer").send(new DescribeDataSharesCommand({}));
    });
    assert.equal(single.name, "ServiceUnavailable");
    assert.equal(single.$metadata?.httpStatusCode, 503);

    emu().resetRequestCounts();
    const attempts = await describeMany(redshiftAs(emu(), "consumer", fastRetries(20)), 10);
    assert.ok(attempts > 10, `expected retries, got ${attempts} attempts for 10 calls`);
    assert.equal(emu().injectedFaults().serverErrors, attempts - 10);
    assert.equal(emu().requestCounts().DescribeDataShares, attempts);
  });

  it("answers 400 ThrottlingException at the configured rate, and the SDK retries through it", async () => {
    emu().setFaults({ throttleRate: 0.5, randomSeed: 7 });
    const attempts = await describeMany(redshiftAs(emu(), "consumer", fastRetries(20)), 10);
    assert.ok(attempts > 10, `expected retries, got ${attempts} attempts for 10 calls`);
    assert.equal(emu().injectedFaults().throttled, attempts - 10);
    const refused = await failureOf(async () => {
      for (let i = 0; i < 20; i++)
        await redshiftAs(emu(), "consumer").send(new DescribeDataSharesCommand({}));
    });
    assert.equal(refused.name, "ThrottlingException");
    assert.equal(refused.$metadata?.httpStatusCode, 400);
  });

  it("repeats the same faults for the same random seed", async () => {
    const run = async () => {
      emu().setFaults({ throttleRate: 0.3, serverErrorRate: 0.3, randomSeed: 1234 });
      emu().resetRequestCounts();
      await describeMany(redshiftAs(emu(), "consumer", fastRetries(30)), 8);
      return emu().injectedFaults();
    };
    const first = await run();
    assert.ok(first.throttled + first.serverErrors > 0);
    assert.deepEqual(await run(), first);
  });

  describe("when a repeated associate is refused (repeatAssociate=refuse)", () => {
    useBehaviours(emu, { repeatAssociate: "refuse" });

    it("applies a dropped association: the SDK's retry is refused as already associated, and one association stands", async () => {
      emu().setFaults({ dropResponse: ["AssociateDataShareConsumer"], dropResponseCount: 1 });
      const DataShareArn = emu().dataShareArn("sales");
      const consumer = redshiftAs(emu(), "consumer", fastRetries(3));
      const err = await failureOf(() =>
        consumer.send(new AssociateDataShareConsumerCommand({ DataShareArn, AssociateEntireAccount: true })),
      );
      assert.ok(err instanceof InvalidDataShareFault, String(err));
      assert.match(err.message, /already associated/);
      assert.equal(err.$metadata.attempts, 2);
      const out = await consumer.send(new DescribeDataSharesCommand({ DataShareArn }));
      assert.deepEqual(
        out.DataShares?.[0].DataShareAssociations?.map((a) => [a.ConsumerIdentifier, a.Status]),
        [["444455556666", "ACTIVE"]],
      );
      assert.equal(emu().requestCounts().AssociateDataShareConsumer, 2);
      assert.equal(emu().injectedFaults().droppedResponses, 1);
    });
  });

  it("applies a dropped disassociation even though the caller only sees a socket error", async () => {
    const DataShareArn = emu().dataShareArn("sales");
    const consumer = redshiftAs(emu(), "consumer");
    await consumer.send(
      new AssociateDataShareConsumerCommand({ DataShareArn, AssociateEntireAccount: true }),
    );
    emu().setFaults({ dropResponse: ["DisassociateDataShareConsumer"] });
    const err = await failureOf(() =>
      consumer.send(
        new DisassociateDataShareConsumerCommand({ DataShareArn, DisassociateEntireAccount: true }),
      ),
    );
    assert.equal(err.$metadata?.httpStatusCode, undefined, `expected a socket error, got ${err.name}`);
    emu().setFaults({});
    const after = await consumer.send(new DescribeDataSharesCommand({ DataShareArn }));
    assert.equal(after.DataShares?.[0].DataShareAssociations?.[0].Status, "AVAILABLE");
  });

  it("adds the configured latency before answering", async () => {
    emu().setFaults({ latencyMs: 150 });
    const started = Date.now();
    await redshiftAs(emu(), "consumer").send(new DescribeDataSharesCommand({}));
    assert.ok(Date.now() - started >= 150);
  });
});
