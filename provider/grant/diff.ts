/**
 * What a change of declared inputs means for a grant (the provider's `diff`). Pure.
 *
 * - The canonical key (id.ts: the target cluster or workgroup, the datashare, the grantee) changed
 *   or is still unknown: another grant → replace, create first (provider/README.md, "Replacement
 *   order"); a declared `region` that names another region names another cluster or workgroup, so it
 *   replaces too.
 * - Anything else (`database`, `dbUser`, `secretArn`, a `region` set where none was recorded, letter
 *   case that the key folds): the same grant reached another way → update in place, which rewrites
 *   state only. An undeclared `region` is no change: the calls keep going to the recorded one.
 */
import { parseDataShareArn } from "../core/arn";
import type { DiffResult } from "../core/diff";
import { inputNames } from "../core/schema";
import { UNKNOWN } from "../core/types";
import { canonicalKey, parseId, type GrantId } from "./id";
import { grantSpec } from "./schema";
import type { DataShareGrantOutputs } from "./types";

export interface GrantDiffRequest {
  id: string;
  olds: Partial<DataShareGrantOutputs>;
  news: Record<string, unknown>;
}

const unknown = (v: unknown): boolean => v === UNKNOWN;
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

/** The region in a stored datashare ARN: where the producer's cluster or workgroup is. */
export function arnRegion(arn: unknown): string | undefined {
  const parsed = typeof arn === "string" ? parseDataShareArn(arn) : undefined;
  return parsed?.ok ? parsed.value.region : undefined;
}

/** The grant the resource holds: its ID, else (an ID this version cannot read) the stored inputs. */
function recordedGrant(id: string, olds: Record<string, unknown>): GrantId {
  try {
    return parseId(id);
  } catch {
    return grantOf(olds);
  }
}

function grantOf(bag: Record<string, unknown>): GrantId {
  const target: GrantId["target"] = { database: text(bag.database) ?? "" };
  if (text(bag.clusterIdentifier)) target.clusterIdentifier = text(bag.clusterIdentifier);
  if (text(bag.workgroupName)) target.workgroupName = text(bag.workgroupName);
  return {
    target,
    dataShareName: text(bag.dataShareName) ?? "",
    consumerIdentifier: text(bag.consumerIdentifier) ?? "",
  };
}

/** Which key part a change of keys is about, for the engine's list of replacing properties. */
function changedKeyParts(before: GrantId, after: GrantId): string[] {
  const only = (g: GrantId, part: "target" | "dataShareName" | "consumerIdentifier"): GrantId => ({
    target: part === "target" ? g.target : before.target,
    dataShareName: part === "dataShareName" ? g.dataShareName : before.dataShareName,
    consumerIdentifier: part === "consumerIdentifier" ? g.consumerIdentifier : before.consumerIdentifier,
  });
  const parts: string[] = [];
  if (canonicalKey(only(after, "target")) !== canonicalKey(before)) {
    parts.push(after.target.clusterIdentifier !== undefined ? "clusterIdentifier" : "workgroupName");
  }
  if (canonicalKey(only(after, "dataShareName")) !== canonicalKey(before)) parts.push("dataShareName");
  if (canonicalKey(only(after, "consumerIdentifier")) !== canonicalKey(before))
    parts.push("consumerIdentifier");
  return parts;
}

export function diffGrant({ id, olds, news }: GrantDiffRequest): DiffResult {
  const stored = olds as Record<string, unknown>;
  const before = recordedGrant(id, stored);
  const replaces = new Set<string>();
  for (const part of grantSpec.keyParts) if (unknown(news[part])) replaces.add(part);
  if (replaces.size === 0) for (const part of changedKeyParts(before, grantOf(news))) replaces.add(part);

  // The region in use: recorded (the output, since this version always), else the ID's, else the one
  // the stored datashare ARN names (where the statements ran when the provider's region was used).
  const oldRegion = text(stored.region) ?? before.target.region ?? arnRegion(stored.dataShareArn);
  const newRegion = text(news.region);
  if (
    unknown(news.region) ||
    (newRegion !== undefined && oldRegion !== undefined && newRegion !== oldRegion)
  ) {
    replaces.add("region");
  }

  // An undeclared region is the stored one: the calls keep going where the grant was made.
  const asDeclared = (p: string) => p !== "region" || newRegion !== undefined;
  const updates = INPUTS.filter(
    (p) => !replaces.has(p) && !unknown(news[p]) && asDeclared(p) && differs(stored[p], news[p]),
  );
  for (const p of INPUTS) if (!replaces.has(p) && unknown(news[p])) updates.push(p);
  const changed = [...replaces, ...updates];
  if (changed.length === 0) return { changes: false, replaces: [], deleteBeforeReplace: false, inPlace: [] };
  // "Unknown" lets the engine name the changed inputs itself (../core/diff.ts), which it can only
  // when each of them differs from the stored one.
  const engineCanName = changed.every((p) => stored[p] !== news[p]);
  return {
    changes: engineCanName ? undefined : true,
    replaces: [...replaces],
    deleteBeforeReplace: false,
    inPlace: updates,
  };
}

const INPUTS: string[] = inputNames(grantSpec);

/** Unset and empty mean the same: nothing declared. */
function differs(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined || v === null || v === "" ? undefined : v);
  return norm(a) !== norm(b);
}
