/**
 * The error family of both resources, and the mapping of AWS faults every operation shares to
 * actionable messages. Each sibling's errors.ts adds its own refusals; these modules are the only
 * ones that look at AWS error message text (AWS reuses InvalidDataShareFault for several
 * conditions, and only the message tells them apart).
 */
import type { CheckFailure } from "./check";

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
  | "WritesNotChanged"
  | "Unknown";

/**
 * What the user sees when an operation fails: a sentence to act on, plus the AWS code and request
 * id. Each resource names its own subclass (DataShareConsumerError, DataShareAuthorizationError),
 * so the host's line says which resource failed.
 */
export class DataShareFailure extends ExplainedError {
  override readonly name: string = "DataShareFailure";
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly awsCode?: string,
    readonly requestId?: string,
  ) {
    super(message + awsSuffix(awsCode, requestId));
  }
}

/** The subclass a resource's failures are made of. */
export type FailureClass = new (
  kind: FailureKind,
  message: string,
  awsCode?: string,
  requestId?: string,
) => DataShareFailure;

/** A listing that could not be read to the end (see redshiftApi.ts collectPages). */
export class IncompleteListingError extends DataShareFailure {
  override readonly name = "IncompleteListingError";
  constructor(message: string) {
    super("IncompleteListing", message);
  }
}

/** Inputs that fail check, met again by create or update (the engine normally stops at check). */
export class InvalidInputsError extends ExplainedError {
  override readonly name: string = "InvalidInputsError";
  constructor(
    resource: string,
    readonly failures: CheckFailure[],
  ) {
    super(`invalid ${resource} inputs: ${failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
  }
}

export class ConfigurationError extends ExplainedError {
  override readonly name = "ConfigurationError";
}

function awsSuffix(code?: string, requestId?: string): string {
  if (!code) return "";
  return requestId ? ` (AWS error ${code}, request id ${requestId})` : ` (AWS error ${code})`;
}

/**
 * AWS reuses InvalidDataShareFault for several refusals, and only its message tells them apart: a
 * predicate for the refusal whose message says `wording`. Each resource names its own refusals
 * with it (consumer/errors.ts, authorization/errors.ts); no other module reads AWS's words.
 */
export function refusedSaying(wording: string): (err: unknown) => err is AwsCallError {
  return (err: unknown): err is AwsCallError =>
    err instanceof AwsCallError && err.code === "InvalidDataShareFault" && err.awsMessage.includes(wording);
}

const isArnMissing = refusedSaying("because the ARN doesn't exist");

/** The datashare ARN does not exist (AWS answers InvalidDataShareFault with this wording, or a 404 fault). */
export function isDataShareMissing(err: unknown): boolean {
  return (err instanceof AwsCallError && err.code === "ResourceNotFoundFault") || isArnMissing(err);
}

/** No HTTP answer arrived: the call may or may not have taken effect. */
export function isOutcomeUnknown(err: unknown): boolean {
  return err instanceof AwsCallError && err.httpStatus === undefined;
}

/** The AWS codes (and the SDK's name for credentials it could not load) that mean the same for every call. */
const CODE_KINDS: Record<string, FailureKind> = {
  ...codes("Credentials", [
    "InvalidClientTokenId",
    "UnrecognizedClientException",
    "SignatureDoesNotMatch",
    "IncompleteSignature",
    "MissingAuthenticationToken",
    "ExpiredToken",
    "ExpiredTokenException",
    "CredentialsProviderError",
  ]),
  ...codes("AccessDenied", [
    "AccessDenied",
    "AccessDeniedException",
    "UnauthorizedOperation",
    "NotAuthorized",
  ]),
  ...codes("InvalidRequest", [
    "InvalidParameterValue",
    "InvalidParameterCombination",
    "MissingParameter",
    "ValidationError",
  ]),
  ...codes("Unavailable", ["Throttling", "ThrottlingException", "ServiceUnavailable", "InternalFailure"]),
};

function codes(kind: FailureKind, names: string[]): Record<string, FailureKind> {
  return Object.fromEntries(names.map((name) => [name, kind]));
}

/** What an AWS error code means whatever the call; undefined for a code each call explains itself. */
export function kindOfCode(code: string): FailureKind | undefined {
  return Object.hasOwn(CODE_KINDS, code) ? CODE_KINDS[code] : undefined;
}

/**
 * The AWS error codes a text names: the one in the suffix every DataShareFailure message ends with,
 * and any code of the shared kinds above. For the drift command, which reads failures as Pulumi
 * printed them.
 */
export function awsCodesIn(text: string): string[] {
  const suffixed = [...text.matchAll(/\(AWS error ([\w.-]+)/g)].map((m) => m[1]);
  const named = (text.match(/\b[A-Za-z]+\b/g) ?? []).filter((word) => kindOfCode(word) !== undefined);
  return [...new Set([...suffixed, ...named])];
}

/** The resource's failure for `err`: its kind and message, AWS's code and request id, no secret. */
export function failWith(Failure: FailureClass, err: AwsCallError, secrets: string[] = []) {
  return (kind: FailureKind, message: string): DataShareFailure =>
    new Failure(kind, redact(message, secrets), err.code, err.requestId);
}

/**
 * Any failed call, by what its AWS code means for every call, as the resource's failure class
 * (DataShareConsumerError, DataShareAuthorizationError); `action` names what was being done. A
 * call's own refusals are explained first by the resource's errors.ts. Errors that are not AWS
 * calls pass through unchanged.
 */
export function mapAwsFailure(
  err: unknown,
  action: string,
  Failure: FailureClass,
  secrets: string[] = [],
): Error {
  if (!(err instanceof AwsCallError)) return err instanceof Error ? err : new Error(String(err));
  const said = err.awsMessage;
  const fail = failWith(Failure, err, secrets);
  const kind = kindOfCode(err.code);
  if (kind === "Credentials") {
    return fail(
      kind,
      `${action}: AWS did not accept the credentials (${said}). Provide credentials through the AWS SDK's ` +
        `default chain: environment, shared config and aws:profile, SSO or an instance role.`,
    );
  }
  if (kind === "AccessDenied") {
    return fail(
      kind,
      `${action}: the caller is not allowed to do this (${said}); check its IAM permissions.`,
    );
  }
  if (kind === "InvalidRequest") {
    return fail(kind, `${action}: AWS rejected the request as invalid: ${said}`);
  }
  if (kind === "Unavailable" || (err.httpStatus ?? 0) >= 500) {
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

/**
 * AWS refuses AllowWrites, even `false`, where write sharing is not available
 * (InvalidParameterValue "DATA_SHARING_WRITES support is not yet available."): the emulator's
 * behaviour regionsWithoutWrites. Without AllowWrites the same call works.
 */
export function isWritesUnavailable(err: unknown): boolean {
  return (
    err instanceof AwsCallError &&
    err.code === "InvalidParameterValue" &&
    err.awsMessage.includes("DATA_SHARING_WRITES")
  );
}

/** What to do when AllowWrites was refused there: `call` names the request, `region` where it went. */
export function writesUnavailableMessage(call: string, region: string | undefined): string {
  const where = region ? `in ${region}` : "in the datashare's region";
  return (
    `allowWrites: write sharing is not available ${where}: AWS refuses ${call} with AllowWrites there, ` +
    "even false. Nothing was changed. Leave allowWrites unset (not false): then the request carries no " +
    "AllowWrites and the datashare is shared read-only."
  );
}

export interface RedactOptions {
  /** What stands for a secret (default `****`). */
  mask?: string;
  /** Secrets shorter than this are left alone, lest common words vanish from a message (default 8). */
  shortest?: number;
  /**
   * Mask a secret only where it stands as a whole value, not inside a longer word, path or token:
   * a short passphrase such as `plugin` then neither mangles `…/plugints` nor tells the reader its
   * value by where the stars appear. Off by default: a provider message masks every occurrence.
   */
  wholeValues?: boolean;
}

/** Characters that continue a word, a path or a token (for `wholeValues`). */
const TOKEN_CHAR = "[A-Za-z0-9_\\-./+~]";

/** Defensive: access key ids and any known secret never reach a message. */
export function redact(text: string, secrets: readonly string[] = [], options: RedactOptions = {}): string {
  const { mask = "****", shortest = 8, wholeValues = false } = options;
  let out = text.replace(/\b(AKIA|ASIA)[A-Z0-9]{12,}\b/g, "$1****");
  for (const secret of secrets) {
    if (secret.length < shortest) continue;
    if (!wholeValues) {
      out = out.split(secret).join(mask);
      continue;
    }
    const escaped = secret.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp(`(?<!${TOKEN_CHAR})${escaped}(?!${TOKEN_CHAR})`, "g"), () => mask);
  }
  return out;
}
