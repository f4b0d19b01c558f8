import { strict as assert } from "node:assert";
import {
  DescribeDataSharesCommand,
  DescribeDataSharesForConsumerCommand,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import { ConfiguredRetryStrategy } from "@smithy/core/retry";
import { failureOf, redshiftAs, useEmulator } from "./helpers";

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

  // Only lower bounds: a busy machine can make any call slower, never faster. Which operations
  // get which range is the latency model's job, tested without a clock (rateLimitAndLatency.test.ts).
  it("delays each answer of the configured operation by at least its range's minimum", async () => {
    emu().setFaults({
      latency: { minMs: 0, maxMs: 0, perOperation: { DescribeDataShares: { minMs: 150, maxMs: 250 } } },
      randomSeed: 3,
    });
    const client = redshiftAs(emu(), "consumer");
    for (let i = 0; i < 3; i++) {
      const ms = await timed(() => describe1(client));
      assert.ok(ms >= 148, `DescribeDataShares took ${ms} ms`);
    }
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

  // The refill's arithmetic is tested with an injected clock (rateLimitAndLatency.test.ts); here the
  // server's own clock. The client's times bound the server's, so each assertion holds at any speed.
  it("refills the bucket at its rate", async () => {
    emu().setFaults({ rateLimit: { ratePerSecond: 5, burst: 1 } });
    const client = redshiftAs(emu(), "consumer");
    const started = performance.now();
    await describe1(client);
    const second = await describe1(client).then(
      () => undefined,
      (err: Error) => err,
    );
    if (performance.now() - started < 200) {
      assert.equal(second?.name, "ThrottlingException", "a second call within 200 ms found a token at 5/s");
    }
    await new Promise((r) => setTimeout(r, 210)); // at 5/s, at least one token after 200 ms
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

  it("lets the SDK's retries see ThrottlingException and get through once a token is there again", async () => {
    // A bucket that would take 100 s to refill; the SDK's backoff, called after the throttled
    // attempt, sets the limit again (every bucket starts full), so the retry finds a token
    // whatever the machine's speed.
    const limit = { rateLimit: { ratePerSecond: 0.01, burst: 1 } };
    emu().setFaults(limit);
    const backoffs: number[] = [];
    const client = redshiftAs(emu(), "consumer", {
      retryStrategy: new ConfiguredRetryStrategy(5, (attempt) => {
        backoffs.push(attempt);
        emu().setFaults(limit);
        return 10;
      }),
    });
    await describe1(client);
    const out = await describe1(client);
    assert.equal(out.$metadata.attempts, 2);
    assert.equal(backoffs.length, 1);
    const counts = emu().operationCounts().DescribeDataShares;
    assert.equal(counts.accepted, 2);
    assert.equal(counts.rateLimited, 1);
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
