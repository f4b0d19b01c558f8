/** Small numeric helpers for the benchmarks: medians and wall-clock timing. */

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Milliseconds since an arbitrary origin, sub-millisecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export async function timeMs<T>(run: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = nowMs();
  const value = await run();
  return { ms: nowMs() - start, value };
}

/** Per-resource marginal cost between two sizes: (t(large) - t(small)) / (large - small). */
export function marginal(small: { n: number; ms: number }, large: { n: number; ms: number }): number {
  return (large.ms - small.ms) / (large.n - small.n);
}

/** Request counts taken after minus before, for the operations that changed. */
export function countsDelta(
  before: Record<string, number>,
  after: Record<string, number>,
): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [op, n] of Object.entries(after)) {
    const d = n - (before[op] ?? 0);
    if (d !== 0) delta[op] = d;
  }
  return delta;
}

export function sumCounts(counts: Record<string, number>): number {
  return Object.values(counts).reduce((a, b) => a + b, 0);
}
