/**
 * What the consumer's system views say about a database of a name, and whether it is the one
 * declared. Pure: the rows in, plain answers out.
 *
 * SVV_REDSHIFT_DATABASES says whether the database exists and whether a datashare made it
 * (`database_type` shared); SVV_DATASHARES' INBOUND row whose consumer_database is that database
 * says which datashare feeds it (documented columns). No documented column says whether it was
 * made WITH PERMISSIONS, so the declared value is kept (state.ts).
 */
import type { DatabaseRow, DataShareRow } from "../core/systemViews";
import { shareIdentity } from "./id";
import type { InboundShare, LiveDatabase } from "./types";

export function shareOfRow(row: DataShareRow): InboundShare {
  return {
    dataShareName: row.shareName,
    producerAccount: row.producerAccount,
    producerNamespace: row.producerNamespace,
  };
}

/** The datashare a shared database's options name, when they name it whole. */
export function originOf(row: DatabaseRow): InboundShare | undefined {
  const { name, producerAccount, producerNamespace } = row.dataShare ?? {};
  if (!name || !producerAccount || !producerNamespace) return undefined;
  return { dataShareName: name, producerAccount, producerNamespace };
}

export function findDatabase(name: string, databases: DatabaseRow[], inbound: DataShareRow[]): LiveDatabase {
  const row = databases.find((d) => d.name === name);
  if (row === undefined) return { exists: false };
  if (row.type !== "shared") return { exists: true, fromDataShare: false };
  const feeding = inbound.find((r) => r.shareType === "INBOUND" && r.consumerDatabase === name);
  const origin = originOf(row);
  return {
    exists: true,
    fromDataShare: true,
    ...(feeding ? { share: shareOfRow(feeding) } : {}),
    ...(origin ? { origin } : {}),
  };
}

export const sameShare = (a: InboundShare | undefined, b: InboundShare | undefined): boolean =>
  a !== undefined && b !== undefined && shareIdentity(a) === shareIdentity(b);

/** The datashare the database is made from, as far as the views tell: the feeding one, else its options'. */
export function madeFrom(live: LiveDatabase): InboundShare | undefined {
  return live.exists && live.fromDataShare ? (live.share ?? live.origin) : undefined;
}

/** The database in words, for messages: `a local database`, `made from datashare s of account …`. */
export function describeOrigin(live: LiveDatabase): string {
  if (!live.exists) return "no database";
  if (!live.fromDataShare) return "a local database (not made from a datashare)";
  const from = madeFrom(live);
  return from
    ? `made from ${describeShare(from)}`
    : "made from a datashare that no longer reaches this namespace";
}

export function describeShare(share: InboundShare): string {
  return `datashare ${share.dataShareName} of account ${share.producerAccount}, namespace ${share.producerNamespace}`;
}
