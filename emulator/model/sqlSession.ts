import { StatementError } from "../sql/errors";
import type { Behaviours } from "./behaviours";
import type { Account, DataShareRecord, ModelState, Namespace } from "./types";

/** Where a statement runs: the connected account, namespace and database, and the behaviours. */
export interface SqlSession {
  state: ModelState;
  account: Account;
  namespace: Namespace;
  database: string;
  now: string;
  behaviours: Behaviours;
}

const ACCOUNT_ID = /^\d{12}$/;
const NAMESPACE_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function checkAccountLiteral(account: string): string {
  if (!ACCOUNT_ID.test(account))
    throw new StatementError(`invalid account id '${account}': 12 digits expected`);
  return account;
}

export function checkNamespaceLiteral(namespace: string): string {
  if (!NAMESPACE_GUID.test(namespace))
    throw new StatementError(`invalid namespace '${namespace}': a GUID expected`);
  return namespace.toLowerCase();
}

/** The datashares the connected namespace produces. */
export function ownShares(session: SqlSession): DataShareRecord[] {
  return session.state.dataShares.filter(
    (s) => s.producerAccount === session.account.id && s.producerNamespace === session.namespace.id,
  );
}

/** A datashare of this namespace by (folded) name; ALTER and friends only work from its database. */
export function findOwnShare(session: SqlSession, name: string): DataShareRecord {
  const share = ownShares(session).find((s) => s.name === name);
  if (!share) throw new StatementError(`datashare "${name}" does not exist`);
  if (share.database !== undefined && share.database !== session.database) {
    throw new StatementError(
      `datashare "${name}" belongs to database "${share.database}", not the current one`,
    );
  }
  return share;
}
