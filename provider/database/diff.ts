/**
 * What a change means. Pure. A database made from a datashare can be neither re-pointed nor re-made
 * in place, so a change of what it is replaces it: its name, its cluster or workgroup, its
 * datashare, or WITH PERMISSIONS. How the provider reaches it (the database the statements connect
 * to, dbUser, secretArn, the API region) is state only: an update that changes nothing on AWS.
 *
 * Replacement order (provider/README.md, "Replacement order" and "DataShareDatabase"): create first,
 * the engine's own order, where the new database can exist beside the old one, that is on another
 * cluster or workgroup. On the same one, delete first: a second database of the same name cannot
 * be created, and AWS allows one consumer database per datashare on a cluster (the CREATE DATABASE
 * reference), so a rename that keeps the datashare cannot create first either.
 */
import type { DiffResult } from "../core/diff";
import { UNKNOWN } from "../core/types";
import { canonicalKey, identityOfInputs, keyFromInputs, parseId, shareIdentity, shareOfArn } from "./id";
import type { DatabaseKey, DataShareDatabaseOutputs, InboundShare } from "./types";
import type { DatabaseIdentity } from "./id";

export type { DiffResult };

export interface DiffRequest {
  id: string;
  olds: Partial<DataShareDatabaseOutputs>;
  news: Record<string, unknown>;
}

const REPLACING = ["name", "clusterIdentifier", "workgroupName", "dataShareArn", "withPermissions"] as const;
const IN_PLACE = ["database", "dbUser", "secretArn", "region"] as const;

const unknown = (v: unknown): boolean => v === UNKNOWN;
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** The key the resource was made with: its ID, else (an ID from elsewhere) its stored inputs. */
export function recordedKey(id: string, olds: Partial<DataShareDatabaseOutputs>): DatabaseKey {
  try {
    return parseId(id);
  } catch {
    return keyFromInputs(olds);
  }
}

/**
 * The datashare the database is made from: what the consumer's views reported at the last read,
 * else the stored ARN's. Undefined when neither says (imported while no datashare feeds it).
 */
export function recordedShare(olds: Partial<DataShareDatabaseOutputs>): InboundShare | undefined {
  const { producerAccount, producerNamespace, dataShareName } = olds;
  if (text(producerAccount) && text(producerNamespace) && text(dataShareName)) {
    return {
      producerAccount: producerAccount!,
      producerNamespace: producerNamespace!,
      dataShareName: dataShareName!,
    };
  }
  return shareOfArn(olds.dataShareArn);
}

/** The identity of the database a resource holds (for delete's claim check). */
export function recordedIdentity(id: string, olds: Partial<DataShareDatabaseOutputs>): DatabaseIdentity {
  const key = recordedKey(id, olds);
  return {
    target: key.target,
    name: key.name,
    share: recordedShare(olds),
    withPermissions: olds.withPermissions === true,
  };
}

export function diffDatabase({ id, olds, news }: DiffRequest): DiffResult {
  const key = recordedKey(id, olds);
  const replaces: string[] = [];
  const inPlace: string[] = [];
  const recorded: Record<string, unknown> = {
    name: key.name,
    database: olds.database ?? key.database,
    ...key.target,
    region: olds.region ?? key.region,
  };
  const differs = (p: string, was: unknown) => unknown(news[p]) || text(news[p]) !== text(was);

  for (const p of ["name", "clusterIdentifier", "workgroupName"])
    if (differs(p, recorded[p])) replaces.push(p);
  const share = recordedShare(olds);
  if (
    unknown(news.dataShareArn) ||
    (share !== undefined && shareIdentity(shareOfArn(news.dataShareArn)) !== shareIdentity(share))
  ) {
    replaces.push("dataShareArn");
  } else if (text(news.dataShareArn) !== text(olds.dataShareArn) && olds.dataShareArn !== undefined) {
    inPlace.push("dataShareArn"); // another spelling of the same datashare
  }
  // The views cannot tell how a database was made; an import records no value: the program's is taken.
  if (
    unknown(news.withPermissions) ||
    (typeof olds.withPermissions === "boolean" && (news.withPermissions === true) !== olds.withPermissions)
  ) {
    replaces.push("withPermissions");
  } else if (olds.withPermissions === undefined && typeof news.withPermissions === "boolean") {
    inPlace.push("withPermissions"); // recorded as declared: the update rewrites state only
  }
  for (const p of IN_PLACE) {
    // An undeclared region is the recorded one: the calls keep going where the database is.
    if (p === "region" && !unknown(news.region) && text(news.region) === undefined) continue;
    const was = p === "database" || p === "region" ? recorded[p] : olds[p];
    if (differs(p, was)) inPlace.push(p);
  }

  const changed = [...replaces, ...inPlace];
  const asStored = (p: string) => (olds as Record<string, unknown>)[p] !== news[p];
  return {
    changes: changed.length === 0 ? false : changed.every(asStored) ? undefined : true,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && deletesFirst(key, share, news),
    inPlace,
  };
}

/**
 * Whether the new database cannot exist beside the old one: the same cluster or workgroup (or one
 * not known yet) and the same name, or the same datashare there.
 */
function deletesFirst(
  key: DatabaseKey,
  share: InboundShare | undefined,
  news: Record<string, unknown>,
): boolean {
  if (REPLACING.some((p) => unknown(news[p]))) return true;
  const next = identityOfInputs(news);
  const sameTarget =
    canonicalKey({ ...next, name: "", share: undefined, withPermissions: false }) ===
    canonicalKey({ target: key.target, name: "", share: undefined, withPermissions: false });
  if (!sameTarget) return false;
  return next.name === key.name || shareIdentity(next.share) === shareIdentity(share);
}
