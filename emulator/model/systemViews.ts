import type { Condition } from "../sql/ast";
import { StatementError } from "../sql/errors";
import { databaseOf, schemaOfObject } from "./catalog";
import { isInboundFor } from "./sqlDatabases";
import { ownShares, type SqlSession } from "./sqlSession";
import type { DataShareRecord } from "./types";

export type SqlValue = string | number | boolean | null;
export type ColumnType = "varchar" | "int4" | "bool" | "timestamp";

export interface ResultSet {
  columns: { name: string; type: ColumnType }[];
  rows: SqlValue[][];
}

interface ViewDefinition {
  columns: [string, ColumnType][];
  rows(session: SqlSession): Record<string, SqlValue>[];
}

/** Redshift shows `timestamp without time zone` as `YYYY-MM-DD HH:MM:SS`. */
function timestamp(iso: string): string {
  return iso.replace("T", " ").replace(/\.\d+Z$|Z$/, "");
}

function inboundShares(session: SqlSession): DataShareRecord[] {
  return session.state.dataShares
    .filter((s) => s.producerAccount !== session.account.id || s.producerNamespace !== session.namespace.id)
    .filter((s) => isInboundFor(s, session.account.id, session.namespace));
}

function consumerDatabaseOf(session: SqlSession, share: DataShareRecord): string | null {
  const db = (session.state.consumerDatabases ?? []).find(
    (d) =>
      d.dataShareArn === share.arn &&
      d.accountId === session.account.id &&
      d.namespaceId === session.namespace.id,
  );
  return db?.name ?? null;
}

function shareRow(session: SqlSession, share: DataShareRecord, type: "OUTBOUND" | "INBOUND") {
  return {
    share_name: share.name,
    share_id: 100_000 + session.state.dataShares.indexOf(share),
    share_owner: 100,
    source_database: type === "OUTBOUND" ? (share.database ?? databaseOf(session.namespace)) : null,
    consumer_database: type === "INBOUND" ? consumerDatabaseOf(session, share) : null,
    share_type: type,
    createdate: timestamp(share.createdDate),
    is_publicaccessible: share.allowPubliclyAccessibleConsumers,
    share_acl: null,
    producer_account: share.producerAccount,
    producer_namespace: share.producerNamespace,
    managed_by: share.managedBy ?? null,
  };
}

function objectRows(share: DataShareRecord, type: "OUTBOUND" | "INBOUND") {
  return (share.objects ?? []).map((o) => ({
    share_type: type,
    share_name: share.name,
    object_type: o.type,
    object_name: o.name,
    producer_account: share.producerAccount,
    producer_namespace: share.producerNamespace,
    include_new:
      type === "OUTBOUND" && o.type === "schema"
        ? (share.includeNew ?? []).includes(schemaOfObject(o))
        : null,
  }));
}

/** The system views the emulator answers, with SVV_*'s documented columns. */
const VIEWS: Record<string, ViewDefinition> = {
  svv_datashares: {
    columns: [
      ["share_name", "varchar"],
      ["share_id", "int4"],
      ["share_owner", "int4"],
      ["source_database", "varchar"],
      ["consumer_database", "varchar"],
      ["share_type", "varchar"],
      ["createdate", "timestamp"],
      ["is_publicaccessible", "bool"],
      ["share_acl", "varchar"],
      ["producer_account", "varchar"],
      ["producer_namespace", "varchar"],
      ["managed_by", "varchar"],
    ],
    rows: (session) => [
      ...ownShares(session).map((s) => shareRow(session, s, "OUTBOUND")),
      ...inboundShares(session).map((s) => shareRow(session, s, "INBOUND")),
    ],
  },
  svv_datashare_objects: {
    columns: [
      ["share_type", "varchar"],
      ["share_name", "varchar"],
      ["object_type", "varchar"],
      ["object_name", "varchar"],
      ["producer_account", "varchar"],
      ["producer_namespace", "varchar"],
      ["include_new", "bool"],
    ],
    rows: (session) => [
      ...ownShares(session).flatMap((s) => objectRows(s, "OUTBOUND")),
      ...inboundShares(session).flatMap((s) => objectRows(s, "INBOUND")),
    ],
  },
  svv_datashare_consumers: {
    columns: [
      ["share_name", "varchar"],
      ["consumer_account", "varchar"],
      ["consumer_namespace", "varchar"],
      ["share_date", "timestamp"],
    ],
    rows: (session) =>
      ownShares(session).flatMap((s) => [
        ...s.consumers
          .filter((g) => g.via !== "adx")
          .map((g) => ({
            share_name: s.name,
            consumer_account: g.accountId,
            consumer_namespace: null,
            share_date: timestamp(g.createdDate),
          })),
        ...(s.namespaceGrants ?? []).map((g) => ({
          share_name: s.name,
          consumer_account: s.producerAccount,
          consumer_namespace: g.namespace,
          share_date: timestamp(g.createdDate),
        })),
      ]),
  },
  svv_redshift_databases: {
    columns: [
      ["database_name", "varchar"],
      ["database_owner", "int4"],
      ["database_type", "varchar"],
      ["database_acl", "varchar"],
      ["database_options", "varchar"],
      ["database_isolation_level", "varchar"],
    ],
    rows: (session) => [
      {
        database_name: databaseOf(session.namespace),
        database_owner: 1,
        database_type: "local",
        database_acl: null,
        database_options: null,
        database_isolation_level: "Serializable",
      },
      ...(session.state.consumerDatabases ?? [])
        .filter((d) => d.accountId === session.account.id && d.namespaceId === session.namespace.id)
        .map((d) => {
          const share = session.state.dataShares.find((s) => s.arn === d.dataShareArn);
          const [, producerAccount, producerNamespace, shareName] =
            /^arn:[^:]+:redshift:[^:]+:(\d{12}):datashare:([^/]+)\/(.+)$/.exec(d.dataShareArn) ?? [];
          return {
            database_name: d.name,
            database_owner: 100,
            database_type: "shared",
            database_acl: null,
            database_options: JSON.stringify({
              datashare_name: shareName,
              datashare_producer_account: producerAccount,
              datashare_producer_namespace: producerNamespace,
              datashare_exists: share !== undefined,
              with_permissions: d.withPermissions,
            }),
            database_isolation_level: "Snapshot Isolation",
          };
        }),
    ],
  },
};

/** SELECT columns FROM view WHERE col = literal AND ...: exact comparison, in the view's row order. */
export function selectFromView(
  session: SqlSession,
  view: string,
  columns: string[] | "*",
  where: Condition[],
): ResultSet {
  const definition = VIEWS[view];
  if (!definition) throw new StatementError(`relation "${view}" does not exist`);
  const known = definition.columns.map(([name]) => name);
  const chosen = columns === "*" ? known : columns;
  for (const name of [...chosen, ...where.map((w) => w.column)]) {
    if (!known.includes(name)) throw new StatementError(`column "${name}" does not exist in ${view}`);
  }
  const rows = definition
    .rows(session)
    .filter((row) => where.every((w) => row[w.column] !== null && String(row[w.column]) === String(w.value)));
  return {
    columns: chosen.map((name) => ({ name, type: definition.columns.find(([n]) => n === name)![1] })),
    rows: rows.map((row) => chosen.map((name) => row[name])),
  };
}
