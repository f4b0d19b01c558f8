/** One row of the benchmark's table and the formats of its cells (table.ts, inProcessRows.ts). */
import type { TargetCheck } from "./summary";

/** Measure, provider, floor, ratio, second reference (the two-property no-op), its ratio, target, result. */
export type Row = [string, string, string, string, string, string, string, string];

export const ms = (v: number) => `${v.toFixed(2)} ms`;
export const ms0 = (v: number) => `${v.toFixed(0)} ms`;
export const s = (v: number) => `${(v / 1000).toFixed(2)} s`;
export const x = (v: number) => `${v.toFixed(2)}×`;
export const bytes = (v: number) => `${Math.round(v)} B`;
export const mib = (kib: number) => `${Math.round(kib / 1024)} MiB`;
/** A growth as a signed percentage; NaN (no growth to speak of) as `whenNaN`. */
export const growthPercent = (v: number, whenNaN = "n/a") =>
  Number.isNaN(v) ? whenNaN : `${v >= 0 ? "+" : ""}${Math.round(v * 100)} %`;
export const calls = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
export const verdict = (t: TargetCheck | undefined) => (t === undefined ? "" : t.pass ? "PASS" : "MISS");
export const row = (
  measure: string,
  provider: string,
  floor = "",
  ratio = "",
  target = "",
  result = "",
  ref = "",
  refRatio = "",
): Row => [measure, provider, floor, ratio, ref, refRatio, target, result];
export const targetNamed = (targets: TargetCheck[], prefix: string) =>
  targets.find((t) => t.name.startsWith(prefix));
