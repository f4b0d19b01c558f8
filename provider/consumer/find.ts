/**
 * Finding one association in a DescribeDataShares result. Pure, over plain objects.
 *
 * Who the association belongs to is decided by the *caller's* account (from STS), never by the
 * account in the datashare ARN: that is the producer, and a cross-account consumer's entries carry
 * the consumer account id.
 */
import { arnParts } from "../core/arn";
import { pickDataShare, producerAccountOf } from "../core/identity";
import { associationAdvice, associationStatus } from "../core/statuses";
import type { LiveAssociation, LiveDataShare } from "../core/types";
import { canonicalTarget, describeTarget } from "./id";
import { AssociateEvidence } from "./errors";
import { AssociationKey } from "./types";

export type MatchResult =
  | { found: true; dataShare: LiveDataShare; association: LiveAssociation }
  | { found: false; reason: "datashare-gone" | "association-gone" }
  | { found: false; reason: "superseded"; message: string };

export function isAssociation(a: LiveAssociation): boolean {
  return associationStatus(a.status).associated;
}

/**
 * The caller's account-level entry (the entire account, or the account's AVAILABLE placeholder).
 * AWS may leave its ConsumerRegion empty or fill in the datashare's own region (the emulator's
 * behaviour accountEntryRegion); both are read as account level. Under the second answer a
 * region association for the datashare's own region looks the same; on AWS the two replace each
 * other, so at most one of them is there.
 */
function isAccountEntry(a: LiveAssociation, callerAccount: string, dataShareArn: string): boolean {
  if (a.consumerIdentifier !== callerAccount) return false;
  return !a.consumerRegion || a.consumerRegion.toLowerCase() === arnParts(dataShareArn)?.region.toLowerCase();
}

/**
 * An entry of the caller: its account, a namespace or Glue Data Catalog ARN in its account, or its
 * Data Catalog's grant (`DataCatalog/<account>`).
 */
function isCallersEntry(a: LiveAssociation, callerAccount: string): boolean {
  const id = a.consumerIdentifier;
  if (id === undefined || id === callerAccount || id === `DataCatalog/${callerAccount}`) return true;
  return arnParts(id)?.account === callerAccount;
}

/**
 * The datashare is visible but lists no entry at all for the caller: not even the AVAILABLE
 * placeholder a disassociation by hand leaves. That is what is left when the producer
 * deauthorized the account or the account rejected the share and AWS drops the consumer's
 * entries (the emulator's deauthorizedConsumerView / rejectedConsumerView `entriesDropped`).
 */
export function lostAuthorization(
  dataShares: LiveDataShare[],
  key: AssociationKey,
  callerAccount: string,
): boolean {
  const share = pickDataShare(dataShares, key.dataShareArn);
  return share !== undefined && !share.associations.some((a) => isCallersEntry(a, callerAccount));
}

function matchesTarget(a: LiveAssociation, key: AssociationKey, callerAccount: string): boolean {
  const t = key.target;
  switch (t.kind) {
    case "account":
      return isAccountEntry(a, callerAccount, key.dataShareArn);
    case "namespace":
      return (
        a.consumerIdentifier !== undefined &&
        canonicalTarget({ kind: "namespace", consumerArn: a.consumerIdentifier }) === canonicalTarget(t)
      );
    case "region":
      return (
        a.consumerRegion !== undefined &&
        canonicalTarget({ kind: "region", consumerRegion: a.consumerRegion }) === canonicalTarget(t) &&
        (a.consumerIdentifier === undefined || a.consumerIdentifier === callerAccount)
      );
  }
}

/** Several matches (AWS does not promise uniqueness): an ACTIVE one wins, then the newest. */
function best(candidates: LiveAssociation[]): LiveAssociation {
  if (candidates.length === 1) return candidates[0];
  const rank = (a: LiveAssociation) => [isActive(a) ? 1 : 0, Date.parse(a.statusChangeDate ?? "") || 0];
  return [...candidates].sort((x, y) => {
    const [ax, tx] = rank(x);
    const [ay, ty] = rank(y);
    return ay - ax || ty - tx;
  })[0];
}

export function matchAssociation(
  dataShares: LiveDataShare[],
  key: AssociationKey,
  callerAccount: string,
): MatchResult {
  const dataShare = pickDataShare(dataShares, key.dataShareArn);
  if (!dataShare) return { found: false, reason: "datashare-gone" };
  const associations = dataShare.associations.filter(isAssociation);
  const candidates = associations.filter((a) => matchesTarget(a, key, callerAccount));
  if (candidates.length > 0) return { found: true, dataShare, association: best(candidates) };
  const message = supersededBy(associations, key, callerAccount);
  return message
    ? { found: false, reason: "superseded", message }
    : { found: false, reason: "association-gone" };
}

/**
 * AWS lets an entire-account association and namespace/region associations of one datashare
 * replace each other, so "gone" is often "replaced": say so, with what replaced it. Only an ACTIVE
 * association replaces anything: a DEAUTHORIZED or REJECTED account-level entry is what is left of
 * a share the producer withdrew, and tells nothing about what replaced what.
 */
function supersededBy(
  entries: LiveAssociation[],
  key: AssociationKey,
  callerAccount: string,
): string | undefined {
  const associations = entries.filter(isActive);
  const what = `the association of ${key.dataShareArn} with ${describeTarget(key.target)}`;
  const advice =
    "On AWS an entire-account association and namespace or region associations of one datashare replace " +
    "each other; declare only one kind per datashare, or this resource and the other one will keep undoing each other.";
  if (key.target.kind === "account") {
    const others = associations.filter((a) => !isAccountEntry(a, callerAccount, key.dataShareArn));
    if (others.length === 0) return undefined;
    const list = others.map((a) => a.consumerIdentifier ?? a.consumerRegion).join(", ");
    return `${what} no longer exists: it was replaced by namespace/region associations (${list}). ${advice}`;
  }
  if (associations.some((a) => isAccountEntry(a, callerAccount, key.dataShareArn))) {
    return `${what} no longer exists: it was replaced by an association with the entire account ${callerAccount}. ${advice}`;
  }
  return undefined;
}

export function isActive(a: LiveAssociation): boolean {
  return a.status !== undefined && associationStatus(a.status).live;
}

/**
 * What to tell the user, at preview, about an association whose status is not ACTIVE: who must act
 * before `pulumi up` can associate it again.
 */
export function statusAdvice(status: string, key: AssociationKey): string {
  const what = `the association of ${key.dataShareArn} with ${describeTarget(key.target)}`;
  const producerAccount = producerAccountOf(key.dataShareArn);
  const producer = producerAccount ? `the producer (account ${producerAccount})` : "the producer";
  return associationAdvice(status, what, producer);
}

/** Facts used to explain a refused AssociateDataShareConsumer (see errors.ts). */
export function collectEvidence(
  dataShares: LiveDataShare[] | undefined,
  key: AssociationKey,
  callerAccount: string | undefined,
  allowWritesRequested: boolean,
): AssociateEvidence {
  const producerAccount = producerAccountOf(key.dataShareArn);
  const ev: AssociateEvidence = {
    dataShareArn: key.dataShareArn,
    producerAccount,
    callerAccount,
    // Without a describe result we cannot tell; assume visible so the message does not claim "missing".
    dataShareVisible: dataShares === undefined,
    allowWritesRequested,
    consumerArn: key.target.kind === "namespace" ? key.target.consumerArn : undefined,
  };
  if (!dataShares) return ev;
  const share = pickDataShare(dataShares, key.dataShareArn);
  if (!share) return ev;
  ev.dataShareVisible = true;
  const mine = share.associations.filter((a) => a.consumerIdentifier === callerAccount);
  const entry =
    mine.find((a) => isAccountEntry(a, callerAccount ?? "", key.dataShareArn)) ??
    mine[0] ??
    share.associations.find((a) => matchesTarget(a, key, callerAccount ?? ""));
  ev.callerStatus = entry?.status;
  ev.producerAllowedWrites = (entry ?? share.associations[0])?.producerAllowedWrites;
  return ev;
}
