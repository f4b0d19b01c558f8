import {
  InvalidDataShareFault,
  InvalidNamespaceFault,
  InvalidParameterCombination,
  InvalidParameterValue,
} from "../faults";
import { checkRegion, formatCatalogArn, parseCatalogArn } from "./arns";
import type { CallContext } from "./behaviours";
import { findCatalogGrant, findGrant, grantsOf } from "./consumers";
import { findOwnNamespace, findVisibleShare, notAssociated, requireValue } from "./lookup";
import { checkWritesAvailable } from "./writes";
import { consumerView } from "./views";
import type {
  Account,
  AssociationTarget,
  ConsumerGrant,
  DataShareRecord,
  DataShareView,
  ModelState,
} from "./types";

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

/** ConsumerArn: a namespace of the caller, or its Glue Data Catalog in the share's region (Lake Formation). */
function consumerArnTarget(caller: Account, share: DataShareRecord, consumerArn: string): AssociationTarget {
  const catalog = parseCatalogArn(consumerArn);
  if (!catalog) return { kind: "namespace", arn: findOwnNamespace(caller, consumerArn, "ConsumerArn").arn };
  if (catalog.accountId !== caller.id) {
    throw new InvalidNamespaceFault(
      `The Data Catalog ${consumerArn} doesn't belong to the calling account ${caller.id}; it must be your own.`,
    );
  }
  if (catalog.region !== share.region) {
    throw new InvalidParameterValue(
      `The Data Catalog ${consumerArn} is in another Region than the data share; Lake Formation-managed ` +
        `data shares can't be associated across Regions.`,
    );
  }
  return { kind: "catalog", arn: formatCatalogArn(catalog.region, catalog.accountId) };
}

/** Exactly one of entire-account (true), ConsumerArn, ConsumerRegion; `false` counts as not set. */
function resolveTarget(
  caller: Account,
  share: DataShareRecord,
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
  if (consumerArn !== undefined)
    return consumerArnTarget(caller, share, requireValue(consumerArn, "ConsumerArn"));
  if (consumerRegion !== undefined) {
    checkRegion(requireValue(consumerRegion, "ConsumerRegion"), "ConsumerRegion");
    return { kind: "region", region: consumerRegion };
  }
  return { kind: "account" };
}

function sameTarget(a: AssociationTarget, b: AssociationTarget): boolean {
  if ((a.kind === "namespace" || a.kind === "catalog") && a.kind === b.kind) return a.arn === b.arn;
  if (a.kind === "region" && b.kind === "region") return a.region === b.region;
  return a.kind === b.kind;
}

/** The grant a target belongs to: the Data Catalog's for a catalog, else the account's own. */
function grantFor(share: DataShareRecord, caller: Account, target: AssociationTarget) {
  return target.kind === "catalog" ? findCatalogGrant(share, caller.id) : findGrant(share, caller.id);
}

function requireAuthorized(
  grant: ConsumerGrant | undefined,
  arn: string,
  caller: Account,
  target: AssociationTarget,
): ConsumerGrant {
  if (grant?.status === "AUTHORIZED") return grant;
  const reason =
    grant?.status === "DEAUTHORIZED"
      ? "the producer has deauthorized it for"
      : grant?.status === "REJECTED"
        ? "it has been rejected by"
        : "it isn't authorized for";
  const consumer = target.kind === "catalog" ? "the Data Catalog of consumer account" : "consumer account";
  throw new InvalidDataShareFault(
    `Can't associate the data share ${arn} because ${reason} ${consumer} ${caller.id}.`,
  );
}

/** How a refusal names the target, as the consumer sees it. */
function describeTarget(target: AssociationTarget, caller: Account): string {
  if (target.kind === "namespace") return `the namespace ${target.arn}`;
  if (target.kind === "catalog") return `the Data Catalog ${target.arn}`;
  if (target.kind === "region") return `the region ${target.region} of consumer account ${caller.id}`;
  return `the entire consumer account ${caller.id}`;
}

/**
 * Consumer only. A target already associated is answered per the behaviours repeatAssociate
 * (same AllowWrites) and reassociateOtherWrites (another one). An entire-account association and
 * the narrower ones of the account's grant replace each other; a Data Catalog association belongs
 * to the catalog's own grant.
 */
export function associateDataShareConsumer(
  state: ModelState,
  caller: Account,
  input: AssociateDataShareConsumerInput,
  ctx: CallContext,
): DataShareView {
  checkWritesAvailable(input.AllowWrites, ctx);
  const share = findVisibleShare(state, caller, input.DataShareArn, ctx.behaviours, true);
  const target = resolveTarget(
    caller,
    share,
    input.AssociateEntireAccount,
    input.ConsumerArn,
    input.ConsumerRegion,
    "AssociateEntireAccount",
  );
  const grant = requireAuthorized(grantFor(share, caller, target), input.DataShareArn, caller, target);
  const acceptWrites = input.AllowWrites ?? false;
  if (acceptWrites && !grant.producerAllowedWrites) {
    throw new InvalidDataShareFault(
      `Can't associate the data share ${input.DataShareArn} with writes allowed because the producer authorized it as read-only for consumer account ${caller.id}.`,
    );
  }
  const view = () => consumerView(state, share, caller, ctx.behaviours);
  const existing = grant.associations.find((a) => sameTarget(a.target, target));
  if (existing) {
    const sameWrites = existing.consumerAcceptedWrites === acceptWrites;
    const answer = sameWrites ? ctx.behaviours.repeatAssociate : ctx.behaviours.reassociateOtherWrites;
    if (answer === "refuse") {
      const settings = sameWrites ? "with the same settings" : "with other settings; disassociate it first";
      throw new InvalidDataShareFault(
        `Can't associate the data share ${input.DataShareArn} because it's already associated with ${describeTarget(target, caller)} ${settings}.`,
      );
    }
    if (answer === "flip") existing.consumerAcceptedWrites = acceptWrites;
    return view();
  }
  const wasActive = grant.associations.some((a) => a.status === "ACTIVE");
  grant.associations = grant.associations.filter((a) =>
    target.kind === "account" ? false : a.target.kind !== "account",
  );
  grant.associations.push({
    target,
    status: "ACTIVE",
    consumerAcceptedWrites: acceptWrites,
    createdDate: ctx.now,
    statusChangeDate: ctx.now,
  });
  if (!wasActive) grant.statusChangeDate = ctx.now;
  return view();
}

/** Consumer only. Removing something that is not associated is the "isn't associated" fault. */
export function disassociateDataShareConsumer(
  state: ModelState,
  caller: Account,
  input: DisassociateDataShareConsumerInput,
  ctx: CallContext,
): DataShareView {
  const share = findVisibleShare(state, caller, input.DataShareArn, ctx.behaviours, true);
  const target = resolveTarget(
    caller,
    share,
    input.DisassociateEntireAccount,
    input.ConsumerArn,
    input.ConsumerRegion,
    "DisassociateEntireAccount",
  );
  const grant = grantFor(share, caller, target);
  const index = grant?.associations.findIndex((a) => sameTarget(a.target, target)) ?? -1;
  if (!grant || index < 0) throw notAssociated(input.DataShareArn);
  grant.associations.splice(index, 1);
  if (grant.associations.length === 0 && grant.status === "AUTHORIZED") grant.statusChangeDate = ctx.now;
  return consumerView(state, share, caller, ctx.behaviours);
}

/**
 * Consumer only; allowed while the share is AVAILABLE or ACTIVE for the caller. Rejecting covers
 * every authorized grant of the caller: the guide says declining the Lake Formation-managed
 * association also declines the account's own.
 */
export function rejectDataShare(
  state: ModelState,
  caller: Account,
  input: RejectDataShareInput,
  ctx: CallContext,
): DataShareView {
  const share = findVisibleShare(state, caller, input.DataShareArn, ctx.behaviours, true);
  const grants = grantsOf(share, caller.id);
  const authorized = grants.filter((g) => g.status === "AUTHORIZED");
  if (authorized.length === 0) {
    const reason = grants.some((g) => g.status === "REJECTED")
      ? "it has already been rejected"
      : "it isn't authorized";
    throw new InvalidDataShareFault(
      `Can't reject the data share ${input.DataShareArn} because ${reason} for consumer account ${caller.id}.`,
    );
  }
  for (const grant of authorized) {
    grant.status = "REJECTED";
    grant.statusChangeDate = ctx.now;
    for (const association of grant.associations) {
      association.status = "REJECTED";
      association.statusChangeDate = ctx.now;
    }
  }
  return consumerView(state, share, caller, ctx.behaviours);
}
