/** The cells of every part's table, the targets they carry, and the Markdown they are printed as. */

export const ms = (v: number) => `${v.toFixed(2)} ms`;
export const ms0 = (v: number) => `${v.toFixed(0)} ms`;
export const s = (v: number) => `${(v / 1000).toFixed(2)} s`;
export const x = (v: number) => `${v.toFixed(2)}×`;
export const bytes = (v: number) => `${Math.round(v)} B`;
export const mib = (kib: number) => `${Math.round(kib / 1024)} MiB`;
/** A growth as a signed percentage; NaN (no growth to speak of) as `whenNaN`. */
export const pct = (v: number, whenNaN = "n/a") =>
  Number.isNaN(v) ? whenNaN : `${v >= 0 ? "+" : ""}${Math.round(v * 100)} %`;
export const calls = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(2));
/** `{ Op: 2, Other: 1 }` as "Op 2, Other 1". */
export const listCounts = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([name, n]) => `${name} ${calls(n)}`)
    .join(", ");

/** A rate against its limit: rate, limit, share. */
export const perSecond = (v: number, limit: number) => [`${v.toFixed(2)}/s`, `${limit}/s`, x(v / limit)];

/** Measure, ours, floor, ratio. */
export const vs = (m: string, a: number, b: number, f: (v: number) => string) => [m, f(a), f(b), x(a / b)];

export interface TargetCheck {
  name: string;
  measured: number;
  limit: number;
  /** "×", "%" (a growth), or a noun ("failures", "calls", "bytes"). */
  unit: string;
  /** The measure must reach the limit rather than stay under it. */
  atLeast?: boolean;
  pass: boolean;
}

/** A row's Target and Result cells; the targets of a part are those of its table. */
export interface TargetCell {
  goal: string;
  check: TargetCheck;
}
export type Cell = string | TargetCell;

export function target(
  goal: string,
  name: string,
  measured: number,
  limit: number,
  unit: string,
  atLeast = false,
) {
  const pass = atLeast ? measured >= limit : measured <= limit;
  return { goal, check: { name, measured, limit, unit, ...(atLeast ? { atLeast } : {}), pass } };
}

const isTarget = (c: Cell): c is TargetCell => typeof c !== "string";
export const targetsOf = (rows: Cell[][]) =>
  rows
    .flat()
    .filter(isTarget)
    .map((c) => c.check);

function value(v: number, unit: string): string {
  if (unit === "×") return x(v);
  if (unit === "%") return pct(v);
  return `${Number.isInteger(v) ? v : v.toFixed(2)} ${unit}`;
}

/** "<label> met: 17 of 19; missed: <name> 1.16× (target ≤ 1.10×); …" */
export function targetsLine(label: string, targets: readonly TargetCheck[]): string {
  const missed = targets.filter((t) => !t.pass);
  const head = `${label} met: ${targets.length - missed.length} of ${targets.length}`;
  const bound = (t: TargetCheck) => `${t.atLeast ? "≥" : "≤"} ${value(t.limit, t.unit)}`;
  const what = missed.map((t) => `${t.name} ${value(t.measured, t.unit)} (target ${bound(t)})`);
  return missed.length === 0 ? `${head}.` : `${head}; missed: ${what.join("; ")}.`;
}

/** A row's cells fill the columns in order; its target, if any, the last two. */
export function markdownTable(header: readonly string[], rows: readonly Cell[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  const cellsOf = (row: readonly Cell[]) => {
    const t = row.find(isTarget);
    const plain = row.filter((c): c is string => !isTarget(c));
    const width = t ? header.length - 2 : header.length;
    const filled = [...plain, ...Array<string>(Math.max(0, width - plain.length)).fill("")];
    return t ? [...filled, t.goal, t.check.pass ? "PASS" : "MISS"] : filled;
  };
  return [line(header), line(header.map(() => "---")), ...rows.map((r) => line(cellsOf(r)))].join("\n");
}
