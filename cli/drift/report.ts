/**
 * The drift report: its versioned JSON shape (documented in docs/drift.md) and how it is built
 * from the refreshed resources. Pure.
 */
import { RefreshedResource } from "./events";
import { DriftKind, DriftValue, findDrift, GoneCause, Remedy } from "./findDrift";

export const SCHEMA_VERSION = 1;

export interface DriftEntry {
  resource: string;
  urn: string;
  kind: DriftKind;
  property: string;
  declared: DriftValue;
  live: DriftValue;
  remedy: Remedy;
  detail: string;
}

export interface DriftReport {
  schemaVersion: typeof SCHEMA_VERSION;
  stack: string;
  /** ISO 8601 time the check finished. */
  checkedAt: string;
  /** "preview": state untouched; "refresh": the refreshed state was written (--refresh). */
  mode: "preview" | "refresh";
  /** How many DataShareConsumer resources were checked. */
  resources: number;
  drifted: DriftEntry[];
}

export interface ReportInput {
  stack: string;
  mode: DriftReport["mode"];
  checkedAt: Date;
  refreshed: readonly RefreshedResource[];
  /** Why each gone resource (by URN) is gone, when it could be found out. */
  causes?: ReadonlyMap<string, GoneCause>;
}

export function buildReport(input: ReportInput): DriftReport {
  const drifted: DriftEntry[] = [];
  const sorted = [...input.refreshed].sort(
    (a, b) => a.name.localeCompare(b.name) || a.urn.localeCompare(b.urn),
  );
  for (const r of sorted) {
    for (const f of findDrift(r.old, r.live, input.causes?.get(r.urn))) {
      drifted.push({
        resource: r.name,
        urn: r.urn,
        kind: f.kind,
        property: f.property,
        declared: f.declared,
        live: f.live,
        remedy: f.remedy,
        detail: f.detail,
      });
    }
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    stack: input.stack,
    checkedAt: input.checkedAt.toISOString(),
    mode: input.mode,
    resources: input.refreshed.length,
    drifted,
  };
}

export function renderJson(report: DriftReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}

/** Names of the resources with at least one drifted property, in report order. */
export function driftedResources(report: DriftReport): string[] {
  return [...new Set(report.drifted.map((d) => d.resource))];
}
