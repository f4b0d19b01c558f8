/** What became of a request that passed the signature check. */
export type RequestOutcome = "accepted" | "rateLimited" | "throttled" | "serverError";

export interface OperationCounts {
  /** Every request naming the operation, whatever became of it. */
  received: number;
  /** Run by the model (its answer may still be a modeled fault or a dropped response). */
  accepted: number;
  /** Refused by the rate limit's token bucket. */
  rateLimited: number;
  /** Refused by the random throttling fault. */
  throttled: number;
  /** Refused by the random server-error fault. */
  serverErrors: number;
}

const OUTCOME_FIELD: Record<RequestOutcome, keyof OperationCounts> = {
  accepted: "accepted",
  rateLimited: "rateLimited",
  throttled: "throttled",
  serverError: "serverErrors",
};

const empty = (): OperationCounts => ({
  received: 0,
  accepted: 0,
  rateLimited: 0,
  throttled: 0,
  serverErrors: 0,
});

/** Requests per operation, so that a benchmark can tell accepted calls from refused ones. */
export class RequestCounter {
  private counts = new Map<string, OperationCounts>();

  private entry(operation: string): OperationCounts {
    let entry = this.counts.get(operation);
    if (!entry) {
      entry = empty();
      this.counts.set(operation, entry);
    }
    return entry;
  }

  record(operation: string): void {
    this.entry(operation).received++;
  }

  recordOutcome(operation: string, outcome: RequestOutcome): void {
    this.entry(operation)[OUTCOME_FIELD[outcome]]++;
  }

  /** Received requests per operation (faulted ones included). */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts].map(([op, c]) => [op, c.received]));
  }

  byOperation(): Record<string, OperationCounts> {
    return Object.fromEntries([...this.counts].map(([op, c]) => [op, { ...c }]));
  }

  reset(): void {
    this.counts.clear();
  }
}
