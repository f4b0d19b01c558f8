/**
 * DataShareDatabase's failures: its failure class, and CREATE DATABASE's refusals explained from
 * what the consumer's views show (never from Redshift's wording: the views decide, the statement's
 * text is quoted for the reader). Failures every call shares are mapped in ../core/errors.ts.
 */
import { DataShareFailure } from "../core/errors";
import type { SqlStatementError } from "../core/statementRunner";
import { describeOrigin, describeShare } from "./find";
import type { InboundShare, LiveDatabase } from "./types";

/** What the user sees when an operation fails: a sentence to act on. */
export class DataShareDatabaseError extends DataShareFailure {
  override readonly name = "DataShareDatabaseError";
}

function statementPart(err: SqlStatementError | undefined): string {
  if (err?.statementId === undefined) return "";
  const said = err.redshiftError ? `, Redshift answered "${err.redshiftError}"` : "";
  return ` (statement ${err.statementId}${said})`;
}

/**
 * CREATE DATABASE failed and the views show the datashare does not reach the connected namespace:
 * one sentence, with the statement's ID, saying what to do first.
 */
export function notAssociatedError(
  action: string,
  share: InboundShare,
  err: SqlStatementError | undefined,
): DataShareDatabaseError {
  return new DataShareDatabaseError(
    "NotAuthorized",
    `${action} failed${statementPart(err)}: ${describeShare(share)} does not reach this namespace, so ` +
      "associate the datashare first (DataShareConsumer), once the producer has granted usage on it and authorized it.",
  );
}

/** A database of the declared name exists and was not made from the declared datashare. */
export function databaseTakenError(
  action: string,
  name: string,
  live: LiveDatabase,
  declared: InboundShare,
  err?: SqlStatementError,
): DataShareDatabaseError {
  return new DataShareDatabaseError(
    "InvalidRequest",
    `${action} failed${statementPart(err)}: database ${name} already exists, ${describeOrigin(live)}, not from ` +
      `${describeShare(declared)}; choose another name, or drop that database if it is not needed.`,
  );
}
