/**
 * The datashare's errors, in the core's family (../core/errors.ts), and what Redshift's error
 * texts mean for it. The only place in this folder that reads Redshift's wording.
 */
import { DataShareFailure } from "../core/errors";
import { SqlStatementError } from "../core/statementRunner";

/** What the user sees when a DataShare operation fails. */
export class DataShareError extends DataShareFailure {
  override readonly name = "DataShareError";
}

/** Redshift's text of a statement that FAILED, or undefined for any other error. */
function redshiftSaid(e: unknown): string | undefined {
  return e instanceof SqlStatementError && e.kind === "failed" ? (e.redshiftError ?? "") : undefined;
}

const saying = (pattern: RegExp) => (e: unknown) => pattern.test(redshiftSaid(e) ?? "\u0000");

/** CREATE DATASHARE of a name the namespace has (a repeat after a lost answer, or an adoption). */
export const isDataShareExisting = saying(/datashare "?[^"]*"? already exists/i);

/** The datashare itself is not there (ALTER or DROP of a share that was dropped). */
export const isDataShareAbsent = saying(/datashare "?[^"]*"? does not exist/i);

/** Datashare DDL refused inside a batch's transaction (behaviour datashareDdlInTransaction). */
export const isRefusedInTransaction = saying(/cannot run inside a transaction block/i);

/**
 * A REMOVE of an object that is not shared, or no longer exists in the database (behaviours
 * removeAbsent, droppedObjectInShare): what the REMOVE wanted is true.
 */
export const isObjectAbsent = (e: unknown) =>
  saying(/is not in datashare|does not exist/i)(e) && !isDataShareAbsent(e);

/** An ADD of an object already in the datashare (behaviour repeatAdd): what the ADD wanted is true. */
export const isObjectPresent = saying(/is already in datashare/i);
