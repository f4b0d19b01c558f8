/**
 * The SQL DataShareDatabase sends: CREATE DATABASE … FROM DATASHARE and DROP DATABASE, every name
 * and literal checked and quoted by ../core/sql.ts. Pure. Each runs as a single statement: neither
 * can run inside a transaction block (the CREATE DATABASE and DROP DATABASE references say so).
 */
import { parseDataShareArn } from "../core/arn";
import {
  accountLiteral,
  namespaceLiteral,
  quoteDataShareName,
  quoteIdentifier,
  SqlValueError,
} from "../core/sql";

export interface CreateDatabaseStatement {
  name: string;
  dataShareArn: string;
  withPermissions?: boolean;
}

/**
 * `CREATE DATABASE "d" [WITH PERMISSIONS] FROM DATASHARE "s" OF ACCOUNT '…' NAMESPACE '…'`.
 *
 * `OF ACCOUNT` is always sent, the producer's account from the ARN: the CREATE DATABASE reference
 * makes it optional within an account and required across accounts, and AWS's own query editor
 * walk-through sends it for a datashare of the same account; one form for both needs no look-up
 * of the caller's account. The namespace GUID goes in lower case, as Redshift shows it.
 */
export function createDatabaseSql({ name, dataShareArn, withPermissions }: CreateDatabaseStatement): string {
  const arn = parseDataShareArn(dataShareArn);
  if (!arn.ok) throw new SqlValueError("dataShareArn", arn.reason);
  const { account, producerNamespace, name: share } = arn.value;
  return [
    `CREATE DATABASE ${quoteIdentifier(name, "name")}`,
    ...(withPermissions === true ? ["WITH PERMISSIONS"] : []),
    `FROM DATASHARE ${quoteDataShareName(share, "dataShareArn")}`,
    `OF ACCOUNT ${accountLiteral(account, "dataShareArn")}`,
    `NAMESPACE ${namespaceLiteral(producerNamespace.toLowerCase(), "dataShareArn")}`,
  ].join(" ");
}

/** `DROP DATABASE "d"`. */
export function dropDatabaseSql(name: string): string {
  return `DROP DATABASE ${quoteIdentifier(name, "name")}`;
}
