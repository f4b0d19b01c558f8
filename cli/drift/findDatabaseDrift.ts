/**
 * The drift decision for a consumer's DataShareDatabase: compare its stored state with its
 * refreshed state and say who heals it. Pure. A database dropped by hand is the consumer's to make
 * again (`pulumi up --refresh` in its stack); a datashare that no longer reaches the consumer's
 * namespace (dropped, no longer granted, authorized or associated) needs the producer, and the
 * consumer's association, first. Documented in docs/drift.md.
 */
import { Finding, GoneCause, ResourceState } from "./findDrift";

const text = (v: unknown): string | null => (typeof v === "string" && v !== "" ? v : null);

const SHARE_BACK =
  "the producer must share it again (GRANT USAGE, AuthorizeDataShare) and the consumer associate it (DataShareConsumer)";

export function findDatabaseDrift(
  old: ResourceState,
  live: ResourceState | undefined,
  cause?: GoneCause,
): Finding[] {
  const name = text(old.inputs.name);
  if (live === undefined) return [goneFinding(old, name, cause ?? { kind: "unknown" })];
  const was = text(old.outputs.dataShareName) ?? shareNameOfArn(old.inputs.dataShareArn);
  const now = text(live.outputs.dataShareName);
  if (now === null) {
    return [
      {
        kind: "datashare-unavailable",
        property: "dataShareName",
        declared: was,
        live: null,
        remedy: "producer",
        detail:
          `database ${name ?? ""} remains, but its datashare no longer reaches this namespace (dropped by the producer, ` +
          `or no longer granted, authorized or associated), so queries through it fail; ${SHARE_BACK}, then ` +
          "`pulumi up --refresh` records it again",
      },
    ];
  }
  if (was !== null && sameShare(old.outputs, live.outputs) === false) {
    return [
      {
        kind: "database-changed",
        property: "dataShareName",
        declared: was,
        live: now,
        remedy: "pulumi-up",
        detail:
          `database ${name ?? ""} was made again outside Pulumi from another datashare; ` +
          "`pulumi up --refresh` replaces it with the declared one",
      },
    ];
  }
  return [];
}

function goneFinding(old: ResourceState, name: string | null, cause: GoneCause): Finding {
  if (cause.kind === "datashare-gone") {
    return {
      kind: "datashare-gone",
      property: "dataShareArn",
      declared: text(old.inputs.dataShareArn),
      live: null,
      remedy: "producer",
      detail:
        `database ${name ?? ""} is gone and its datashare no longer reaches this namespace (dropped by the producer, ` +
        `or no longer granted, authorized or associated); ${SHARE_BACK}, then \`pulumi up --refresh\` creates the database`,
    };
  }
  return {
    kind: "database-gone",
    property: "name",
    declared: name,
    live: null,
    remedy: "pulumi-up",
    detail:
      cause.kind === "database-dropped"
        ? `database ${name ?? ""} was dropped outside Pulumi; the consumer's \`pulumi up --refresh\` creates it again`
        : `database ${name ?? ""} is gone; the consumer's \`pulumi up --refresh\` creates it again, or fails ` +
          "changing nothing if the datashare no longer reaches this namespace",
  };
}

/** Whether both states name the same datashare (false), or one does not say (undefined). */
function sameShare(before: Record<string, unknown>, after: Record<string, unknown>): boolean | undefined {
  const parts = ["producerAccount", "producerNamespace", "dataShareName"];
  if (parts.some((p) => text(before[p]) === null || text(after[p]) === null)) return undefined;
  return parts.every((p) => text(before[p])!.toLowerCase() === text(after[p])!.toLowerCase());
}

function shareNameOfArn(arn: unknown): string | null {
  const name = typeof arn === "string" ? arn.slice(arn.lastIndexOf("/") + 1) : "";
  return name === "" ? null : name;
}
