/**
 * The resource ID of a DataShare: `<target>,<database>,<name>[,<region>]` (../core/sqlId.ts
 * encodes the parts), and its canonical key: the live datashare (where it lives and its name, not
 * the database or credentials the statements use).
 */
import { formatSqlId, parseSqlId, type SqlIdTarget } from "../core/sqlId";
import type { SqlTarget } from "../core/sqlTarget";

/** What the ID holds. */
export interface DataShareKey {
  target: SqlIdTarget;
  database: string;
  name: string;
  region: string;
}

export function keyOf(target: SqlTarget, name: string, region: string): DataShareKey {
  const where: SqlIdTarget =
    target.clusterIdentifier !== undefined
      ? { clusterIdentifier: target.clusterIdentifier }
      : { workgroupName: target.workgroupName ?? "" };
  return { target: where, database: target.database, name, region };
}

export function formatId(key: DataShareKey): string {
  return formatSqlId({ target: key.target, parts: [key.database, key.name], region: key.region });
}

/** The ID's parts; the region is undefined when the ID has none (an import may leave it out). */
export function parseId(id: string): Omit<DataShareKey, "region"> & { region?: string } {
  const parsed = parseSqlId(id, "DataShare", ["database", "name"]);
  const [database, name] = parsed.parts;
  return {
    target: parsed.target,
    database,
    name,
    ...(parsed.region !== undefined ? { region: parsed.region } : {}),
  };
}

/** The live datashare a key names: its namespace's cluster or workgroup, its region, its name. */
export function canonicalKey(key: Pick<DataShareKey, "target" | "name" | "region">): string {
  const where =
    "clusterIdentifier" in key.target
      ? `cluster:${key.target.clusterIdentifier}`
      : `workgroup:${key.target.workgroupName}`;
  return `${where},${key.region},${key.name}`;
}
