import { formatNamespaceArn } from "./arns";
import type { Behaviours } from "./behaviours";
import { consumerIdentifierOf, grantsOf } from "./consumers";
import type {
  Account,
  Association,
  AssociationTarget,
  ConsumerGrant,
  DataShareAssociationView,
  DataShareRecord,
  DataShareStatus,
  DataShareView,
  ModelState,
} from "./types";

/** The producer's namespace ARN: provisioned or serverless form, after the namespace's type. */
export function producerArn(state: ModelState, share: DataShareRecord): string {
  const producer = state.accounts.find((a) => a.id === share.producerAccount);
  const namespace = producer?.namespaces.find((n) => n.id === share.producerNamespace);
  return formatNamespaceArn(
    namespace?.type ?? "provisioned",
    share.region,
    share.producerAccount,
    share.producerNamespace,
  );
}

/** ACTIVE is not stored: an authorized grant with at least one live association is ACTIVE. */
export function grantStatus(grant: ConsumerGrant): DataShareStatus {
  if (grant.status === "AUTHORIZED" && grant.associations.some((a) => a.status === "ACTIVE")) return "ACTIVE";
  return grant.status;
}

function producerEntry(grant: ConsumerGrant): DataShareAssociationView {
  return {
    ConsumerIdentifier: consumerIdentifierOf(grant),
    Status: grantStatus(grant),
    CreatedDate: grant.createdDate,
    StatusChangeDate: grant.statusChangeDate,
    ProducerAllowedWrites: grant.producerAllowedWrites,
    ConsumerAcceptedWrites: grant.associations.some((a) => a.status === "ACTIVE" && a.consumerAcceptedWrites),
  };
}

/** One consumer entry and what it stands for (undefined: the grant itself, no association). */
export interface ConsumerEntry {
  entry: DataShareAssociationView;
  target?: AssociationTarget;
  grant: ConsumerGrant;
}

/** Behaviour accountEntryRegion: whether an account-level entry names the share's region. */
function accountRegion(share: DataShareRecord, behaviours: Behaviours): { ConsumerRegion?: string } {
  return behaviours.accountEntryRegion === "filled" ? { ConsumerRegion: share.region } : {};
}

function associationEntry(
  share: DataShareRecord,
  grant: ConsumerGrant,
  association: Association,
  behaviours: Behaviours,
): DataShareAssociationView {
  const { target } = association;
  const identifier = target.kind === "namespace" || target.kind === "catalog" ? target.arn : grant.accountId;
  const region =
    target.kind === "region"
      ? { ConsumerRegion: target.region }
      : target.kind === "account"
        ? accountRegion(share, behaviours)
        : {};
  return {
    ConsumerIdentifier: identifier,
    Status: association.status,
    ...region,
    CreatedDate: association.createdDate,
    StatusChangeDate: association.statusChangeDate,
    ProducerAllowedWrites: grant.producerAllowedWrites,
    ConsumerAcceptedWrites: association.consumerAcceptedWrites,
  };
}

/** Behaviours deauthorizedConsumerView and rejectedConsumerView, for one grant. */
function viewAfterLoss(grant: ConsumerGrant, behaviours: Behaviours): Behaviours["rejectedConsumerView"] {
  if (grant.status === "DEAUTHORIZED") return behaviours.deauthorizedConsumerView;
  if (grant.status === "REJECTED") return behaviours.rejectedConsumerView;
  return "status";
}

/**
 * What the consumer sees of one grant: one entry per association, or a single placeholder for
 * the grant (AVAILABLE when authorized), unless the grant was lost and the behaviour drops it.
 */
export function consumerEntries(
  share: DataShareRecord,
  grant: ConsumerGrant,
  behaviours: Behaviours,
): ConsumerEntry[] {
  if (viewAfterLoss(grant, behaviours) !== "status") return [];
  if (grant.associations.length > 0) {
    return grant.associations.map((a) => ({
      entry: associationEntry(share, grant, a, behaviours),
      target: a.target,
      grant,
    }));
  }
  const placeholder: DataShareStatus = grant.status === "AUTHORIZED" ? "AVAILABLE" : grant.status;
  const entry: DataShareAssociationView = {
    ConsumerIdentifier: consumerIdentifierOf(grant),
    Status: placeholder,
    ...(grant.via === undefined ? accountRegion(share, behaviours) : {}),
    CreatedDate: grant.createdDate,
    StatusChangeDate: grant.statusChangeDate,
    ProducerAllowedWrites: grant.producerAllowedWrites,
    ConsumerAcceptedWrites: false,
  };
  return [{ entry, grant }];
}

/**
 * A consumer sees a share once the producer has authorized it, and keeps seeing it afterwards
 * unless the behaviour for a lost grant hides it.
 */
export function visibleToConsumer(
  grant: ConsumerGrant | undefined,
  behaviours: Behaviours,
): grant is ConsumerGrant {
  if (grant === undefined || grant.status === "PENDING_AUTHORIZATION") return false;
  return viewAfterLoss(grant, behaviours) !== "shareHidden";
}

export function canSee(share: DataShareRecord, caller: Account, behaviours: Behaviours): boolean {
  return (
    share.producerAccount === caller.id ||
    grantsOf(share, caller.id).some((g) => visibleToConsumer(g, behaviours))
  );
}

function withEntries(
  state: ModelState,
  share: DataShareRecord,
  entries: DataShareAssociationView[],
): DataShareView {
  return {
    DataShareArn: share.arn,
    ProducerArn: producerArn(state, share),
    AllowPubliclyAccessibleConsumers: share.allowPubliclyAccessibleConsumers,
    DataShareAssociations: entries,
    ...(share.managedBy ? { ManagedBy: share.managedBy } : {}),
    ...(share.dataShareType ? { DataShareType: share.dataShareType } : {}),
  };
}

export function producerView(state: ModelState, share: DataShareRecord): DataShareView {
  return withEntries(state, share, share.consumers.map(producerEntry));
}

/** The answer to a consumer's own change: the entries of its grants the producer has acted on. */
export function consumerView(
  state: ModelState,
  share: DataShareRecord,
  caller: Account,
  behaviours: Behaviours,
): DataShareView {
  const grants = grantsOf(share, caller.id).filter((g) => g.status !== "PENDING_AUTHORIZATION");
  return withEntries(
    state,
    share,
    grants.flatMap((g) => consumerEntries(share, g, behaviours).map((e) => e.entry)),
  );
}

/** The given entries in a share's frame (used for DescribeDataSharesForConsumer's filtered lists). */
export function viewWith(
  state: ModelState,
  share: DataShareRecord,
  entries: DataShareAssociationView[],
): DataShareView {
  return withEntries(state, share, entries);
}

/**
 * The caller's view of a share. A consumer sees its own grants (its account's and its Data
 * Catalog's) the consumer way; when the producer granted the share to its own account, its own
 * grants are shown that way too and the other consumers the way a producer sees them.
 */
export function callerView(
  state: ModelState,
  share: DataShareRecord,
  caller: Account,
  behaviours: Behaviours,
): DataShareView {
  const asConsumer = (grant: ConsumerGrant) => consumerEntries(share, grant, behaviours).map((e) => e.entry);
  if (share.producerAccount !== caller.id) {
    const grants = grantsOf(share, caller.id).filter((g) => visibleToConsumer(g, behaviours));
    return withEntries(state, share, grants.flatMap(asConsumer));
  }
  const entries = share.consumers.flatMap((c) =>
    c.accountId === caller.id && visibleToConsumer(c, behaviours) ? asConsumer(c) : [producerEntry(c)],
  );
  return withEntries(state, share, entries);
}
