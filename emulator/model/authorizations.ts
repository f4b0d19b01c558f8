import { InvalidDataShareFault, InvalidParameterValue } from "../faults";
import { findOwnShare, requireValue } from "./lookup";
import { findGrant, producerView } from "./views";
import type { Account, DataShareView, ModelState } from "./types";

export interface AuthorizeDataShareInput {
  DataShareArn: string;
  ConsumerIdentifier: string;
  AllowWrites?: boolean;
}

export interface DeauthorizeDataShareInput {
  DataShareArn: string;
  ConsumerIdentifier: string;
}

function checkConsumerIdentifier(id: string): string {
  if (!/^\d{12}$/.test(requireValue(id, "ConsumerIdentifier"))) {
    throw new InvalidParameterValue(
      `The value "${id}" for parameter ConsumerIdentifier is not a valid AWS account ID.`,
    );
  }
  return id;
}

/**
 * Producer only. Authorizing again updates ProducerAllowedWrites everywhere; after a rejection or
 * deauthorization it starts over from AUTHORIZED with no associations.
 */
export function authorizeDataShare(
  state: ModelState,
  caller: Account,
  input: AuthorizeDataShareInput,
  now: string,
): DataShareView {
  const share = findOwnShare(state, caller, input.DataShareArn, "authorize");
  const consumerId = checkConsumerIdentifier(input.ConsumerIdentifier);
  const grant = findGrant(share, consumerId);
  if (!grant) {
    throw new InvalidDataShareFault(
      `Can't authorize the data share ${input.DataShareArn} for consumer ${consumerId} because usage on the data share hasn't been granted to that account.`,
    );
  }
  if (grant.status !== "AUTHORIZED") {
    grant.status = "AUTHORIZED";
    grant.statusChangeDate = now;
    grant.associations = [];
  }
  grant.producerAllowedWrites = input.AllowWrites ?? false;
  return producerView(state, share);
}

/** Producer only. The consumer's associations stay visible to it as DEAUTHORIZED. */
export function deauthorizeDataShare(
  state: ModelState,
  caller: Account,
  input: DeauthorizeDataShareInput,
  now: string,
): DataShareView {
  const share = findOwnShare(state, caller, input.DataShareArn, "deauthorize");
  const consumerId = checkConsumerIdentifier(input.ConsumerIdentifier);
  const grant = findGrant(share, consumerId);
  if (!grant || grant.status === "DEAUTHORIZED" || grant.status === "PENDING_AUTHORIZATION") {
    throw new InvalidDataShareFault(
      `Can't deauthorize the data share ${input.DataShareArn} for consumer ${consumerId} because you have already removed authorization from the data share.`,
    );
  }
  grant.status = "DEAUTHORIZED";
  grant.statusChangeDate = now;
  for (const association of grant.associations) {
    association.status = "DEAUTHORIZED";
    association.statusChangeDate = now;
  }
  return producerView(state, share);
}
