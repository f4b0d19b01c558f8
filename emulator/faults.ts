/**
 * One class per AWS error code the emulator answers with. The code, the HTTP status and the
 * sender/receiver side live here and nowhere else; the model throws these, the protocol renders
 * them into the single error envelope.
 */
export abstract class EmulatorFault extends Error {
  abstract readonly code: string;
  abstract readonly httpStatus: number;

  /** AWS puts `Sender` in the envelope for client errors (4xx) and `Receiver` for its own (5xx). */
  get faultType(): "Sender" | "Receiver" {
    return this.httpStatus >= 500 ? "Receiver" : "Sender";
  }
}

export class InvalidDataShareFault extends EmulatorFault {
  readonly code = "InvalidDataShareFault";
  readonly httpStatus = 400;
}

export class InvalidNamespaceFault extends EmulatorFault {
  readonly code = "InvalidNamespaceFault";
  readonly httpStatus = 400;
}

export class InvalidParameterCombination extends EmulatorFault {
  readonly code = "InvalidParameterCombination";
  readonly httpStatus = 400;
}

export class InvalidParameterValue extends EmulatorFault {
  readonly code = "InvalidParameterValue";
  readonly httpStatus = 400;
}

export class MissingParameter extends EmulatorFault {
  readonly code = "MissingParameter";
  readonly httpStatus = 400;
}

export class MissingAction extends EmulatorFault {
  readonly code = "MissingAction";
  readonly httpStatus = 400;
}

export class InvalidAction extends EmulatorFault {
  readonly code = "InvalidAction";
  readonly httpStatus = 400;
}

export class MissingAuthenticationToken extends EmulatorFault {
  readonly code = "MissingAuthenticationToken";
  readonly httpStatus = 403;
}

export class IncompleteSignature extends EmulatorFault {
  readonly code = "IncompleteSignature";
  readonly httpStatus = 400;
}

export class InvalidClientTokenId extends EmulatorFault {
  readonly code = "InvalidClientTokenId";
  readonly httpStatus = 403;
}

export class SignatureDoesNotMatch extends EmulatorFault {
  readonly code = "SignatureDoesNotMatch";
  readonly httpStatus = 403;
}

export class RequestExpired extends EmulatorFault {
  readonly code = "RequestExpired";
  readonly httpStatus = 400;
}

export class ThrottlingException extends EmulatorFault {
  readonly code = "ThrottlingException";
  readonly httpStatus = 400;
}

export class ServiceUnavailable extends EmulatorFault {
  readonly code = "ServiceUnavailable";
  readonly httpStatus = 503;
}

export class InternalFailure extends EmulatorFault {
  readonly code = "InternalFailure";
  readonly httpStatus = 500;
}

/** STS's code for a request that breaks an input constraint (Redshift says InvalidParameterValue). */
export class ValidationError extends EmulatorFault {
  readonly code = "ValidationError";
  readonly httpStatus = 400;
}

export class AccessDenied extends EmulatorFault {
  readonly code = "AccessDenied";
  readonly httpStatus = 403;
}

export class ExpiredToken extends EmulatorFault {
  readonly code = "ExpiredToken";
  readonly httpStatus = 403;
}

/** Raised by the admin surface (SQL stand-ins); never reaches the AWS API. */
export class AdminError extends Error {
  readonly code = "AdminError";
}

/** Redshift Data API (JSON protocol): a request that breaks the API's rules. */
export class ValidationException extends EmulatorFault {
  readonly code = "ValidationException";
  readonly httpStatus = 400;
}

/** Redshift Data API: no statement with that ID for the caller, or no result to give. */
export class ResourceNotFoundException extends EmulatorFault {
  readonly code = "ResourceNotFoundException";
  readonly httpStatus = 400;
  constructor(
    message: string,
    readonly resourceId: string,
  ) {
    super(message);
  }
}

/** Redshift Data API: the account has too many statements running (maxActiveStatements). */
export class ActiveStatementsExceededException extends EmulatorFault {
  readonly code = "ActiveStatementsExceededException";
  readonly httpStatus = 400;
}
