import { formatNamespaceArn } from "./arns";
import type {
  Account,
  Association,
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
    ConsumerIdentifier: grant.accountId,
    Status: grantStatus(grant),
    CreatedDate: grant.createdDate,
    StatusChangeDate: grant.statusChangeDate,
    ProducerAllowedWrites: grant.producerAllowedWrites,
    ConsumerAcceptedWrites: grant.associations.some((a) => a.status === "ACTIVE" && a.consumerAcceptedWrites),
  };
}

function associationEntry(grant: ConsumerGrant, association: Association): DataShareAssociationView {
  const { target } = association;
  return {
    ConsumerIdentifier: target.kind === "namespace" ? target.arn : grant.accountId,
    Status: association.status,
    ...(target.kind === "region" ? { ConsumerRegion: target.region } : {}),
    CreatedDate: association.createdDate,
    StatusChangeDate: association.statusChangeDate,
    ProducerAllowedWrites: grant.producerAllowedWrites,
    ConsumerAcceptedWrites: association.consumerAcceptedWrites,
  };
}

/** What the consumer sees: one entry per association, or a single account-level placeholder. */
export function consumerEntries(grant: ConsumerGrant): DataShareAssociationView[] {
  if (grant.associations.length > 0) return grant.associations.map((a) => associationEntry(grant, a));
  const placeholder: DataShareStatus = grant.status === "AUTHORIZED" ? "AVAILABLE" : grant.status;
  return [
    {
      ConsumerIdentifier: grant.accountId,
      Status: placeholder,
      CreatedDate: grant.createdDate,
      StatusChangeDate: grant.statusChangeDate,
      ProducerAllowedWrites: grant.producerAllowedWrites,
      ConsumerAcceptedWrites: false,
    },
  ];
}

/** A consumer sees a share once the producer has authorized it (and keeps seeing it afterwards). */
export function visibleToConsumer(grant: ConsumerGrant | undefined): grant is ConsumerGrant {
  return grant !== undefined && grant.status !== "PENDING_AUTHORIZATION";
}

export function findGrant(share: DataShareRecord, accountId: string): ConsumerGrant | undefined {
  return share.consumers.find((c) => c.accountId === accountId);
}

export function canSee(share: DataShareRecord, caller: Account): boolean {
  return share.producerAccount === caller.id || visibleToConsumer(findGrant(share, caller.id));
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

export function consumerView(state: ModelState, share: DataShareRecord, grant: ConsumerGrant): DataShareView {
  return withEntries(state, share, consumerEntries(grant));
}

/**
 * The caller's view of a share. When the producer granted the share to its own account, its own
 * grant is shown the way a consumer sees it (one entry per association) and the other consumers
 * the way a producer sees them.
 */
export function callerView(state: ModelState, share: DataShareRecord, caller: Account): DataShareView {
  const grant = findGrant(share, caller.id);
  if (share.producerAccount !== caller.id) {
    if (!visibleToConsumer(grant)) throw new Error("callerView on a share the caller cannot see");
    return consumerView(state, share, grant);
  }
  const entries = share.consumers.flatMap((c) =>
    c.accountId === caller.id && visibleToConsumer(c) ? consumerEntries(c) : [producerEntry(c)],
  );
  return withEntries(state, share, entries);
}
