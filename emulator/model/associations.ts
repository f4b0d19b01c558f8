import { InvalidDataShareFault, InvalidParameterCombination } from "../faults";
import { checkRegion } from "./arns";
import { findOwnNamespace, findVisibleShare, notAssociated, requireValue } from "./lookup";
import { consumerView, findGrant } from "./views";
import type { Account, AssociationTarget, ConsumerGrant, DataShareView, ModelState } from "./types";

export interface AssociateDataShareConsumerInput {
  DataShareArn: string;
  AssociateEntireAccount?: boolean;
  ConsumerArn?: string;
  ConsumerRegion?: string;
  AllowWrites?: boolean;
}

export interface DisassociateDataShareConsumerInput {
  DataShareArn: string;
  DisassociateEntireAccount?: boolean;
  ConsumerArn?: string;
  ConsumerRegion?: string;
}

export interface RejectDataShareInput {
  DataShareArn: string;
}

/** Exactly one of entire-account (true), ConsumerArn, ConsumerRegion; `false` counts as not set. */
function resolveTarget(
  caller: Account,
  entireAccount: boolean | undefined,
  consumerArn: string | undefined,
  consumerRegion: string | undefined,
  flagName: string,
): AssociationTarget {
  const given = [entireAccount === true, consumerArn !== undefined, consumerRegion !== undefined];
  if (given.filter(Boolean).length !== 1) {
    throw new InvalidParameterCombination(
      `Exactly one of ${flagName}, ConsumerArn or ConsumerRegion must be specified.`,
    );
  }
  if (consumerArn !== undefined) {
    return { kind: "namespace", arn: findOwnNamespace(caller, consumerArn, "ConsumerArn").arn };
  }
  if (consumerRegion !== undefined) {
    checkRegion(requireValue(consumerRegion, "ConsumerRegion"), "ConsumerRegion");
    return { kind: "region", region: consumerRegion };
  }
  return { kind: "account" };
}

function sameTarget(a: AssociationTarget, b: AssociationTarget): boolean {
  if (a.kind === "namespace" && b.kind === "namespace") return a.arn === b.arn;
  if (a.kind === "region" && b.kind === "region") return a.region === b.region;
  return a.kind === b.kind;
}

function requireAuthorized(grant: ConsumerGrant | undefined, arn: string, caller: Account): ConsumerGrant {
  if (grant?.status === "AUTHORIZED") return grant;
  const reason =
    grant?.status === "DEAUTHORIZED"
      ? "the producer has deauthorized it for"
      : grant?.status === "REJECTED"
        ? "it has been rejected by"
        : "it isn't authorized for";
  throw new InvalidDataShareFault(
    `Can't associate the data share ${arn} because ${reason} consumer account ${caller.id}.`,
  );
}

/** How a refusal names the target, as the consumer sees it. */
function describeTarget(target: AssociationTarget, caller: Account): string {
  if (target.kind === "namespace") return `the namespace ${target.arn}`;
  if (target.kind === "region") return `the region ${target.region} of consumer account ${caller.id}`;
  return `the entire consumer account ${caller.id}`;
}

/**
 * Consumer only. Associating a target again with the same AllowWrites is refused (nothing to do;
 * a client that lost the first answer must look the association up); with another AllowWrites it
 * succeeds and updates ConsumerAcceptedWrites. An entire-account association and narrower ones
 * replace each other.
 */
export function associateDataShareConsumer(
  state: ModelState,
  caller: Account,
  input: AssociateDataShareConsumerInput,
  now: string,
): DataShareView {
  const share = findVisibleShare(state, caller, input.DataShareArn, true);
  const target = resolveTarget(
    caller,
    input.AssociateEntireAccount,
    input.ConsumerArn,
    input.ConsumerRegion,
    "AssociateEntireAccount",
  );
  const grant = requireAuthorized(findGrant(share, caller.id), input.DataShareArn, caller);
  const acceptWrites = input.AllowWrites ?? false;
  if (acceptWrites && !grant.producerAllowedWrites) {
    throw new InvalidDataShareFault(
      `Can't associate the data share ${input.DataShareArn} with writes allowed because the producer authorized it as read-only for consumer account ${caller.id}.`,
    );
  }
  const existing = grant.associations.find((a) => sameTarget(a.target, target));
  if (existing) {
    if (existing.consumerAcceptedWrites === acceptWrites) {
      throw new InvalidDataShareFault(
        `Can't associate the data share ${input.DataShareArn} because it's already associated with ${describeTarget(target, caller)} with the same settings.`,
      );
    }
    existing.consumerAcceptedWrites = acceptWrites;
    return consumerView(state, share, grant);
  }
  const wasActive = grant.associations.some((a) => a.status === "ACTIVE");
  grant.associations = grant.associations.filter((a) =>
    target.kind === "account" ? false : a.target.kind !== "account",
  );
  grant.associations.push({
    target,
    status: "ACTIVE",
    consumerAcceptedWrites: acceptWrites,
    createdDate: now,
    statusChangeDate: now,
  });
  if (!wasActive) grant.statusChangeDate = now;
  return consumerView(state, share, grant);
}

/** Consumer only. Removing something that is not associated is the "isn't associated" fault. */
export function disassociateDataShareConsumer(
  state: ModelState,
  caller: Account,
  input: DisassociateDataShareConsumerInput,
  now: string,
): DataShareView {
  const share = findVisibleShare(state, caller, input.DataShareArn, true);
  const target = resolveTarget(
    caller,
    input.DisassociateEntireAccount,
    input.ConsumerArn,
    input.ConsumerRegion,
    "DisassociateEntireAccount",
  );
  const grant = findGrant(share, caller.id);
  const index = grant?.associations.findIndex((a) => sameTarget(a.target, target)) ?? -1;
  if (!grant || index < 0) throw notAssociated(input.DataShareArn);
  grant.associations.splice(index, 1);
  if (grant.associations.length === 0 && grant.status === "AUTHORIZED") grant.statusChangeDate = now;
  return consumerView(state, share, grant);
}

/** Consumer only; allowed while the share is AVAILABLE or ACTIVE for the caller. */
export function rejectDataShare(
  state: ModelState,
  caller: Account,
  input: RejectDataShareInput,
  now: string,
): DataShareView {
  const share = findVisibleShare(state, caller, input.DataShareArn, true);
  const grant = findGrant(share, caller.id);
  if (grant?.status !== "AUTHORIZED") {
    const reason = grant?.status === "REJECTED" ? "it has already been rejected" : "it isn't authorized";
    throw new InvalidDataShareFault(
      `Can't reject the data share ${input.DataShareArn} because ${reason} for consumer account ${caller.id}.`,
    );
  }
  grant.status = "REJECTED";
  grant.statusChangeDate = now;
  for (const association of grant.associations) {
    association.status = "REJECTED";
    association.statusChangeDate = now;
  }
  return consumerView(state, share, grant);
}
