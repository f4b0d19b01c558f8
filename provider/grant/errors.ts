/**
 * DataShareGrant's failures, in the core's family (../core/errors.ts: no stack trace, one line):
 * its failure class and what a refused GRANT or REVOKE means for the producer. Nothing here reads
 * Redshift's message text: whether a grant exists is read from the system views instead, because
 * AWS does not document what a repeated GRANT or a REVOKE of nothing answers (behaviours
 * `repeatGrant`, `revokeAbsent`).
 */
import { DataShareFailure } from "../core/errors";
import { describeTarget, type SqlTarget } from "../core/sqlTarget";
import { describeGrantee } from "./grantee";

/** What the user sees when a grant's statement or call fails. */
export class DataShareGrantError extends DataShareFailure {
  override readonly name = "DataShareGrantError";
}

/** The datashare is not among the producer's own in the database the statements run in. */
export function dataShareMissingError(dataShareName: string, target: SqlTarget): DataShareGrantError {
  return new DataShareGrantError(
    "DataShareNotFound",
    `datashare ${JSON.stringify(dataShareName)} is not one of the producer's datashares in ${describeTarget(target)}, ` +
      "so no usage was granted. Create it first (a DataShare resource, with this resource depending on it), " +
      "or check dataShareName, the cluster or workgroup and the database.",
  );
}

/**
 * GRANT failed and the views do not show the grant: the statement's own error (one sentence with
 * the statement ID, already explained) and what the producer can check.
 */
export function grantRefusedError(
  cause: Error,
  dataShareName: string,
  consumerIdentifier: string,
): DataShareGrantError {
  return new DataShareGrantError(
    "NotAuthorized",
    `${cause.message} Usage of ${JSON.stringify(dataShareName)} was not granted to ${describeGrantee(consumerIdentifier)}. ` +
      "The database user needs to own the datashare (or be a superuser); a grant TO ACCOUNT cannot name the " +
      "producer's own account (grant TO NAMESPACE instead); and a namespace grantee must be a namespace of the " +
      "producer's account.",
  );
}

/** REVOKE failed and the views still show the grant. */
export function revokeRefusedError(
  cause: Error,
  dataShareName: string,
  consumerIdentifier: string,
): DataShareGrantError {
  return new DataShareGrantError(
    "NotAuthorized",
    `${cause.message} Usage of ${JSON.stringify(dataShareName)} by ${describeGrantee(consumerIdentifier)} is still ` +
      "granted, and the stack keeps the resource. The database user needs to own the datashare (or be a superuser).",
  );
}
