/**
 * The IDs of the SQL resources (`pulumi import` takes them): comma-separated parts, `%` and `,`
 * percent-encoded in each part, the target part `cluster:<id>` or `workgroup:<name>` first, the API
 * region last and optional. Pure.
 *
 *   DataShare          <target>,<database>,<name>[,<region>]
 *   DataShareGrant     <target>,<database>,<dataShareName>,<consumerIdentifier>[,<region>]
 *   DataShareDatabase  <target>,<database>,<name>[,<region>]
 */
import { ExplainedError } from "./errors";

/** The target part: a provisioned cluster or a serverless workgroup. */
export type SqlIdTarget = { clusterIdentifier: string } | { workgroupName: string };

export interface SqlId {
  target: SqlIdTarget;
  /** The parts between the target and the region (database, names), decoded. */
  parts: string[];
  region?: string;
}

/** An ID that is not of the resource's form; the message names the forms it takes. */
export class SqlIdError extends ExplainedError {
  override readonly name = "SqlIdError";
}

/** `%` → `%25`, `,` → `%2C`: nothing else, so IDs stay readable. */
export function encodeIdPart(part: string): string {
  return part.replace(/%/g, "%25").replace(/,/g, "%2C");
}

/** The inverse of encodeIdPart; undefined for a `%` not followed by 25 or 2C. */
export function decodeIdPart(part: string): string | undefined {
  if (/%(?!25|2[Cc])/.test(part)) return undefined;
  return part.replace(/%2[Cc]/g, ",").replace(/%25/g, "%");
}

function targetPart(target: SqlIdTarget): string {
  return "clusterIdentifier" in target
    ? `cluster:${target.clusterIdentifier}`
    : `workgroup:${target.workgroupName}`;
}

export function formatSqlId(id: SqlId): string {
  const parts = [targetPart(id.target), ...id.parts, ...(id.region !== undefined ? [id.region] : [])];
  return parts.map(encodeIdPart).join(",");
}

/**
 * Parses an ID of a resource whose middle parts are named `partNames` (e.g. ["database", "name"]);
 * `resource` names the resource in the error, which says the expected forms.
 */
export function parseSqlId(id: string, resource: string, partNames: readonly string[]): SqlId {
  const form = `<target>,${partNames.map((n) => `<${n}>`).join(",")}[,<region>]`;
  const refuse = (why: string) =>
    new SqlIdError(
      `${resource} ID ${JSON.stringify(id)} ${why}; expected ${form}, where <target> is cluster:<clusterIdentifier> ` +
        "or workgroup:<workgroupName>, each part with % written %25 and , written %2C",
    );
  const raw = id.split(",");
  if (raw.length !== partNames.length + 1 && raw.length !== partNames.length + 2) {
    throw refuse(
      `has ${raw.length} comma-separated parts, not ${partNames.length + 1} or ${partNames.length + 2}`,
    );
  }
  const decoded = raw.map(decodeIdPart);
  const bad = decoded.findIndex((p) => p === undefined);
  if (bad >= 0) throw refuse(`has a % that is not %25 or %2C in part ${bad + 1}`);
  const [first, ...rest] = decoded as string[];
  const target = parseTarget(first);
  if (target === undefined)
    throw refuse(`starts with ${JSON.stringify(first)}, not cluster:<id> or workgroup:<name>`);
  const empty = rest.findIndex((p) => p === "");
  if (empty >= 0) throw refuse(`has an empty part ${empty + 2}`);
  const parts = rest.slice(0, partNames.length);
  const region = rest[partNames.length];
  return { target, parts, ...(region !== undefined ? { region } : {}) };
}

function parseTarget(part: string): SqlIdTarget | undefined {
  const m = /^(cluster|workgroup):([\s\S]+)$/.exec(part);
  if (!m) return undefined;
  return m[1] === "cluster" ? { clusterIdentifier: m[2] } : { workgroupName: m[2] };
}
