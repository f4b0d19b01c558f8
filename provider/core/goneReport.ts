/**
 * The record a read writes for tools when it finds its resource gone: a marker and a JSON record,
 * sent at debug severity to the engine's event log (engineLog.ts), apart from the one sentence
 * people read as a warning. The dynamic provider host does not give `read` the resource's URN
 * (@pulumi/pulumi 3.248 calls `read(id, props)`), so the record names the resource by its type and
 * ID, which the same event log gives for every refreshed resource (`old.id`). The drift command
 * reads it back with `parseGoneReport`.
 */

/** Why a resource is gone; `kind` values are the drift report's causes (cli/drift/findDrift.ts). */
export type GoneReason =
  | { kind: "datashare-gone" }
  | { kind: "superseded"; by: string }
  | { kind: "disassociated" }
  /** The producer deauthorized and authorized the datashare again, with `producerAllowedWrites` now. */
  | { kind: "reauthorized"; producerAllowedWrites: boolean }
  | { kind: "not-authorized"; status?: string }
  /** A DataShareDatabase's database was dropped while its datashare still reaches the namespace. */
  | { kind: "database-dropped" }
  /** A DataShareGrant's usage was revoked (REVOKE USAGE ON DATASHARE) while the datashare stays. */
  | { kind: "revoked" };

export interface GoneReport {
  /** The resource's schema name (`DataShareConsumer`). */
  resource: string;
  /** The resource ID the engine passed to read. */
  id: string;
  reason: GoneReason;
}

const MARKER = "[pulumi-redshift-datashare gone]";
const KINDS = new Set([
  "datashare-gone",
  "superseded",
  "disassociated",
  "reauthorized",
  "not-authorized",
  "database-dropped",
  "revoked",
]);

/** The record alone: people read the sentence in a warning, tools this line in the event log. */
export function formatGoneReport(report: GoneReport): string {
  return `${MARKER} ${JSON.stringify({ v: 1, ...report })}`;
}

/** The record in a diagnostic message (whatever the engine or host put before it), or undefined. */
export function parseGoneReport(message: string): GoneReport | undefined {
  const at = message.lastIndexOf(MARKER);
  if (at < 0) return undefined;
  let record: unknown;
  try {
    record = JSON.parse(message.slice(at + MARKER.length).trim());
  } catch {
    return undefined;
  }
  if (!isRecord(record) || record.v !== 1) return undefined;
  const { resource, id, reason } = record;
  if (typeof resource !== "string" || typeof id !== "string" || !isRecord(reason)) return undefined;
  if (typeof reason.kind !== "string" || !KINDS.has(reason.kind)) return undefined;
  return { resource, id, reason: reasonOf(reason) };
}

function reasonOf(r: Record<string, unknown>): GoneReason {
  switch (r.kind) {
    case "superseded":
      return { kind: "superseded", by: typeof r.by === "string" ? r.by : "another association" };
    case "not-authorized":
      return typeof r.status === "string"
        ? { kind: "not-authorized", status: r.status }
        : { kind: "not-authorized" };
    case "disassociated":
      return { kind: "disassociated" };
    case "revoked":
      return { kind: "revoked" };
    case "reauthorized":
      return { kind: "reauthorized", producerAllowedWrites: r.producerAllowedWrites === true };
    case "database-dropped":
      return { kind: "database-dropped" };
    default:
      return { kind: "datashare-gone" };
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
