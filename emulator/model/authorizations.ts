import { InvalidDataShareFault } from "../faults";
import type { CallContext } from "./behaviours";
import {
  consumerIdentifierOf,
  findConsumerGrant,
  parseConsumerIdentifier,
  type ConsumerKey,
} from "./consumers";
import { findOwnShare, requireValue } from "./lookup";
import { checkWritesAvailable } from "./writes";
import { producerView } from "./views";
import type { Account, ConsumerGrant, DataShareRecord, DataShareView, ModelState } from "./types";

export interface AuthorizeDataShareInput {
  DataShareArn: string;
  ConsumerIdentifier: string;
  AllowWrites?: boolean;
}

export interface DeauthorizeDataShareInput {
  DataShareArn: string;
  ConsumerIdentifier: string;
}

/** Authorizing needs a prior grant: SQL GRANT USAGE for accounts and Data Catalogs, MANAGEDBY ADX for ADX. */
function requireGrant(share: DataShareRecord, key: ConsumerKey, arn: string): ConsumerGrant {
  const grant = findConsumerGrant(share, key);
  if (grant) return grant;
  const consumer = consumerIdentifierOf(key);
  const reason =
    key.via === "adx"
      ? "it isn't managed by AWS Data Exchange (CREATE DATASHARE ... MANAGEDBY ADX)"
      : "usage on the data share hasn't been granted to that account" +
        (key.via === "dataCatalog" ? " via the Data Catalog" : "");
  throw new InvalidDataShareFault(
    `Can't authorize the data share ${arn} for consumer ${consumer} because ${reason}.`,
  );
}

/**
 * Producer only. Authorizing an authorized consumer again is answered per the behaviours
 * repeatAuthorize (same AllowWrites, absent = false) and reauthorizeOtherWrites (another one);
 * after a rejection or deauthorization it starts over from AUTHORIZED with no associations.
 */
export function authorizeDataShare(
  state: ModelState,
  caller: Account,
  input: AuthorizeDataShareInput,
  ctx: CallContext,
): DataShareView {
  checkWritesAvailable(input.AllowWrites, ctx);
  const share = findOwnShare(state, caller, input.DataShareArn, "authorize", ctx.behaviours);
  const key = parseConsumerIdentifier(requireValue(input.ConsumerIdentifier, "ConsumerIdentifier"));
  const grant = requireGrant(share, key, input.DataShareArn);
  const allowWrites = input.AllowWrites ?? false;
  if (grant.status === "AUTHORIZED") {
    const sameWrites = grant.producerAllowedWrites === allowWrites;
    const answer = sameWrites ? ctx.behaviours.repeatAuthorize : ctx.behaviours.reauthorizeOtherWrites;
    if (answer === "refuse") {
      const settings = sameWrites ? "with the same settings" : "with other settings; deauthorize it first";
      throw new InvalidDataShareFault(
        `Can't authorize the data share ${input.DataShareArn} for consumer ${consumerIdentifierOf(key)} because it's already authorized ${settings}.`,
      );
    }
    if (answer === "flip") grant.producerAllowedWrites = allowWrites;
    return producerView(state, share);
  }
  grant.status = "AUTHORIZED";
  grant.statusChangeDate = ctx.now;
  grant.associations = [];
  grant.producerAllowedWrites = allowWrites;
  return producerView(state, share);
}

/** Producer only. The consumer's associations stay, as DEAUTHORIZED (what it sees: a behaviour). */
export function deauthorizeDataShare(
  state: ModelState,
  caller: Account,
  input: DeauthorizeDataShareInput,
  ctx: CallContext,
): DataShareView {
  const share = findOwnShare(state, caller, input.DataShareArn, "deauthorize", ctx.behaviours);
  const key = parseConsumerIdentifier(requireValue(input.ConsumerIdentifier, "ConsumerIdentifier"));
  const grant = findConsumerGrant(share, key);
  if (!grant || grant.status === "DEAUTHORIZED" || grant.status === "PENDING_AUTHORIZATION") {
    throw new InvalidDataShareFault(
      `Can't deauthorize the data share ${input.DataShareArn} for consumer ${consumerIdentifierOf(key)} because you have already removed authorization from the data share.`,
    );
  }
  grant.status = "DEAUTHORIZED";
  grant.statusChangeDate = ctx.now;
  for (const association of grant.associations) {
    association.status = "DEAUTHORIZED";
    association.statusChangeDate = ctx.now;
  }
  return producerView(state, share);
}
