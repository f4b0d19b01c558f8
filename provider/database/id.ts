/**
 * The resource ID of a DataShareDatabase, `<target>,<database>,<name>[,<region>]` (../core/sqlId.ts:
 * target `cluster:<id>` or `workgroup:<name>`, each part with `%` and `,` percent-encoded). It
 * carries everything read, delete and `pulumi import` need, so `read(id, {})` rebuilds the inputs
 * but the datashare, which read learns from the consumer's views.
 */
import { parseDataShareArn } from "../core/arn";
import { formatSqlId, parseSqlId, type SqlIdTarget } from "../core/sqlId";
import { sqlTargetOf, type SqlTarget } from "../core/sqlTarget";
import type { DatabaseKey, InboundShare } from "./types";

const RESOURCE = "DataShareDatabase";
const PARTS = ["database", "name"] as const;

export function formatId(key: DatabaseKey): string {
  return formatSqlId({
    target: key.target,
    parts: [key.database, key.name],
    ...(key.region !== undefined ? { region: key.region } : {}),
  });
}

export function parseId(id: string): DatabaseKey {
  const { target, parts, region } = parseSqlId(id, RESOURCE, PARTS);
  const [database, name] = parts;
  return { target, database, name, ...(region !== undefined ? { region } : {}) };
}

/**
 * The live database's identity, what claims compare (../core/claims.ts): the cluster or
 * workgroup, the database's name, the datashare it is made from and whether it was made WITH
 * PERMISSIONS. Not the database the statements connect to, the credentials or the API region: they
 * change how the provider reaches the database, not which one it is. The datashare and the
 * permissions are part of it because a database cannot be re-pointed or re-made in place: with
 * either changed, the replacement's delete must drop the database the program no longer declares
 * (diff.ts deletes first there), while `up --replace` of the same key adopts and keeps it.
 */
export function canonicalKey(identity: DatabaseIdentity): string {
  const target =
    "clusterIdentifier" in identity.target
      ? `cluster:${identity.target.clusterIdentifier}`
      : `workgroup:${identity.target.workgroupName}`;
  return [
    target,
    identity.name,
    shareIdentity(identity.share),
    identity.withPermissions ? "with" : "without",
  ].join("\u0000");
}

export interface DatabaseIdentity {
  target: SqlIdTarget;
  name: string;
  share: InboundShare | undefined;
  withPermissions: boolean;
}

/**
 * A datashare by what the consumer's views show of it: producer account, namespace and name; the
 * ARN's region and letter case do not count. Names fold their ASCII letters, as Redshift's do.
 */
export function shareIdentity(share: InboundShare | undefined): string {
  if (share === undefined) return "";
  const name = share.dataShareName.replace(/[A-Z]/g, (c) => c.toLowerCase());
  return `${share.producerAccount}:${share.producerNamespace.toLowerCase()}/${name}`;
}

/** The datashare an ARN names, as the consumer's views would show it; undefined for a malformed ARN. */
export function shareOfArn(dataShareArn: unknown): InboundShare | undefined {
  if (typeof dataShareArn !== "string") return undefined;
  const parsed = parseDataShareArn(dataShareArn);
  if (!parsed.ok) return undefined;
  return {
    producerAccount: parsed.value.account,
    producerNamespace: parsed.value.producerNamespace,
    dataShareName: parsed.value.name,
  };
}

/** The identity declared inputs ask for (checked inputs). */
export function identityOfInputs(inputs: Record<string, unknown>): DatabaseIdentity {
  const key = keyFromInputs(inputs);
  return {
    target: key.target,
    name: key.name,
    share: shareOfArn(inputs.dataShareArn),
    withPermissions: inputs.withPermissions === true,
  };
}

/** The key of checked inputs. */
export function keyFromInputs(inputs: Record<string, unknown>): DatabaseKey {
  const target = sqlTargetOf(inputs);
  const key: DatabaseKey = { target: idTarget(target), database: target.database, name: String(inputs.name) };
  if (target.region !== undefined) key.region = target.region;
  return key;
}

export function idTarget(target: SqlTarget): SqlIdTarget {
  return target.clusterIdentifier !== undefined
    ? { clusterIdentifier: target.clusterIdentifier }
    : { workgroupName: target.workgroupName ?? "" };
}

/** The target inputs an ID stands for (no dbUser or secretArn: the ID holds no credentials). */
export function targetInputsFromKey(key: DatabaseKey): Record<string, string> {
  return {
    ...key.target,
    database: key.database,
    name: key.name,
    ...(key.region !== undefined ? { region: key.region } : {}),
  };
}
