import { strict as assert } from "node:assert";
import {
  DescribeDataSharesCommand,
  DescribeDataSharesForConsumerCommand,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import { GetCallerIdentityCommand } from "@aws-sdk/client-sts";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { failureOf, redshiftAs, stsAs, useEmulator } from "./helpers";

async function timed(action: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

const describe1 = (client: RedshiftClient) => client.send(new DescribeDataSharesCommand({}));

describe("emulator: latency and rate limits through the AWS SDK", () => {
  const emu = useEmulator();
  beforeEach(() => {
    emu().setFaults({});
    emu().resetRequestCounts();
  });

  it("delays each answer by a time inside the operation's configured range", async () => {
    emu().setFaults({
      latency: { minMs: 0, maxMs: 0, perOperation: { DescribeDataShares: { minMs: 150, maxMs: 250 } } },
      randomSeed: 3,
    });
    const client = redshiftAs(emu(), "consumer");
    for (let i = 0; i < 3; i++) {
      const ms = await timed(() => describe1(client));
      // Upper bound is generous: only the lower one is guaranteed on a busy machine.
      assert.ok(ms >= 148 && ms < 1250, `DescribeDataShares took ${ms} ms`);
    }
    const sts = await timed(() => stsAs(emu(), "consumer").send(new GetCallerIdentityCommand({})));
    assert.ok(sts < 140, `GetCallerIdentity has no delay configured, took ${sts} ms`);
  });

  it("admits a burst, answers the next call 400 ThrottlingException, and counts it apart", async () => {
    emu().setFaults({ rateLimit: { ratePerSecond: 0.01, burst: 3 } });
    const client = redshiftAs(emu(), "consumer");
    for (let i = 0; i < 3; i++) await describe1(client);
    const err = await failureOf(() => describe1(client));
    assert.equal(err.name, "ThrottlingException");
    assert.equal(err.$metadata?.httpStatusCode, 400);
    assert.deepEqual(emu().injectedFaults(), {
      throttled: 0,
      rateLimited: 1,
      serverErrors: 0,
      droppedResponses: 0,
    });
    assert.deepEqual(emu().operationCounts().DescribeDataShares, {
      received: 4,
      accepted: 3,
      rateLimited: 1,
      throttled: 0,
      serverErrors: 0,
    });
  });

  it("refills the bucket at its rate", async () => {
    emu().setFaults({ rateLimit: { ratePerSecond: 5, burst: 2 } });
    const client = redshiftAs(emu(), "consumer");
    await describe1(client);
    await describe1(client);
    assert.equal((await failureOf(() => describe1(client))).name, "ThrottlingException");
    await new Promise((r) => setTimeout(r, 260)); // 5/s: one token after 200 ms
    await describe1(client);
  });

  it("keeps separate buckets per account, per operation and per signing region", async () => {
    emu().setFaults({ rateLimit: { ratePerSecond: 0.01, burst: 1 } });
    const consumer = redshiftAs(emu(), "consumer");
    await describe1(consumer);
    assert.equal((await failureOf(() => describe1(consumer))).name, "ThrottlingException");
    await describe1(redshiftAs(emu(), "producer"));
    await consumer.send(new DescribeDataSharesForConsumerCommand({}));
    await describe1(redshiftAs(emu(), "consumer", { region: "us-west-2" }));
    assert.equal(emu().injectedFaults().rateLimited, 1);
  });

  it("lets the SDK's retries see ThrottlingException and get through once the bucket refills", async () => {
    emu().setFaults({ rateLimit: { ratePerSecond: 20, burst: 1 } });
    const client = redshiftAs(emu(), "consumer", {
      retryStrategy: new ConfiguredRetryStrategy(5, () => 80),
    });
    await describe1(client);
    const out = await describe1(client);
    assert.ok((out.$metadata.attempts ?? 1) >= 2, `attempts: ${out.$metadata.attempts}`);
    const counts = emu().operationCounts().DescribeDataShares;
    assert.equal(counts.accepted, 2);
    assert.equal(counts.rateLimited, (out.$metadata.attempts ?? 1) - 1);
  });

  it("keeps random throttling a separate fault from the rate limit", async () => {
    emu().setFaults({ throttleRate: 1, rateLimit: { ratePerSecond: 100, burst: 100 } });
    const err = await failureOf(() => describe1(redshiftAs(emu(), "consumer")));
    assert.equal(err.name, "ThrottlingException");
    assert.equal(emu().injectedFaults().throttled, 1);
    assert.equal(emu().injectedFaults().rateLimited, 0);
    assert.equal(emu().operationCounts().DescribeDataShares.throttled, 1);
  });

  it("sets the rate limit over the admin API and serves the per-operation counts", async () => {
    const put = await fetch(`${emu().endpoint}/_emulator/faults`, {
      method: "PUT",
      body: JSON.stringify({
        rateLimit: { perOperation: { DescribeDataShares: { ratePerSecond: 0.01, burst: 1 } } },
      }),
    });
    assert.equal(put.status, 200);
    const client = redshiftAs(emu(), "consumer");
    await describe1(client);
    await failureOf(() => describe1(client));
    const counts = (await (await fetch(`${emu().endpoint}/_emulator/counts/operations`)).json()) as Record<
      string,
      { accepted: number; rateLimited: number }
    >;
    assert.equal(counts.DescribeDataShares.accepted, 1);
    assert.equal(counts.DescribeDataShares.rateLimited, 1);
    const bad = await fetch(`${emu().endpoint}/_emulator/faults`, {
      method: "PUT",
      body: JSON.stringify({ rateLimit: { ratePerSecond: 1, burst: 0 } }),
    });
    assert.equal(bad.status, 400);
  });
});
