/**
 * The producer's errors, in the core's family (../core/errors.ts: no stack trace, one line):
 * its failure class, invalid IDs, and AuthorizeDataShare's refusals. Like ../core/errors.ts, it is
 * the only place in this folder that reads AWS message text.
 */
import { quote } from "../core/arn";
import {
  AwsCallError,
  DataShareFailure,
  ExplainedError,
  failWith,
  isDataShareMissing,
  isWritesUnavailable,
  mapAwsFailure,
  refusedSaying,
  writesUnavailableMessage,
} from "../core/errors";

export class InvalidAuthorizationIdError extends ExplainedError {
  override readonly name = "InvalidAuthorizationIdError";
  constructor(readonly id: string) {
    super(
      `${quote(id)} is not a DataShareAuthorization ID; expected <dataShareArn>,<consumerIdentifier> where ` +
        `consumerIdentifier is a 12-digit account ID, ADX or DataCatalog/<12-digit account ID>`,
    );
  }
}

/** What the user sees when a producer call fails: a sentence to act on, the AWS code and request id. */
export class DataShareAuthorizationError extends DataShareFailure {
  override readonly name = "DataShareAuthorizationError";
}

/** DeauthorizeDataShare of a consumer that is not authorized (already deauthorized, or never). */
export const isAuthorizationMissing = refusedSaying(
  "you have already removed authorization from the data share",
);

/** What the provider knows when AuthorizeDataShare was refused. */
export interface AuthorizeEvidence {
  dataShareArn: string;
  consumer: string;
  /** The producer account in the datashare ARN. */
  producerAccount?: string;
  /** The region the call went to. */
  region?: string;
}

/** A repeated AuthorizeDataShare that AWS refuses (behaviours repeatAuthorize, reauthorizeOtherWrites). */
export const isAlreadyAuthorized = refusedSaying("because it's already authorized");

export function mapAuthorizeFailure(err: unknown, ev: AuthorizeEvidence, secrets: string[] = []): Error {
  if (!(err instanceof AwsCallError)) return err instanceof Error ? err : new Error(String(err));
  const fail = failWith(DataShareAuthorizationError, err, secrets);
  const producer = ev.producerAccount ? ` (account ${ev.producerAccount})` : "";
  if (isWritesUnavailable(err))
    return fail("InvalidRequest", writesUnavailableMessage("AuthorizeDataShare", ev.region));
  if (isDataShareMissing(err)) {
    return fail(
      "DataShareNotFound",
      `datashare ${ev.dataShareArn} does not exist, or the provider's credentials are not those of its ` +
        `producer${producer}. Check dataShareArn, and run the producer's stack with the producer account's credentials.`,
    );
  }
  if (err.code === "InvalidDataShareFault") {
    // AWS reuses this code for "not the producer" and "usage not granted"; its own words tell which.
    return fail(
      "NotAuthorized",
      `AWS refused to authorize datashare ${ev.dataShareArn} for ${ev.consumer}: ${err.awsMessage} ` +
        `Authorization needs the producer account's credentials${producer} and usage granted to the consumer first ` +
        `(GRANT USAGE ON DATASHARE <name> TO ACCOUNT '<consumer account>' in the producer database).`,
    );
  }
  return mapAwsFailure(
    err,
    `authorizing ${ev.dataShareArn} for ${ev.consumer}`,
    DataShareAuthorizationError,
    secrets,
  );
}

/**
 * AWS accepted a re-authorization but kept the writes setting. `pulumi up --replace` would not
 * help: a replacement that keeps the authorization leaves the live one alone (see claims in
 * ../core/claims.ts). What changes it ends the consumer's associations, so the message says so.
 */
export function writesNotChangedMessage(
  dataShareArn: string,
  consumer: string,
  kept: boolean,
  refusal?: string,
): string {
  const answer =
    refusal === undefined
      ? `AWS accepted AuthorizeDataShare for ${consumer} but kept ProducerAllowedWrites=${kept} on ${dataShareArn}`
      : `AWS refused to change ProducerAllowedWrites=${kept} of ${consumer} on ${dataShareArn} (${refusal})`;
  return (
    `${answer}. ` +
    "Nothing else was changed. To change it, deauthorize and authorize again: remove this resource from the " +
    "program and run `pulumi up`, then add it back and run `pulumi up` again. Deauthorizing ends every " +
    "association the consumer has with the datashare, so the consumer must associate it again afterwards. " +
    "(`pulumi up --replace` does not do this: it keeps the live authorization as it is.)"
  );
}
