import type { Statement } from "../sql/ast";
import { StatementError } from "../sql/errors";
import { formatNamespaceArn } from "./arns";
import { databaseOf } from "./catalog";
import { grantsOf } from "./consumers";
import { checkAccountLiteral, checkNamespaceLiteral, type SqlSession } from "./sqlSession";
import type { DataShareRecord, Namespace } from "./types";

/**
 * Whether the connected namespace may read a share: within the account, by GRANT USAGE TO
 * NAMESPACE; across accounts, by an ACTIVE association of an AUTHORIZED grant that covers it
 * (the entire account, this namespace, or this namespace's region).
 */
export function isInboundFor(share: DataShareRecord, accountId: string, namespace: Namespace): boolean {
  if (share.producerAccount === accountId) {
    return (share.namespaceGrants ?? []).some((g) => g.namespace === namespace.id);
  }
  const namespaceArn = formatNamespaceArn(namespace.type, namespace.region, accountId, namespace.id);
  return grantsOf(share, accountId).some(
    (grant) =>
      grant.status === "AUTHORIZED" &&
      grant.via === undefined &&
      grant.associations.some(
        (a) =>
          a.status === "ACTIVE" &&
          (a.target.kind === "account" ||
            (a.target.kind === "namespace" && a.target.arn === namespaceArn) ||
            (a.target.kind === "region" && a.target.region === namespace.region)),
      ),
  );
}

/** Every database name taken in the connected namespace: its own and those made from datashares. */
function databaseNames(session: SqlSession): string[] {
  return [
    databaseOf(session.namespace),
    ...(session.state.consumerDatabases ?? [])
      .filter((db) => db.accountId === session.account.id && db.namespaceId === session.namespace.id)
      .map((db) => db.name),
  ];
}

export function createDatabaseFromDatashare(
  session: SqlSession,
  s: Statement & { kind: "createDatabaseFromDatashare" },
): void {
  const producerAccount = s.account === undefined ? session.account.id : checkAccountLiteral(s.account);
  const producerNamespace = checkNamespaceLiteral(s.namespace);
  if (databaseNames(session).includes(s.database)) {
    throw new StatementError(`database "${s.database}" already exists`);
  }
  const share = session.state.dataShares.find(
    (d) =>
      d.name === s.share &&
      d.producerAccount === producerAccount &&
      d.producerNamespace === producerNamespace,
  );
  if (!share || !isInboundFor(share, session.account.id, session.namespace)) {
    throw new StatementError(
      `datashare "${s.share}" of account ${producerAccount} namespace ${producerNamespace} ` +
        `isn't shared with this namespace`,
    );
  }
  session.state.consumerDatabases ??= [];
  session.state.consumerDatabases.push({
    accountId: session.account.id,
    namespaceId: session.namespace.id,
    name: s.database,
    dataShareArn: share.arn,
    withPermissions: s.withPermissions,
    createdDate: session.now,
  });
}

export function dropDatabase(session: SqlSession, database: string): void {
  if (database === session.database) throw new StatementError("cannot drop the currently open database");
  if (database === databaseOf(session.namespace)) {
    throw new StatementError(`database "${database}" is the namespace's own; the emulator keeps it`);
  }
  const all = session.state.consumerDatabases ?? [];
  const kept = all.filter(
    (db) =>
      !(
        db.accountId === session.account.id &&
        db.namespaceId === session.namespace.id &&
        db.name === database
      ),
  );
  if (kept.length === all.length) throw new StatementError(`database "${database}" does not exist`);
  session.state.consumerDatabases = kept;
}
