/** Fault injection for the AWS API (never for /_emulator/). Off unless configured. */
export interface FaultConfig {
  /** 0..1: answer 400 ThrottlingException (the SDK retries it). */
  throttleRate?: number;
  /** 0..1: answer 503 ServiceUnavailable (the SDK retries it). */
  serverErrorRate?: number;
  /** Added before every answer. */
  latencyMs?: number;
  /** Operation names: apply the change, then destroy the socket without answering. */
  dropResponse?: string[];
  /** How many responses to drop per listed operation (default: every one). */
  dropResponseCount?: number;
  /** Makes the rates deterministic. */
  randomSeed?: number;
}

export interface InjectedFaults {
  throttled: number;
  serverErrors: number;
  droppedResponses: number;
}

export type FaultDecision = "throttle" | "serverError" | undefined;

/** mulberry32: small, fast and good enough to make fault rates repeatable. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
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
  if (config.latencyMs !== undefined && !(config.latencyMs >= 0))
    throw new RangeError("latencyMs must be >= 0");
  if (config.dropResponse !== undefined && !Array.isArray(config.dropResponse)) {
    throw new TypeError("dropResponse must be a list of operation names");
  }
  return { ...config, dropResponse: config.dropResponse ? [...config.dropResponse] : undefined };
}

export class FaultInjector {
  private config: FaultConfig = {};
  private random: () => number = Math.random;
  private droppedPerOperation = new Map<string, number>();
  private counts: InjectedFaults = { throttled: 0, serverErrors: 0, droppedResponses: 0 };

  constructor(config: FaultConfig = {}) {
    this.setConfig(config);
  }

  /** Replaces the configuration; the per-operation drop budget starts over. */
  setConfig(config: FaultConfig): void {
    this.config = checkFaultConfig(config);
    this.random = config.randomSeed !== undefined ? seededRandom(config.randomSeed) : Math.random;
    this.droppedPerOperation.clear();
  }

  getConfig(): FaultConfig {
    return { ...this.config };
  }

  get latencyMs(): number {
    return this.config.latencyMs ?? 0;
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

  injected(): InjectedFaults {
    return { ...this.counts };
  }

  resetCounts(): void {
    this.counts = { throttled: 0, serverErrors: 0, droppedResponses: 0 };
  }
}

/** Requests received per operation, including the ones answered by an injected fault. */
export class RequestCounter {
  private counts = new Map<string, number>();

  record(operation: string): void {
    this.counts.set(operation, (this.counts.get(operation) ?? 0) + 1);
  }

  snapshot(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.counts.clear();
  }
}
