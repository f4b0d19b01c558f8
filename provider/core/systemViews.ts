/**
 * The SELECTs the SQL resources send to read what lives in Redshift, and their rows as typed
 * values. Only `SELECT cols FROM view WHERE col = 'literal' [AND ...]`: every value goes through
 * quoteLiteral (sql.ts). Columns are the ones AWS documents for each view (SVV_DATASHARES,
 * SVV_DATASHARE_OBJECTS, SVV_DATASHARE_CONSUMERS, SVV_REDSHIFT_DATABASES). Pure.
 *
 * Names in the views are stored as Redshift folds them (lower case), which is how the provider
 * requires them to be written (sql.ts), so an exact comparison finds them.
 */
import type { SqlCell, SqlRow } from "./dataApi";
import { quoteLiteral } from "./sql";

const DATASHARE_COLUMNS = [
  "share_name",
  "share_type",
  "source_database",
  "consumer_database",
  "is_publicaccessible",
  "producer_account",
  "producer_namespace",
  "managed_by",
] as const;
const OBJECT_COLUMNS = ["share_type", "share_name", "object_type", "object_name", "include_new"] as const;
const CONSUMER_COLUMNS = ["share_name", "consumer_account", "consumer_namespace"] as const;
const DATABASE_COLUMNS = ["database_name", "database_type", "database_options"] as const;

function select(view: string, columns: readonly string[], where: Record<string, string>): string {
  const conditions = Object.entries(where).map(([col, value]) => `${col} = ${quoteLiteral(value, col)}`);
  return `SELECT ${columns.join(", ")} FROM ${view}${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""}`;
}

/** The producer's own datashare of that name (OUTBOUND). */
export function selectOutboundDataShare(name: string): string {
  return select("svv_datashares", DATASHARE_COLUMNS, { share_name: name, share_type: "OUTBOUND" });
}

/** The objects in the producer's datashare. */
export function selectDataShareObjects(name: string): string {
  return select("svv_datashare_objects", OBJECT_COLUMNS, { share_name: name, share_type: "OUTBOUND" });
}

/** The grants of the producer's datashare (accounts and namespaces). */
export function selectDataShareConsumers(name: string): string {
  return select("svv_datashare_consumers", CONSUMER_COLUMNS, { share_name: name });
}

/** The consumer's INBOUND datashare that database `database` was made from (at most one). */
export function selectInboundDataShareOfDatabase(database: string): string {
  return select("svv_datashares", DATASHARE_COLUMNS, { share_type: "INBOUND", consumer_database: database });
}

/** The datashare of that producer account, namespace and name, if it reaches the connected namespace (INBOUND). */
export function selectInboundDataShare(
  name: string,
  producerAccount: string,
  producerNamespace: string,
): string {
  return select("svv_datashares", DATASHARE_COLUMNS, {
    share_type: "INBOUND",
    share_name: name,
    producer_account: producerAccount,
    producer_namespace: producerNamespace,
  });
}

/** The database of that name in the connected namespace (local or from a datashare). */
export function selectDatabase(name: string): string {
  return select("svv_redshift_databases", DATABASE_COLUMNS, { database_name: name });
}

export interface DataShareRow {
  shareName: string;
  shareType: "OUTBOUND" | "INBOUND";
  sourceDatabase?: string;
  consumerDatabase?: string;
  publicAccessible: boolean;
  producerAccount: string;
  producerNamespace: string;
  managedBy?: string;
}

export interface DataShareObjectRow {
  shareName: string;
  /** `schema`, `table`, `view`, `function`, … as Redshift writes it. */
  objectType: string;
  /** `schema`, `schema.table` or `schema.function(types)`. */
  objectName: string;
  /** For a schema of an OUTBOUND share: whether new objects join the share. */
  includeNew?: boolean;
}

export interface DataShareConsumerRow {
  shareName: string;
  consumerAccount?: string;
  consumerNamespace?: string;
}

export interface DatabaseRow {
  name: string;
  /** `local` or `shared`. */
  type: string;
  /** A shared database's origin (from database_options), when Redshift gives it. */
  dataShare?: {
    name?: string;
    producerAccount?: string;
    producerNamespace?: string;
    withPermissions?: boolean;
  };
}

/** A row that does not have the shape the view documents. */
export class SystemViewRowError extends Error {
  override readonly name = "SystemViewRowError";
}

const text = (row: SqlRow, col: string): string | undefined => {
  const v: SqlCell | undefined = row[col];
  if (v === null || v === undefined) return undefined;
  return String(v).trim();
};
const required = (row: SqlRow, col: string, view: string): string => {
  const v = text(row, col);
  if (v === undefined) throw new SystemViewRowError(`${view}: a row without ${col}`);
  return v;
};
const flag = (row: SqlRow, col: string): boolean | undefined => {
  const v = row[col];
  if (v === null || v === undefined) return undefined;
  if (typeof v === "boolean") return v;
  return ["t", "true", "1"].includes(String(v).trim().toLowerCase());
};
const optional = <K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } =>
  (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };

export function decodeDataShareRow(row: SqlRow): DataShareRow {
  const view = "svv_datashares";
  const shareType = required(row, "share_type", view).toUpperCase();
  if (shareType !== "OUTBOUND" && shareType !== "INBOUND") {
    throw new SystemViewRowError(`${view}: share_type ${shareType} is neither OUTBOUND nor INBOUND`);
  }
  return {
    shareName: required(row, "share_name", view),
    shareType,
    ...optional("sourceDatabase", text(row, "source_database")),
    ...optional("consumerDatabase", text(row, "consumer_database")),
    publicAccessible: flag(row, "is_publicaccessible") === true,
    producerAccount: required(row, "producer_account", view),
    producerNamespace: required(row, "producer_namespace", view),
    ...optional("managedBy", text(row, "managed_by")),
  };
}

export function decodeDataShareObjectRow(row: SqlRow): DataShareObjectRow {
  const view = "svv_datashare_objects";
  return {
    shareName: required(row, "share_name", view),
    objectType: required(row, "object_type", view).toLowerCase(),
    objectName: required(row, "object_name", view),
    ...optional("includeNew", flag(row, "include_new")),
  };
}

export function decodeDataShareConsumerRow(row: SqlRow): DataShareConsumerRow {
  return {
    shareName: required(row, "share_name", "svv_datashare_consumers"),
    ...optional("consumerAccount", text(row, "consumer_account")),
    ...optional("consumerNamespace", text(row, "consumer_namespace")),
  };
}

export function decodeDatabaseRow(row: SqlRow): DatabaseRow {
  const options = text(row, "database_options");
  return {
    name: required(row, "database_name", "svv_redshift_databases"),
    type: (text(row, "database_type") ?? "").toLowerCase(),
    ...optional("dataShare", options !== undefined ? sharedDatabaseOrigin(options) : undefined),
  };
}

/** database_options of a shared database: JSON naming the datashare; anything else: nothing known. */
function sharedDatabaseOrigin(options: string): DatabaseRow["dataShare"] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(options);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null) return undefined;
  const o = parsed as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === "string" ? (o[k] as string) : undefined);
  return {
    ...optional("name", str("datashare_name")),
    ...optional("producerAccount", str("datashare_producer_account")),
    ...optional("producerNamespace", str("datashare_producer_namespace")),
    ...optional("withPermissions", typeof o.with_permissions === "boolean" ? o.with_permissions : undefined),
  };
}
