import { checkLatencyConfig, type LatencyConfig, type LatencyRange } from "./latency";
import { checkRateLimitConfig, type RateLimitConfig } from "./rateLimiter";

/** Fault injection and the realistic-API knobs for the AWS API (never for /_emulator/). Off unless configured. */
export interface FaultConfig {
  /** 0..1: answer 400 ThrottlingException at random (the SDK retries it). */
  throttleRate?: number;
  /** 0..1: answer 503 ServiceUnavailable (the SDK retries it). */
  serverErrorRate?: number;
  /** A fixed delay before every answer; shorthand for `latency: { minMs: n, maxMs: n }`. */
  latencyMs?: number;
  /** A delay drawn per request from a range, per operation if wanted. */
  latency?: LatencyConfig;
  /** Token buckets per account, region and operation; an empty bucket answers 400 ThrottlingException. */
  rateLimit?: RateLimitConfig;
  /** Operation names: apply the change, then destroy the socket without answering. */
  dropResponse?: string[];
  /** How many responses to drop per listed operation (default: every one). */
  dropResponseCount?: number;
  /** Data API: how long a statement takes from SUBMITTED to its end, drawn per statement (default 0). */
  statementMs?: LatencyRange;
  /** Data API, 0..1: a statement ends FAILED with a serialization conflict, changing nothing. */
  statementFailureRate?: number;
  /** Data API: statements an account may have running; one more is ActiveStatementsExceededException. */
  maxActiveStatements?: number;
  /** Makes the rates and the drawn delays repeatable. */
  randomSeed?: number;
}

function checkRate(name: string, value: number | undefined): void {
  if (value !== undefined && (typeof value !== "number" || !(value >= 0 && value <= 1))) {
    throw new RangeError(`${name} must be a number between 0 and 1`);
  }
}

export function checkFaultConfig(config: FaultConfig): FaultConfig {
  if (typeof config !== "object" || config === null) throw new TypeError("FaultConfig must be an object");
  checkRate("throttleRate", config.throttleRate);
  checkRate("serverErrorRate", config.serverErrorRate);
  checkRate("statementFailureRate", config.statementFailureRate);
  if (config.statementMs !== undefined) checkLatencyConfig({ ...config.statementMs, perOperation: {} });
  if (
    config.maxActiveStatements !== undefined &&
    !(Number.isInteger(config.maxActiveStatements) && config.maxActiveStatements >= 1)
  ) {
    throw new RangeError("maxActiveStatements must be an integer >= 1");
  }
  if (config.latencyMs !== undefined && !(config.latencyMs >= 0))
    throw new RangeError("latencyMs must be >= 0");
  if (config.latencyMs !== undefined && config.latency !== undefined) {
    throw new RangeError("Give either latencyMs or latency, not both");
  }
  if (config.latency !== undefined) checkLatencyConfig(config.latency);
  if (config.rateLimit !== undefined) checkRateLimitConfig(config.rateLimit);
  if (config.dropResponse !== undefined && !Array.isArray(config.dropResponse)) {
    throw new TypeError("dropResponse must be a list of operation names");
  }
  return structuredClone(config);
}
