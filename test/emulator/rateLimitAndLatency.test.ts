import { strict as assert } from "node:assert";
import { LatencyModel } from "../../emulator/server/latency";
import { RateLimiter, TokenBucket } from "../../emulator/server/rateLimiter";
import { checkFaultConfig } from "../../emulator/server/faultConfig";

const key = (operation: string, accountId = "444455556666", region = "us-east-1") => ({
  accountId,
  region,
  operation,
});

describe("emulator: token bucket and rate limiter (pure)", () => {
  it("when full, admits exactly `burst` calls at once and refuses the next", () => {
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 3 }, 0);
    assert.deepEqual(
      [1, 2, 3, 4].map(() => bucket.tryTake(0)),
      [true, true, true, false],
    );
  });

  it("refills at its rate and never above the burst", () => {
    const bucket = new TokenBucket({ ratePerSecond: 2, burst: 3 }, 0);
    for (let i = 0; i < 3; i++) bucket.tryTake(0);
    assert.equal(bucket.tryTake(400), false, "0.8 tokens after 400 ms at 2/s");
    assert.equal(bucket.tryTake(500), true, "1 token after 500 ms");
    assert.equal(bucket.tryTake(500), false);
    const taken = [0, 1, 2, 3].map(() => bucket.tryTake(60_000)).filter(Boolean).length;
    assert.equal(taken, 3, "a long pause refills to the burst only");
  });

  it("keeps one bucket per account, region and operation", () => {
    let now = 0;
    const limiter = new RateLimiter({ ratePerSecond: 1, burst: 1 }, () => now);
    assert.equal(limiter.admit(key("DescribeDataShares")), true);
    assert.equal(limiter.admit(key("DescribeDataShares")), false);
    assert.equal(limiter.admit(key("DescribeDataShares", "111122223333")), true);
    assert.equal(limiter.admit(key("DescribeDataShares", "444455556666", "eu-west-1")), true);
    assert.equal(limiter.admit(key("AssociateDataShareConsumer")), true);
    now = 1000;
    assert.equal(limiter.admit(key("DescribeDataShares")), true);
  });

  it("limits only the listed operations when no default is given, with each its own limit", () => {
    const limiter = new RateLimiter(
      { perOperation: { DescribeDataShares: { ratePerSecond: 1, burst: 2 } } },
      () => 0,
    );
    assert.deepEqual(
      [1, 2, 3].map(() => limiter.admit(key("DescribeDataShares"))),
      [true, true, false],
    );
    for (let i = 0; i < 50; i++) assert.equal(limiter.admit(key("GetCallerIdentity")), true);
  });

  it("refuses a burst below 1 or a rate that is not positive", () => {
    assert.throws(() => checkFaultConfig({ rateLimit: { ratePerSecond: 1, burst: 0 } }), RangeError);
    assert.throws(() => checkFaultConfig({ rateLimit: { ratePerSecond: 0, burst: 1 } }), RangeError);
    assert.throws(
      () => checkFaultConfig({ rateLimit: { perOperation: { X: { ratePerSecond: 1, burst: 1.5 } } } }),
      RangeError,
    );
  });
});

describe("emulator: latency model (pure)", () => {
  it("draws delays inside the range, spread over it, the same for the same seed", () => {
    const draw = () => {
      const model = new LatencyModel({ minMs: 80, maxMs: 200 }, 11);
      return Array.from({ length: 200 }, () => model.delayFor("DescribeDataShares"));
    };
    const delays = draw();
    assert.ok(
      delays.every((d) => Number.isInteger(d) && d >= 80 && d <= 200),
      String(delays),
    );
    assert.ok(Math.min(...delays) < 100 && Math.max(...delays) > 180, "spread over the range");
    assert.deepEqual(draw(), delays);
  });

  it("uses an operation's own range over the default, and no delay when neither is set", () => {
    const model = new LatencyModel(
      { perOperation: { AssociateDataShareConsumer: { minMs: 5, maxMs: 5 } } },
      1,
    );
    assert.equal(model.delayFor("AssociateDataShareConsumer"), 5);
    assert.equal(model.delayFor("DescribeDataShares"), 0);
    const zeroDefault = new LatencyModel(
      { minMs: 0, maxMs: 0, perOperation: { DescribeDataShares: { minMs: 150, maxMs: 250 } } },
      3,
    );
    assert.equal(zeroDefault.delayFor("GetCallerIdentity"), 0);
    assert.ok(zeroDefault.delayFor("DescribeDataShares") >= 150);
  });

  it("refuses min above max, and latencyMs together with latency", () => {
    assert.throws(() => checkFaultConfig({ latency: { minMs: 200, maxMs: 80 } }), RangeError);
    assert.throws(() => checkFaultConfig({ latencyMs: 5, latency: { minMs: 1, maxMs: 2 } }), RangeError);
  });
});
