/**
 * The table's in-process rows: each resource's provider against direct SDK calls (times and API
 * calls per operation), and the provider host's cold start.
 */
import type { OverheadResult } from "./providerOverhead";
import { OPERATIONS } from "./providerOverhead";
import type { Measurements, TargetCheck } from "./summary";
import { calls, ms, ms0, Row, row, targetNamed, verdict, x } from "./tableRow";

/**
 * `resource` prefixes the measure and names the targets: "" for DataShareConsumer (its rows and
 * targets predate the second resource), "authorization " for DataShareAuthorization.
 */
export function overheadRows(overhead: OverheadResult, targets: TargetCheck[], resource: string): Row[] {
  const rows: Row[] = [];
  for (const op of OPERATIONS) {
    const o = overhead.operations[op];
    rows.push(
      row(
        `${resource}${op}, in-process (median of ${overhead.reps})`,
        ms(o.providerMs),
        ms(o.sdkMs),
        x(o.ratio),
        "≤ 1.10×",
        verdict(targetNamed(targets, `${resource}${op}: provider / SDK`)),
      ),
    );
  }
  for (const op of OPERATIONS) {
    const o = overhead.operations[op];
    const detail = Object.entries(o.providerCalls)
      .map(([name, n]) => `${name} ${calls(n)}`)
      .join(", ");
    rows.push(
      row(`API calls per ${resource}${op} (${detail})`, calls(o.providerCallsPerOp), calls(o.sdkCallsPerOp)),
    );
  }
  return rows;
}

export function coldStartRows(m: Measurements): Row[] {
  const p = m.coldStart.find((c) => c.kind === "DataShareConsumer");
  const f = m.coldStart.find((c) => c.kind === "no-op");
  if (!p || !f) return [];
  const ref = (a: number, b: number, fmt: (v: number) => string) =>
    ["", "", "", "", fmt(b), x(a / b)] as const;
  const mk = (label: string, a: number, b: number, fmt: (v: number) => string): Row => {
    const [fl, ra, t, v, rb, rr] = ref(a, b, fmt);
    return row(label, fmt(a), fl, ra, t, v, rb, rr);
  };
  return [
    mk(`provider host start (median of ${p.hosts} hosts)`, p.hostStartMs, f.hostStartMs, ms0),
    mk("host's first Create (cold)", p.firstCreateMs, f.firstCreateMs, ms),
    mk(
      `host's later Creates (median of ${p.hosts * (p.createsPerHost - 1)})`,
      p.laterCreateMs,
      f.laterCreateMs,
      ms,
    ),
  ];
}
