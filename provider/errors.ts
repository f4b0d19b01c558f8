/**
 * Typed errors of the provider, and the mapping of AWS faults to actionable messages. This is the
 * only module that looks at AWS error message text (AWS reuses InvalidDataShareFault for several
 * conditions, and only the message tells "gone" apart).
 */
import { quote } from "./arn";
import { CheckFailure } from "./check";

/**
 * An error whose message says everything the user needs: an expected refusal (AWS said no, the
 * inputs or settings are wrong). The dynamic provider host prints a failed read, delete, diff or
 * check as `${err}: ${err.stack}` and the engine prints the message again; a stack trace there
 * points into files that are not in the package. So the stack is the message alone and the text
 * form is the name, and the host's line reads "<Name>: <message>" once.
 */
export class ExplainedError extends Error {
  constructor(message: string) {
    super(message);
    Object.defineProperty(this, "stack", { value: message, writable: true, configurable: true });
  }

  override toString(): string {
    return this.name;
  }
}

/** A failed AWS call, converted from the SDK's exception by the adapter. */
export class AwsCallError extends Error {
  override readonly name = "AwsCallError";
  constructor(
    readonly operation: string,
    /** AWS error code (e.g. InvalidDataShareFault) or, for transport failures, the Node error code. */
    readonly code: string,
    readonly awsMessage: string,
    readonly requestId?: string,
    /** Absent when no HTTP response arrived (network failure, lost response). */
    readonly httpStatus?: number,
  ) {
    super(`${operation} failed: ${code}: ${awsMessage}`);
  }
}

export type FailureKind =
  | "DataShareNotFound"
  | "NotAuthorized"
  | "NamespaceNotInAccount"
  | "WritesNotAllowed"
  | "AlreadyAssociated"
  | "InvalidRequest"
  | "Credentials"
  | "AccessDenied"
  | "Unavailable"
  | "Network"
  | "IncompleteListing"
  | "Unknown";

/** What the user sees when an operation fails: a sentence to act on, plus the AWS code and request id. */
export class DataShareConsumerError extends ExplainedError {
  override readonly name = "DataShareConsumerError";
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly awsCode?: string,
    readonly requestId?: string,
  ) {
    super(message + awsSuffix(awsCode, requestId));
  }
}

export class InvalidIdError extends ExplainedError {
  override readonly name = "InvalidIdError";
  constructor(readonly id: string) {
    super(
      `${quote(id)} is not a DataShareConsumer ID; expected <dataShareArn>,account | ` +
        `<dataShareArn>,namespace,<consumerArn> | <dataShareArn>,region,<consumerRegion> ` +
        `(optionally followed by ,<apiRegion>), or the Terraform form <dataShareArn>,<true|>,<consumerArn>,<consumerRegion>`,
    );
  }
}

export class InvalidInputsError extends ExplainedError {
  override readonly name = "InvalidInputsError";
  constructor(readonly failures: CheckFailure[]) {
    super(
      `invalid DataShareConsumer inputs: ${failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`,
    );
  }
}

export class ConfigurationError extends ExplainedError {
  override readonly name = "ConfigurationError";
}

function awsSuffix(code?: string, requestId?: string): string {
  if (!code) return "";
  return requestId ? ` (AWS error ${code}, request id ${requestId})` : ` (AWS error ${code})`;
}

/** The datashare ARN does not exist (AWS answers InvalidDataShareFault with this wording, or a 404 fault). */
export function isDataShareMissing(err: unknown): boolean {
  if (!(err instanceof AwsCallError)) return false;
  if (err.code === "ResourceNotFoundFault") return true;
  return err.code === "InvalidDataShareFault" && err.awsMessage.includes("because the ARN doesn't exist");
}

/** Disassociating something that is not associated. */
export function isAssociationMissing(err: unknown): boolean {
  return (
    err instanceof AwsCallError &&
    err.code === "InvalidDataShareFault" &&
    err.awsMessage.includes("either doesn't exist or isn't associated with this data consumer")
  );
}

/**
 * Associating a target that is already associated with the same settings: AWS documents no
 * idempotence for AssociateDataShareConsumer, so a repeat (or the SDK's retry of a lost answer)
 * is refused; the caller adopts what exists.
 */
export function isAlreadyAssociated(err: unknown): boolean {
  return (
    err instanceof AwsCallError &&
    err.code === "InvalidDataShareFault" &&
    err.awsMessage.includes("because it's already associated with")
  );
}

/** No HTTP answer arrived: the call may or may not have taken effect. */
export function isOutcomeUnknown(err: unknown): boolean {
  return err instanceof AwsCallError && err.httpStatus === undefined;
}

/** What the provider learned from DescribeDataShares after AssociateDataShareConsumer failed. */
export interface AssociateEvidence {
  dataShareArn: string;
  producerAccount?: string;
  callerAccount?: string;
  /** The datashare was listed for the caller at all. */
  dataShareVisible: boolean;
  /** Status of the caller's account-level entry (AVAILABLE when authorized and free to associate). */
  callerStatus?: string;
  producerAllowedWrites?: boolean;
  allowWritesRequested: boolean;
  consumerArn?: string;
}

export function mapAssociateFailure(err: unknown, ev: AssociateEvidence, secrets: string[] = []): Error {
  if (!(err instanceof AwsCallError)) return err instanceof Error ? err : new Error(String(err));
  const account = ev.callerAccount ? `account ${ev.callerAccount}` : "the calling account";
  const producer = ev.producerAccount ? ` (account ${ev.producerAccount})` : "";
  const fail = (kind: FailureKind, message: string) =>
    new DataShareConsumerError(kind, redact(message, secrets), err.code, err.requestId);
  if (err.code === "InvalidNamespaceFault") {
    return fail(
      "NamespaceNotInAccount",
      `consumerArn ${ev.consumerArn ?? ""} is not a namespace of ${account}, or it does not exist. ` +
        `Use the ARN of a namespace owned by the account whose credentials the provider uses.`,
    );
  }
  if (err.code === "InvalidDataShareFault") {
    // Only AWS's own "doesn't exist" wording proves absence: a share that is granted but not yet
    // authorized is invisible to the consumer too, and that needs the producer, not a new ARN.
    if (isDataShareMissing(err)) {
      return fail(
        "DataShareNotFound",
        `datashare ${ev.dataShareArn} does not exist or is not shared with ${account}. Check dataShareArn, ` +
          `and ask the producer${producer} to grant usage of the datashare to this account.`,
      );
    }
    if (isAlreadyAssociated(err)) {
      // Reached only when the provider could not read the association back to adopt it.
      return fail(
        "AlreadyAssociated",
        `datashare ${ev.dataShareArn} is already associated as declared for ${account}, but ` +
          `DescribeDataShares did not confirm it, so it was not adopted. Run \`pulumi up\` again.`,
      );
    }
    const usable = ev.callerStatus === "AVAILABLE" || ev.callerStatus === "ACTIVE";
    if (ev.allowWritesRequested && usable && ev.producerAllowedWrites === false) {
      return fail(
        "WritesNotAllowed",
        `allowWrites is true, but the producer${producer} authorized datashare ${ev.dataShareArn} for ` +
          `read-only use by ${account}. Ask the producer to authorize it with writes ` +
          `(AuthorizeDataShare with AllowWrites=true), or leave allowWrites unset.`,
      );
    }
    if (ev.callerStatus === "DEAUTHORIZED" || ev.callerStatus === "REJECTED") {
      return fail(
        "NotAuthorized",
        `datashare ${ev.dataShareArn} is ${ev.callerStatus} for ${account}: the producer${producer} must ` +
          `authorize it again (AuthorizeDataShare with ConsumerIdentifier=${ev.callerAccount ?? "<account id>"}) ` +
          `before it can be associated. Nothing was changed; run \`pulumi up\` again once it is authorized.`,
      );
    }
    const status = !ev.dataShareVisible
      ? " (it is not visible to this account: not granted to it, or not authorized yet)"
      : ev.callerStatus
        ? ` (its status for this account is ${ev.callerStatus})`
        : "";
    return fail(
      "NotAuthorized",
      `datashare ${ev.dataShareArn} is not authorized for ${account}${status}. Ask the producer${producer} ` +
        `to authorize it for this account (AuthorizeDataShare with ConsumerIdentifier=${ev.callerAccount ?? "<account id>"}).`,
    );
  }
  return mapAwsFailure(err, "AssociateDataShareConsumer", secrets);
}

const CREDENTIAL_CODES = new Set([
  "InvalidClientTokenId",
  "UnrecognizedClientException",
  "SignatureDoesNotMatch",
  "IncompleteSignature",
  "MissingAuthenticationToken",
  "ExpiredToken",
  "ExpiredTokenException",
  "CredentialsProviderError",
]);
const ACCESS_CODES = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "NotAuthorized",
]);
const INVALID_CODES = new Set([
  "InvalidParameterValue",
  "InvalidParameterCombination",
  "MissingParameter",
  "ValidationError",
]);
const UNAVAILABLE_CODES = new Set([
  "Throttling",
  "ThrottlingException",
  "ServiceUnavailable",
  "InternalFailure",
]);

/** Any failed call, by AWS code; `action` names what was being done. */
export function mapAwsFailure(err: unknown, action: string, secrets: string[] = []): Error {
  if (!(err instanceof AwsCallError)) return err instanceof Error ? err : new Error(String(err));
  const said = redact(err.awsMessage, secrets);
  const fail = (kind: FailureKind, message: string) =>
    new DataShareConsumerError(kind, message, err.code, err.requestId);
  if (CREDENTIAL_CODES.has(err.code)) {
    return fail(
      "Credentials",
      `${action}: AWS did not accept the credentials (${said}). Provide credentials through the AWS SDK's ` +
        `default chain: environment, shared config and aws:profile, SSO or an instance role.`,
    );
  }
  if (ACCESS_CODES.has(err.code)) {
    return fail(
      "AccessDenied",
      `${action}: the caller is not allowed to do this (${said}); check its IAM permissions.`,
    );
  }
  if (INVALID_CODES.has(err.code)) {
    return fail("InvalidRequest", `${action}: AWS rejected the request as invalid: ${said}`);
  }
  if (UNAVAILABLE_CODES.has(err.code) || (err.httpStatus ?? 0) >= 500) {
    return fail(
      "Unavailable",
      `${action}: AWS is throttling or unavailable and retries ran out (${said}); try again later, ` +
        `or raise redshift-datashare:maxAttempts.`,
    );
  }
  if (err.httpStatus === undefined) {
    return fail("Network", `${action}: no answer from AWS (${said}); check the endpoint and the network.`);
  }
  return fail("Unknown", `${action} failed: ${said}`);
}

/** Defensive: access key ids and any known secret never reach a message. */
export function redact(text: string, secrets: string[] = []): string {
  let out = text.replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, "$1****");
  for (const secret of secrets) {
    if (secret.length >= 8) out = out.split(secret).join("****");
  }
  return out;
}
