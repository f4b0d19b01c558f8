/**
 * The resource ID of a DataShareGrant and its canonical key. Pure.
 *
 * ID: `<target>,<database>,<dataShareName>,<consumerIdentifier>[,<region>]` (../core/sqlId.ts:
 * `cluster:<id>` or `workgroup:<name>`, `%` and `,` percent-encoded, the API region last). Read and
 * delete rebuild the statement's target and the grant from it alone (`pulumi import`).
 *
 * The canonical key names the live grant only: the target's namespace (cluster or workgroup), the
 * datashare and the grantee. `database`, `dbUser`, `secretArn` and the API region say how the
 * statements reach it, not which grant it is (provider/README.md, "DataShareGrant").
 */
import { encodeIdPart, formatSqlId, parseSqlId, SqlIdError } from "../core/sqlId";
import type { SqlTarget } from "../core/sqlTarget";
import { parseGrantee } from "./grantee";
import { grantSpec } from "./schema";
import type { DataShareGrantInputs } from "./types";

/** Everything the ID holds: where the statements run and which grant. */
export interface GrantId {
  target: SqlTarget;
  dataShareName: string;
  consumerIdentifier: string;
}

const PARTS = ["database", "dataShareName", "consumerIdentifier"] as const;

export function formatId(g: GrantId): string {
  const { clusterIdentifier, workgroupName, database, region } = g.target;
  return formatSqlId({
    target: clusterIdentifier !== undefined ? { clusterIdentifier } : { workgroupName: workgroupName ?? "" },
    parts: [database, g.dataShareName, g.consumerIdentifier],
    ...(region !== undefined ? { region } : {}),
  });
}

export function parseId(id: string): GrantId {
  const parsed = parseSqlId(id, grantSpec.name, PARTS);
  const [database, dataShareName, consumerIdentifier] = parsed.parts;
  if (parseGrantee(consumerIdentifier) === undefined) {
    throw new SqlIdError(
      `${grantSpec.name} ID ${JSON.stringify(id)} names the grantee ${JSON.stringify(consumerIdentifier)}, which is ` +
        "not a 12-digit account ID, DataCatalog/<account ID> or a lower-case namespace GUID",
    );
  }
  return {
    target: { ...parsed.target, database, ...(parsed.region !== undefined ? { region: parsed.region } : {}) },
    dataShareName,
    consumerIdentifier,
  };
}

/** The ID parts of checked inputs. */
export function grantIdOf(inputs: DataShareGrantInputs): GrantId {
  const target: SqlTarget = { database: inputs.database };
  if (inputs.clusterIdentifier) target.clusterIdentifier = inputs.clusterIdentifier;
  if (inputs.workgroupName) target.workgroupName = inputs.workgroupName;
  if (inputs.region) target.region = inputs.region;
  return { target, dataShareName: inputs.dataShareName, consumerIdentifier: inputs.consumerIdentifier };
}

/** Redshift folds the ASCII letters of an unquoted datashare name (../core/identity's rule). */
const foldName = (name: string) => name.replace(/[A-Z]/g, (c) => c.toLowerCase());

/**
 * The grant's identity: the target (cluster identifiers and workgroup names are lower case by
 * check, and compared so), the datashare name folded as Redshift folds it, the grantee as written
 * (its forms are exact: digits, `DataCatalog/`, a lower-case GUID).
 */
export function canonicalKey(g: GrantId): string {
  const target =
    g.target.clusterIdentifier !== undefined
      ? `cluster:${g.target.clusterIdentifier.toLowerCase()}`
      : `workgroup:${(g.target.workgroupName ?? "").toLowerCase()}`;
  return [target, foldName(g.dataShareName), g.consumerIdentifier].map(encodeIdPart).join(",");
}

/** Two IDs name the same grant on AWS. */
export function sameGrant(a: GrantId, b: GrantId): boolean {
  return canonicalKey(a) === canonicalKey(b);
}
