import { checkFaultConfig, type FaultConfig } from "./faultConfig";
import { LatencyModel } from "./latency";
import { seededRandom } from "./random";
import { RateLimiter, type RateLimitKey } from "./rateLimiter";

export type { FaultConfig } from "./faultConfig";
export { RequestCounter, type OperationCounts } from "./requestCounter";

/** The random faults (throttleRate, serverErrorRate, dropResponse). */
export interface InjectedFaults {
  throttled: number;
  serverErrors: number;
  droppedResponses: number;
}

/** The random faults plus the answers refused because a token bucket was empty (rateLimit). */
export interface FaultCounts extends InjectedFaults {
  rateLimited: number;
}

export type FaultDecision = "throttle" | "serverError" | undefined;

const noFaults = (): FaultCounts => ({ throttled: 0, rateLimited: 0, serverErrors: 0, droppedResponses: 0 });

export class FaultInjector {
  private config: FaultConfig = {};
  private random: () => number = Math.random;
  private latency = new LatencyModel({}, undefined);
  private statementLatency = new LatencyModel({}, undefined);
  private statementRandom: () => number = Math.random;
  private limiter = new RateLimiter({});
  private droppedPerOperation = new Map<string, number>();
  private counts = noFaults();

  constructor(
    config: FaultConfig = {},
    private readonly monotonicNow: () => number = () => performance.now(),
  ) {
    this.setConfig(config);
  }

  /** Replaces the configuration; the drop budget starts over and every token bucket starts full. */
  setConfig(config: FaultConfig): void {
    this.config = checkFaultConfig(config);
    this.random = config.randomSeed !== undefined ? seededRandom(config.randomSeed) : Math.random;
    const fixed = this.config.latencyMs;
    const latency = fixed !== undefined ? { minMs: fixed, maxMs: fixed } : (this.config.latency ?? {});
    this.latency = new LatencyModel(latency, config.randomSeed);
    this.statementLatency = new LatencyModel(this.config.statementMs ?? {}, config.randomSeed);
    this.statementRandom =
      config.randomSeed !== undefined ? seededRandom(config.randomSeed ^ 0x2c1b3c6d) : Math.random;
    this.limiter = new RateLimiter(this.config.rateLimit ?? {}, this.monotonicNow);
    this.droppedPerOperation.clear();
  }

  getConfig(): FaultConfig {
    return structuredClone(this.config);
  }

  /** The delay to add before answering this operation (0 when latency is off). */
  delayFor(operation: string): number {
    return this.latency.delayFor(operation);
  }

  /** How long the next Data API statement runs (statementMs; 0 when off). */
  statementDurationMs(): number {
    return this.statementLatency.delayFor("statement");
  }

  /** Whether the next Data API statement fails with an injected conflict (statementFailureRate). */
  statementConflict(): boolean {
    return this.statementRandom() < (this.config.statementFailureRate ?? 0);
  }

  maxActiveStatements(): number | undefined {
    return this.config.maxActiveStatements;
  }

  /** Takes a token from the caller's bucket; false (and counted) when the bucket is empty. */
  admit(key: RateLimitKey): boolean {
    if (this.limiter.admit(key)) return true;
    this.counts.rateLimited++;
    return false;
  }

  /** Decides whether this request is answered with an injected error instead of being run. */
  decide(): FaultDecision {
    const throttleDraw = this.random();
    const serverErrorDraw = this.random();
    if (throttleDraw < (this.config.throttleRate ?? 0)) {
      this.counts.throttled++;
      return "throttle";
    }
    if (serverErrorDraw < (this.config.serverErrorRate ?? 0)) {
      this.counts.serverErrors++;
      return "serverError";
    }
    return undefined;
  }

  /** Whether the answer to this (already applied) operation is to be dropped; counts it if so. */
  shouldDrop(operation: string): boolean {
    if (!this.config.dropResponse?.includes(operation)) return false;
    const dropped = this.droppedPerOperation.get(operation) ?? 0;
    if (this.config.dropResponseCount !== undefined && dropped >= this.config.dropResponseCount) return false;
    this.droppedPerOperation.set(operation, dropped + 1);
    this.counts.droppedResponses++;
    return true;
  }

  injected(): FaultCounts {
    return { ...this.counts };
  }

  resetCounts(): void {
    this.counts = noFaults();
  }
}
