/**
 * The drift decision: compare one DataShareConsumer's stored state with its refreshed state and say
 * what drifted and who can fix it. Pure: plain objects in, findings out. The table of causes and
 * remedies is documented in docs/drift.md.
 */
import type { GoneReason } from "../../provider/core/goneReport";
import { consumerSpec } from "../../provider/schema";
import {
  associationDriftDetail,
  associationRemedy,
  associationStatus,
  LIVE_ASSOCIATION_STATUS,
  type Remedy,
} from "../../provider/core/statuses";

/** A resource's inputs and outputs as the engine reports them (stored state, or refreshed). */
export interface ResourceState {
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

export type { Remedy };

export type DriftKind =
  | "association-gone"
  | "superseded"
  | "datashare-gone"
  | "status"
  | "consumer-writes"
  | "producer-writes"
  | "consumer-changed"
  // DataShareAuthorization (the producer's stack): see findAuthorizationDrift.ts.
  | "authorization-gone"
  | "authorization-writes"
  // DataShare (the producer's stack): see findDataShareDrift.ts.
  | "datashare-object"
  | "datashare-include-new"
  | "datashare-public-accessible"
  // DataShareDatabase (the consumer's stack): see findDatabaseDrift.ts.
  | "database-gone"
  | "database-changed"
  | "datashare-unavailable"
  // DataShareGrant (the producer's stack): see findGrantDrift.ts.
  | "grant-gone";

export type DriftValue = string | boolean | null;

export interface Finding {
  kind: DriftKind;
  property: string;
  declared: DriftValue;
  live: DriftValue;
  remedy: Remedy;
  detail: string;
}

/**
 * Why an association disappeared from the refreshed state: the reason the provider's read gave in
 * the refresh's event log (goneCauses.ts), or `unknown` when the log carries none for it.
 */
export type GoneCause = GoneReason | { kind: "unknown"; reason?: string };

/** A live association is what the program declares: its status is the live one. */
export const DECLARED_STATUS = LIVE_ASSOCIATION_STATUS;

/** Who can fix a status, and the words for it: ../../provider/core/statuses.ts decides both. */
function statusRemedy(status: string): { remedy: Remedy; detail: string } {
  return { remedy: associationRemedy(status), detail: associationDriftDetail(status) };
}

export function findDrift(old: ResourceState, live: ResourceState | undefined, cause?: GoneCause): Finding[] {
  if (live === undefined) return [goneFinding(old, cause ?? { kind: "unknown" })];
  const findings: Finding[] = [];
  const status = live.outputs.status;
  if (typeof status === "string" && !associationStatus(status).live) {
    const known = statusRemedy(status);
    findings.push({ kind: "status", property: "status", declared: DECLARED_STATUS, live: status, ...known });
  }
  findings.push(...targetFindings(old, live));
  // An association that is not ACTIVE grants nothing, so its write flags are moot: the status finding says it all.
  if (findings.every((f) => f.kind !== "status")) findings.push(...writeFindings(old, live));
  return findings;
}

/** What the program declared for writes: the stored `allowWrites` input, else what was accepted at the last update. */
export function declaredWrites(old: ResourceState): boolean {
  const input = old.inputs.allowWrites;
  if (typeof input === "boolean") return input;
  return old.outputs.consumerAcceptedWrites === true;
}

function writeFindings(old: ResourceState, live: ResourceState): Finding[] {
  const findings: Finding[] = [];
  const declared = declaredWrites(old);
  const producerLive = live.outputs.producerAllowedWrites;
  if (producerLive === false && (old.outputs.producerAllowedWrites === true || declared)) {
    findings.push({
      kind: "producer-writes",
      property: "producerAllowedWrites",
      declared: true,
      live: false,
      remedy: "producer",
      detail: "the producer authorized the datashare read-only; it must authorize it again with AllowWrites",
    });
  }
  const accepted = live.outputs.consumerAcceptedWrites;
  if (typeof accepted === "boolean" && accepted !== declared) {
    const blocked = declared && producerLive === false;
    findings.push({
      kind: "consumer-writes",
      property: "allowWrites",
      declared,
      live: accepted,
      remedy: blocked ? "producer" : "pulumi-up",
      detail: blocked
        ? "writes were turned off; the producer must allow writes again before `pulumi up --refresh` can accept them"
        : `the association was changed outside Pulumi to ${accepted ? "read-write" : "read-only"}; ` +
          "`pulumi up --refresh` associates it again as declared",
    });
  }
  return findings;
}

/** The key parts that say which consumer the association targets (all but the datashare). */
const TARGET_INPUTS = consumerSpec.keyParts.filter((p) => p !== "dataShareArn");
const TARGET_OUTPUTS = ["consumerIdentifier"] as const;

function targetFindings(old: ResourceState, live: ResourceState): Finding[] {
  const findings: Finding[] = [];
  const changed = (property: string, declared: DriftValue, now: DriftValue) =>
    findings.push({
      kind: "consumer-changed",
      property,
      declared,
      live: now,
      remedy: "pulumi-up",
      detail: "the association now targets another consumer; `pulumi up --refresh` restores the declared one",
    });
  for (const property of TARGET_INPUTS) {
    const before = normalise(property, old.inputs[property]);
    const after = normalise(property, live.inputs[property]);
    if (!same(before, after)) changed(property, before, after);
  }
  for (const property of [...TARGET_OUTPUTS, "consumerRegion"]) {
    if (findings.some((f) => f.property === property)) continue;
    const before = normalise(property, old.outputs[property]);
    const after = normalise(property, live.outputs[property]);
    // A value the refreshed state does not report is not evidence of a change.
    if (after !== null && before !== null && !same(before, after)) changed(property, before, after);
  }
  return findings;
}

function goneFinding(old: ResourceState, cause: GoneCause): Finding {
  const base = { property: "status", declared: DECLARED_STATUS, live: null };
  switch (cause.kind) {
    case "datashare-gone":
      return {
        kind: "datashare-gone",
        property: "dataShareArn",
        declared: asValue(old.inputs.dataShareArn),
        live: null,
        remedy: "producer",
        detail: "the datashare no longer exists; the producer must create and authorize it again",
      };
    case "superseded":
      return {
        ...base,
        kind: "superseded",
        remedy: "pulumi-up",
        detail:
          `the association was replaced by ${cause.by} made outside Pulumi; \`pulumi up --refresh\` restores ` +
          "the declared one and replaces that again, so decide which one to keep",
      };
    // "revoked" is a grant's (findGrantDrift.ts); for an association it means the same: no authorization.
    case "revoked":
    case "not-authorized":
      return {
        ...base,
        kind: "association-gone",
        remedy: "producer",
        detail:
          "the association is gone and the datashare is not authorized for this account" +
          (cause.kind === "not-authorized" && cause.status ? ` (status ${cause.status})` : "") +
          "; the producer must authorize it again",
      };
    case "disassociated":
      return {
        ...base,
        kind: "association-gone",
        remedy: "pulumi-up",
        detail:
          "the association was removed outside Pulumi, by this account or by the producer deauthorizing and " +
          "authorizing the datashare again; `pulumi up --refresh` associates it again",
      };
    case "reauthorized":
      return {
        ...base,
        kind: "association-gone",
        remedy: "pulumi-up",
        detail:
          `the producer authorized the datashare again ${cause.producerAllowedWrites ? "with writes allowed" : "read-only"}, ` +
          "which ended the association; `pulumi up --refresh` associates it again",
      };
    case "database-dropped": // a DataShareDatabase's cause (findDatabaseDrift.ts), never an association's
    case "unknown":
      return {
        ...base,
        kind: "association-gone",
        remedy: "pulumi-up",
        detail:
          "the association is gone; `pulumi up --refresh` associates it again if the datashare is still authorized" +
          (cause.kind === "unknown" && cause.reason ? ` (cause unknown: ${cause.reason})` : ""),
      };
  }
}

function normalise(property: string, value: unknown): DriftValue {
  // An entire-account flag of false means the same as leaving it out.
  if (property === "associateEntireAccount") return value === true ? true : null;
  return asValue(value);
}

function asValue(value: unknown): DriftValue {
  if (typeof value === "string" || typeof value === "boolean") return value === "" ? null : value;
  return null;
}

/** ARNs compare case-insensitively: AWS returns namespace GUIDs in lower case. */
function same(a: DriftValue, b: DriftValue): boolean {
  if (typeof a === "string" && typeof b === "string") return a.toLowerCase() === b.toLowerCase();
  return a === b;
}
