/**
 * The consumer's errors: its failure class, invalid IDs and inputs, and AssociateDataShareConsumer's
 * refusals explained from what DescribeDataShares shows. Failures every operation shares are
 * mapped in ../core/errors.ts.
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
import { associationStatus } from "../core/statuses";

/** What the user sees when an operation fails: a sentence to act on, plus the AWS code and request id. */
export class DataShareConsumerError extends DataShareFailure {
  override readonly name = "DataShareConsumerError";
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

/** Disassociating something that is not associated. */
export const isAssociationMissing = refusedSaying(
  "either doesn't exist or isn't associated with this data consumer",
);

/**
 * Associating a target that is already associated with the same settings: AWS documents no
 * idempotence for AssociateDataShareConsumer, so a repeat (or the SDK's retry of a lost answer)
 * is refused; the caller adopts what exists.
 */
export const isAlreadyAssociated = refusedSaying("because it's already associated with");

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
  /** The region the call went to. */
  region?: string;
}

export function mapAssociateFailure(err: unknown, ev: AssociateEvidence, secrets: string[] = []): Error {
  if (!(err instanceof AwsCallError)) return err instanceof Error ? err : new Error(String(err));
  const account = ev.callerAccount ? `account ${ev.callerAccount}` : "the calling account";
  const producer = ev.producerAccount ? ` (account ${ev.producerAccount})` : "";
  const fail = failWith(DataShareConsumerError, err, secrets);
  if (isWritesUnavailable(err)) {
    return fail("InvalidRequest", writesUnavailableMessage("AssociateDataShareConsumer", ev.region));
  }
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
    const entry = associationStatus(ev.callerStatus);
    if (ev.allowWritesRequested && entry.consumerCanAssociate && ev.producerAllowedWrites === false) {
      return fail(
        "WritesNotAllowed",
        `allowWrites is true, but the producer${producer} authorized datashare ${ev.dataShareArn} for ` +
          `read-only use by ${account}. Ask the producer to authorize it with writes ` +
          `(AuthorizeDataShare with AllowWrites=true), or leave allowWrites unset.`,
      );
    }
    if (entry.withdrawn) {
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
  return mapAwsFailure(err, "AssociateDataShareConsumer", DataShareConsumerError, secrets);
}

/**
 * An update (or a create that found the association) asked for other writes and AWS kept the old
 * ConsumerAcceptedWrites, by answering success (`kept`) or by refusing the repeat (`refused`).
 * Only disassociating and associating again changes it; `pulumi up --replace` does not (a
 * replacement that keeps the key leaves the live association alone: ../core/claims.ts).
 */
export function writesNotChangedError(
  what: string,
  live: boolean,
  how: "kept" | "refused",
  err?: AwsCallError,
): DataShareConsumerError {
  const answer =
    how === "kept"
      ? `AWS accepted AssociateDataShareConsumer but kept ConsumerAcceptedWrites=${live} on ${what}`
      : `AWS refused to change ConsumerAcceptedWrites=${live} on ${what} (${err?.awsMessage ?? "refused"})`;
  return new DataShareConsumerError(
    "WritesNotChanged",
    `${answer}. Nothing was changed. To change it, disassociate and associate again: remove this resource ` +
      "from the program and run `pulumi up`, then add it back and run `pulumi up` again; queries through the " +
      "association fail in between. (`pulumi up --replace` does not do this: it keeps the live association as it is.)",
    err?.code,
    err?.requestId,
  );
}
