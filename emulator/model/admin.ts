import { AdminError } from "../faults";
import { dataShareIdentity } from "../../identity/dataShare";
import { canonicalDataShareArn, formatDataShareArn } from "./arns";
import { ADX_ACCOUNT, findConsumerGrant, type ConsumerKey } from "./consumers";
import type { Account, ConsumerGrant, ModelState } from "./types";

/** SQL `CREATE DATASHARE` on the producer's namespace. */
export interface CreateDataShareInput {
  /** Account id or seed name. */
  producerAccount: string;
  /** Namespace GUID, or its index in the account's namespace list. */
  producerNamespace: string | number;
  name: string;
  region?: string;
  allowPubliclyAccessibleConsumers?: boolean;
  managedBy?: string;
}

export function findAccount(state: ModelState, idOrName: string): Account {
  const account = state.accounts.find((a) => a.id === idOrName || a.name === idOrName);
  if (!account) throw new AdminError(`Unknown account ${idOrName}`);
  return account;
}

function findShareIndex(state: ModelState, arn: string): number {
  let canonical: string;
  try {
    canonical = canonicalDataShareArn(arn);
  } catch {
    throw new AdminError(`Not a datashare ARN: ${arn}`);
  }
  const index = state.dataShares.findIndex((s) => dataShareIdentity(s.arn) === dataShareIdentity(canonical));
  if (index < 0) throw new AdminError(`Unknown datashare ${arn}`);
  return index;
}

/** A grant as SQL leaves it: PENDING_AUTHORIZATION until the producer calls AuthorizeDataShare. */
export function pendingGrant(key: ConsumerKey, now: string): ConsumerGrant {
  return {
    accountId: key.accountId,
    ...(key.via ? { via: key.via } : {}),
    status: "PENDING_AUTHORIZATION",
    producerAllowedWrites: false,
    createdDate: now,
    statusChangeDate: now,
    associations: [],
  };
}

/** MANAGEDBY ADX grants the share to AWS Data Exchange implicitly (the guide's producer steps). */
export function isManagedByAdx(managedBy: string | undefined): boolean {
  return managedBy?.toUpperCase() === ADX_ACCOUNT;
}

/** An account (id or seed name), or `DataCatalog/<account>` for GRANT ... VIA DATA CATALOG. */
export function resolveGrantee(state: ModelState, consumer: string): ConsumerKey {
  const viaCatalog = consumer.startsWith("DataCatalog/");
  const account = findAccount(state, viaCatalog ? consumer.slice("DataCatalog/".length) : consumer);
  return viaCatalog ? { accountId: account.id, via: "dataCatalog" } : { accountId: account.id };
}

export function createDataShare(state: ModelState, input: CreateDataShareInput, now: string): string {
  const producer = findAccount(state, String(input.producerAccount));
  const namespace =
    typeof input.producerNamespace === "number"
      ? producer.namespaces[input.producerNamespace]
      : producer.namespaces.find((n) => n.id === String(input.producerNamespace).toLowerCase());
  if (!namespace) throw new AdminError(`Account ${producer.id} has no namespace ${input.producerNamespace}`);
  if (typeof input.name !== "string" || !/^[A-Za-z0-9_]{1,127}$/.test(input.name)) {
    throw new AdminError(`Invalid datashare name ${JSON.stringify(input.name)}`);
  }
  const region = input.region ?? namespace.region;
  const arn = formatDataShareArn(region, producer.id, namespace.id, input.name);
  if (state.dataShares.some((s) => dataShareIdentity(s.arn) === dataShareIdentity(arn)))
    throw new AdminError(`Datashare ${arn} already exists`);
  state.dataShares.push({
    arn,
    name: input.name,
    producerAccount: producer.id,
    producerNamespace: namespace.id,
    region,
    allowPubliclyAccessibleConsumers: input.allowPubliclyAccessibleConsumers ?? false,
    ...(input.managedBy ? { managedBy: input.managedBy } : {}),
    createdDate: now,
    consumers: isManagedByAdx(input.managedBy)
      ? [pendingGrant({ accountId: ADX_ACCOUNT, via: "adx" }, now)]
      : [],
  });
  return arn;
}

/**
 * SQL `GRANT USAGE ON DATASHARE ... TO ACCOUNT` (`consumer` an account id or name), or with
 * `DataCatalog/<account>` `... VIA DATA CATALOG`: the grant starts as PENDING_AUTHORIZATION.
 */
export function grantUsage(state: ModelState, dataShareArn: string, consumer: string, now: string): void {
  const share = state.dataShares[findShareIndex(state, dataShareArn)];
  const key = resolveGrantee(state, String(consumer));
  if (findConsumerGrant(share, key)) return;
  share.consumers.push(pendingGrant(key, now));
}

/** SQL `DROP DATASHARE`: every grant and association goes with it. */
export function dropDataShare(state: ModelState, dataShareArn: string): void {
  state.dataShares.splice(findShareIndex(state, dataShareArn), 1);
}
