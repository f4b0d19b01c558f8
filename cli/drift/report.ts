/**
 * The drift report: its versioned JSON shape (documented in docs/drift.md) and how it is built
 * from the refreshed resources. Pure.
 */
import { resourceNames } from "../../provider/schema";
import { DriftResourceType, RefreshedResource, typeOf } from "./events";
import { findAuthorizationDrift } from "./findAuthorizationDrift";
import { findDataShareDrift } from "./findDataShareDrift";
import { findDatabaseDrift } from "./findDatabaseDrift";
import { findDrift, Finding, GoneCause } from "./findDrift";
import { findGrantDrift } from "./findGrantDrift";

/**
 * Version 1, extended: `drifted[].resourceType`, `resourceCounts` and the authorization kinds were
 * added without a bump, as the schema allows; every earlier field keeps its meaning.
 */
export const SCHEMA_VERSION = 1;

/** Which resource a finding belongs to. */
export interface DriftLocation {
  resource: string;
  urn: string;
  resourceType: DriftResourceType;
}

/** One row of `drifted`: the resource, then its finding. */
export type DriftEntry = DriftLocation & Finding;

export interface DriftReport {
  schemaVersion: typeof SCHEMA_VERSION;
  stack: string;
  /** ISO 8601 time the check finished. */
  checkedAt: string;
  /** "preview": state untouched; "refresh": the refreshed state was written (--refresh). */
  mode: "preview" | "refresh";
  /** How many resources were checked (DataShareConsumer and DataShareAuthorization). */
  resources: number;
  /** The same count by type. */
  resourceCounts: Record<DriftResourceType, number>;
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
    for (const f of findingsOf(r, input.causes)) {
      drifted.push(entryOf({ resource: r.name, urn: r.urn, resourceType: typeOf(r) }, f));
    }
  }
  return {
    schemaVersion: SCHEMA_VERSION,
    stack: input.stack,
    checkedAt: input.checkedAt.toISOString(),
    mode: input.mode,
    resources: input.refreshed.length,
    resourceCounts: Object.fromEntries(
      resourceNames.map((name) => [name, input.refreshed.filter((r) => typeOf(r) === name).length]),
    ) as Record<DriftResourceType, number>,
    drifted,
  };
}

/** Keys in the documented order (docs/drift.md), whatever order the finding was built in. */
function entryOf(at: DriftLocation, f: Finding): DriftEntry {
  const { kind, property, declared, live, remedy, detail } = f;
  return { ...at, kind, property, declared, live, remedy, detail };
}

/** Each resource's drift decision; the compiler asks for one per registered resource. */
const DRIFT_DECISIONS: { [N in DriftResourceType]: typeof findDrift } = {
  DataShareConsumer: findDrift,
  DataShareAuthorization: findAuthorizationDrift,
  DataShare: findDataShareDrift,
  DataShareDatabase: findDatabaseDrift,
  DataShareGrant: findGrantDrift,
};

function findingsOf(r: RefreshedResource, causes: ReadonlyMap<string, GoneCause> | undefined): Finding[] {
  return DRIFT_DECISIONS[typeOf(r)](r.old, r.live, causes?.get(r.urn));
}

export function renderJson(report: DriftReport): string {
  return JSON.stringify(report, null, 2) + "\n";
}

/** Names of the resources with at least one drifted property, in report order. */
export function driftedResources(report: DriftReport): string[] {
  return [...new Set(report.drifted.map((d) => d.resource))];
}
