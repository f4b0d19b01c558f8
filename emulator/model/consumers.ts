import { InvalidParameterValue } from "../faults";
import type { ConsumerGrant, DataShareRecord } from "./types";

/** Who a grant or an authorization is for, as the model keys it. */
export interface ConsumerKey {
  accountId: string;
  via?: ConsumerGrant["via"];
}

const ACCOUNT = /^\d{12}$/;
const DATA_CATALOG = /^DataCatalog\/(\d{12})$/;
/** IAM compares this keyword ignoring case (StringEqualsIgnoreCase in the guide's policy example). */
const ADX = /^adx$/i;

export const ADX_ACCOUNT = "ADX";

/**
 * AuthorizeDataShare's ConsumerIdentifier: a 12-digit account, `DataCatalog/<account>` (Lake
 * Formation) or `ADX` (AWS Data Exchange). Anything else is InvalidParameterValue.
 */
export function parseConsumerIdentifier(id: string): ConsumerKey {
  if (ACCOUNT.test(id)) return { accountId: id };
  const catalog = DATA_CATALOG.exec(id);
  if (catalog) return { accountId: catalog[1], via: "dataCatalog" };
  if (ADX.test(id)) return { accountId: ADX_ACCOUNT, via: "adx" };
  throw new InvalidParameterValue(
    `The value "${id}" for parameter ConsumerIdentifier is not valid. Use a 12-digit AWS account ID, ` +
      `DataCatalog/<account ID> or ADX.`,
  );
}

/** The ConsumerIdentifier the producer view shows for a grant. */
export function consumerIdentifierOf(grant: ConsumerKey): string {
  if (grant.via === "dataCatalog") return `DataCatalog/${grant.accountId}`;
  if (grant.via === "adx") return ADX_ACCOUNT;
  return grant.accountId;
}

export function findConsumerGrant(share: DataShareRecord, key: ConsumerKey): ConsumerGrant | undefined {
  return share.consumers.find((c) => c.accountId === key.accountId && c.via === key.via);
}

/** The ordinary grant of an account (GRANT USAGE ... TO ACCOUNT). */
export function findGrant(share: DataShareRecord, accountId: string): ConsumerGrant | undefined {
  return findConsumerGrant(share, { accountId });
}

/** The grant of an account's Data Catalog (GRANT USAGE ... TO ACCOUNT ... VIA DATA CATALOG). */
export function findCatalogGrant(share: DataShareRecord, accountId: string): ConsumerGrant | undefined {
  return findConsumerGrant(share, { accountId, via: "dataCatalog" });
}

/** Every grant an account acts on as a consumer: its own and its Data Catalog's. */
export function grantsOf(share: DataShareRecord, accountId: string): ConsumerGrant[] {
  return share.consumers.filter((c) => c.accountId === accountId && c.via !== "adx");
}
