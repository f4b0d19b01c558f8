import { seededRandom } from "./random";

export interface LatencyRange {
  minMs: number;
  maxMs: number;
}

/** A default range for every operation, and ranges for some operations that replace it. */
export interface LatencyConfig extends Partial<LatencyRange> {
  perOperation?: Record<string, LatencyRange>;
}

const MAX_DELAY_MS = 600_000;

function checkRange(where: string, range: Partial<LatencyRange>, optional: boolean): void {
  if (optional && range.minMs === undefined && range.maxMs === undefined) return;
  const { minMs, maxMs } = range;
  if (
    typeof minMs !== "number" ||
    typeof maxMs !== "number" ||
    !(minMs >= 0 && minMs <= maxMs && maxMs <= MAX_DELAY_MS)
  ) {
    throw new RangeError(`${where} needs 0 <= minMs <= maxMs <= ${MAX_DELAY_MS}`);
  }
}

export function checkLatencyConfig(config: LatencyConfig): void {
  if (typeof config !== "object" || config === null) throw new TypeError("latency must be an object");
  checkRange("latency", config, true);
  for (const [operation, range] of Object.entries(config.perOperation ?? {})) {
    if (typeof range !== "object" || range === null) throw new TypeError(`latency.perOperation.${operation}`);
    checkRange(`latency.perOperation.${operation}`, range, false);
  }
}

/**
 * Draws the delay added before an answer: uniform in the operation's range, from its own seeded
 * stream so that turning latency on does not change which requests the fault rates pick.
 */
export class LatencyModel {
  private readonly random: () => number;

  constructor(
    private readonly config: LatencyConfig,
    randomSeed: number | undefined,
  ) {
    this.random = randomSeed === undefined ? Math.random : seededRandom(randomSeed ^ 0x5bd1e995);
  }

  delayFor(operation: string): number {
    const range = this.config.perOperation?.[operation] ?? this.config;
    if (range.minMs === undefined || range.maxMs === undefined) return 0;
    return range.minMs + Math.floor(this.random() * (range.maxMs - range.minMs + 1));
  }
}
