import { AdminError } from "../faults";
import { dataShareIdentity } from "../../identity/dataShare";
import { canonicalDataShareArn, formatDataShareArn } from "./arns";
import type { Account, ModelState } from "./types";

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
    consumers: [],
  });
  return arn;
}

/** SQL `GRANT USAGE ON DATASHARE ... TO ACCOUNT`: the grant starts as PENDING_AUTHORIZATION. */
export function grantUsage(
  state: ModelState,
  dataShareArn: string,
  consumerAccount: string,
  now: string,
): void {
  const share = state.dataShares[findShareIndex(state, dataShareArn)];
  const consumer = findAccount(state, String(consumerAccount));
  if (share.consumers.some((c) => c.accountId === consumer.id)) return;
  share.consumers.push({
    accountId: consumer.id,
    status: "PENDING_AUTHORIZATION",
    producerAllowedWrites: false,
    createdDate: now,
    statusChangeDate: now,
    associations: [],
  });
}

/** SQL `DROP DATASHARE`: every grant and association goes with it. */
export function dropDataShare(state: ModelState, dataShareArn: string): void {
  state.dataShares.splice(findShareIndex(state, dataShareArn), 1);
}
