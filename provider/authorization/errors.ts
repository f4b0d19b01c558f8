/**
 * Typed errors of the DataShareAuthorization provider. Generic AWS failures go through
 * ../errors.ts (mapAwsFailure, redact); this module adds the producer's own refusals. Like
 * ../errors.ts, it is the only place in this folder that reads AWS message text.
 */
import { quote } from "../arn";
import { CheckFailure } from "../check";
import { AwsCallError, FailureKind, isDataShareMissing, mapAwsFailure, redact } from "../errors";

export class InvalidAuthorizationIdError extends Error {
  override readonly name = "InvalidAuthorizationIdError";
  constructor(readonly id: string) {
    super(
      `${quote(id)} is not a DataShareAuthorization ID; expected <dataShareArn>,<consumerIdentifier> where ` +
        `consumerIdentifier is a 12-digit account ID, ADX or DataCatalog/<12-digit account ID>`,
    );
  }
}

export class InvalidAuthorizationInputsError extends Error {
  override readonly name = "InvalidAuthorizationInputsError";
  constructor(readonly failures: CheckFailure[]) {
    super(
      `invalid DataShareAuthorization inputs: ${failures.map((f) => `${f.property} ${f.reason}`).join("; ")}`,
    );
  }
}

/** What the user sees when a producer call fails: a sentence to act on, the AWS code and request id. */
export class DataShareAuthorizationError extends Error {
  override readonly name = "DataShareAuthorizationError";
  constructor(
    readonly kind: FailureKind | "WritesNotChanged",
    message: string,
    readonly awsCode?: string,
    readonly requestId?: string,
  ) {
    super(
      message + (awsCode ? ` (AWS error ${awsCode}${requestId ? `, request id ${requestId}` : ""})` : ""),
    );
  }
}

/** DeauthorizeDataShare of a consumer that is not authorized (already deauthorized, or never). */
export function isAuthorizationMissing(err: unknown): boolean {
  return (
    err instanceof AwsCallError &&
    err.code === "InvalidDataShareFault" &&
    err.awsMessage.includes("you have already removed authorization from the data share")
  );
}

/** What the provider knows when AuthorizeDataShare was refused. */
export interface AuthorizeEvidence {
  dataShareArn: string;
  consumer: string;
  /** The producer account in the datashare ARN. */
  producerAccount?: string;
}

export function mapAuthorizeFailure(err: unknown, ev: AuthorizeEvidence, secrets: string[] = []): Error {
  if (!(err instanceof AwsCallError)) return err instanceof Error ? err : new Error(String(err));
  const fail = (kind: FailureKind, message: string) =>
    new DataShareAuthorizationError(kind, redact(message, secrets), err.code, err.requestId);
  const producer = ev.producerAccount ? ` (account ${ev.producerAccount})` : "";
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
      `AWS refused to authorize datashare ${ev.dataShareArn} for ${ev.consumer}: ${redact(err.awsMessage, secrets)} ` +
        `Authorization needs the producer account's credentials${producer} and usage granted to the consumer first ` +
        `(GRANT USAGE ON DATASHARE <name> TO ACCOUNT '<consumer account>' in the producer database).`,
    );
  }
  return mapAwsFailure(err, `authorizing ${ev.dataShareArn} for ${ev.consumer}`, secrets);
}
