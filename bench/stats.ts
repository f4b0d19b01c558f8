/** Small numeric helpers for the benchmarks: medians, marginals, timing, request counts. */
import type { OperationCounts } from "../emulator";

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Per-resource marginal cost between two sizes: (t(large) - t(small)) / (large - small). */
export const marginal = (small: { n: number; ms: number }, large: { n: number; ms: number }) =>
  (large.ms - small.ms) / (large.n - small.n);

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

export async function timeMs<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = nowMs();
  const value = await run();
  return { ms: nowMs() - start, value };
}

/** Counts after minus before, for the keys that changed. */
export function countsDelta(before: Record<string, number>, after: Record<string, number>) {
  const changed = Object.entries(after).map(([k, n]) => [k, n - (before[k] ?? 0)] as const);
  return Object.fromEntries(changed.filter(([, d]) => d !== 0));
}

export const sumCounts = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The emulator's counts after minus before, for the operations called in between. */
export function operationDelta(
  before: Record<string, OperationCounts>,
  after: Record<string, OperationCounts>,
) {
  const delta = Object.entries(after).map(([op, counts]) => {
    const was = (before[op] ?? {}) as Partial<OperationCounts>;
    return [op, countsDelta(was as Record<string, number>, { ...counts })] as const;
  });
  return Object.fromEntries(
    delta.filter(([, d]) => d.received !== undefined).map(([op, d]) => [op, { ...ZERO, ...d }]),
  ) as Record<string, OperationCounts>;
}

const ZERO: OperationCounts = { received: 0, accepted: 0, rateLimited: 0, throttled: 0, serverErrors: 0 };

/** Sum of one counter over every operation. */
export const total = (calls: Record<string, OperationCounts>, counter: keyof OperationCounts) =>
  Object.values(calls).reduce((sum, c) => sum + c[counter], 0);
