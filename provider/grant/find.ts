/**
 * Finding one grant in the producer database's system views, over decoded rows. Pure.
 *
 * SVV_DATASHARES lists the datashare (share_type OUTBOUND for the producer's own); its rows in
 * SVV_DATASHARE_CONSUMERS are the grants: `consumer_account` for a grant TO ACCOUNT, and
 * `consumer_namespace` for a grant TO NAMESPACE (whose `consumer_account` is the namespace's own
 * account). The documented columns (share_name, consumer_account, consumer_namespace, share_date)
 * do not say whether an account grant was made VIA DATA CATALOG, so a `DataCatalog/<account>`
 * grantee is read as present when the account has a row: the provider cannot tell the two forms
 * apart from SQL, and a plain grant of the same account made outside Pulumi reads as this one
 * (provider/README.md, "DataShareGrant").
 */
import type { DataShareConsumerRow, DataShareRow } from "../core/systemViews";
import { parseGrantee } from "./grantee";
import type { Grantee } from "./types";

/** The columns of an SVV_DATASHARES row a grant reads. */
export type ShareRow = Pick<
  DataShareRow,
  "shareName" | "shareType" | "producerAccount" | "producerNamespace"
>;

/** An SVV_DATASHARE_CONSUMERS row, decoded. */
export type ConsumerRow = DataShareConsumerRow;

export type GrantMatch =
  | { found: true; share: ShareRow; row: ConsumerRow }
  | { found: false; reason: "datashare-gone" | "revoked"; share?: ShareRow };

/** Redshift folds ASCII letters of unquoted names; compare datashare names the same way. */
const fold = (name: string) => name.replace(/[A-Z]/g, (c) => c.toLowerCase());
const empty = (v: string | undefined): v is undefined | "" => v === undefined || v === "";

/** The producer's own datashare of this name, if the view lists it. */
export function findShare(shares: readonly ShareRow[], dataShareName: string): ShareRow | undefined {
  return shares.find((s) => s.shareType === "OUTBOUND" && fold(s.shareName) === fold(dataShareName));
}

/** Whether a consumers row is the grant to this grantee. */
export function isRowOf(row: ConsumerRow, grantee: Grantee): boolean {
  if (grantee.kind === "namespace") {
    return !empty(row.consumerNamespace) && row.consumerNamespace.toLowerCase() === grantee.namespaceId;
  }
  return row.consumerAccount === grantee.accountId && empty(row.consumerNamespace);
}

/** The grant of `consumerIdentifier` on `dataShareName`, or why there is none. */
export function findGrant(
  shares: readonly ShareRow[],
  consumers: readonly ConsumerRow[],
  dataShareName: string,
  consumerIdentifier: string,
): GrantMatch {
  const share = findShare(shares, dataShareName);
  if (share === undefined) return { found: false, reason: "datashare-gone" };
  const grantee = parseGrantee(consumerIdentifier);
  const row =
    grantee === undefined
      ? undefined
      : consumers.find((r) => fold(r.shareName) === fold(dataShareName) && isRowOf(r, grantee));
  return row === undefined ? { found: false, reason: "revoked", share } : { found: true, share, row };
}
