export interface RateLimit {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** Bucket size: how many calls may arrive at once after a quiet spell. */
  burst: number;
}

/** A default limit for every operation, and limits for some operations that replace it. */
export interface RateLimitConfig extends Partial<RateLimit> {
  perOperation?: Record<string, RateLimit>;
}

function checkLimit(where: string, limit: Partial<RateLimit>, optional: boolean): void {
  if (optional && limit.ratePerSecond === undefined && limit.burst === undefined) return;
  const { ratePerSecond, burst } = limit;
  if (typeof ratePerSecond !== "number" || !(ratePerSecond > 0)) {
    throw new RangeError(`${where}.ratePerSecond must be a number > 0`);
  }
  if (typeof burst !== "number" || !Number.isInteger(burst) || burst < 1) {
    throw new RangeError(`${where}.burst must be an integer >= 1`);
  }
}

export function checkRateLimitConfig(config: RateLimitConfig): void {
  if (typeof config !== "object" || config === null) throw new TypeError("rateLimit must be an object");
  checkLimit("rateLimit", config, true);
  for (const [operation, limit] of Object.entries(config.perOperation ?? {})) {
    if (typeof limit !== "object" || limit === null)
      throw new TypeError(`rateLimit.perOperation.${operation}`);
    checkLimit(`rateLimit.perOperation.${operation}`, limit, false);
  }
}

/** Starts full; refills continuously at `ratePerSecond` up to `burst`. */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;

  constructor(
    private readonly limit: RateLimit,
    now: number,
  ) {
    this.tokens = limit.burst;
    this.updatedAt = now;
  }

  tryTake(now: number): boolean {
    const elapsedSeconds = Math.max(0, now - this.updatedAt) / 1000;
    this.tokens = Math.min(this.limit.burst, this.tokens + elapsedSeconds * this.limit.ratePerSecond);
    this.updatedAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

export interface RateLimitKey {
  accountId: string;
  region: string;
  operation: string;
}

/**
 * AWS limits API calls per account, per region and per operation; one bucket per such key,
 * created on first use. An operation with no limit (no default, not listed) is never limited.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(
    private readonly config: RateLimitConfig,
    private readonly now: () => number = () => performance.now(),
  ) {}

  private limitFor(operation: string): RateLimit | undefined {
    const limit = this.config.perOperation?.[operation] ?? this.config;
    return limit.ratePerSecond !== undefined && limit.burst !== undefined
      ? { ratePerSecond: limit.ratePerSecond, burst: limit.burst }
      : undefined;
  }

  /** True when the call may go ahead (a token was taken), false when it is to be throttled. */
  admit(key: RateLimitKey): boolean {
    const limit = this.limitFor(key.operation);
    if (!limit) return true;
    const id = `${key.accountId}/${key.region}/${key.operation}`;
    const now = this.now();
    let bucket = this.buckets.get(id);
    if (!bucket) {
      bucket = new TokenBucket(limit, now);
      this.buckets.set(id, bucket);
    }
    return bucket.tryTake(now);
  }
}
