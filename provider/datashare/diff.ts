/**
 * What a change of declared inputs means for a datashare (the provider's `diff`). Pure.
 *
 * `olds` are the stored outputs: the inputs, with `schemas` and `publicAccessible` as live at the
 * last create, update or refresh.
 *
 * - The key is the live datashare: where it lives (clusterIdentifier or workgroupName, region) and
 *   its name. A change of one is another datashare → replace (create first; the old one is dropped
 *   unless the program still claims it, ../core/claims.ts).
 * - schemas, publicAccessible: update in place (ALTER DATASHARE), never replace: the consumers keep
 *   their grants, associations and databases. Compared as contents (contents.ts): list order and a
 *   function's spacing are no change.
 * - database, dbUser, secretArn: how the statements reach the datashare, not which one it is →
 *   update in place, state only when nothing else changes.
 */
import type { DiffResult } from "../core/diff";
import { UNKNOWN } from "../core/types";
import { declaredContents, recordedContents } from "./contents";
import { alterStatements } from "./statements";
import type { DataShareOutputs, DeclaredSchema } from "./types";

const unknown = (v: unknown): boolean => v === UNKNOWN;
/** An unknown anywhere inside a value (a list of schemas can hold one in any field). */
const unknownInside = (v: unknown): boolean =>
  unknown(v) || (typeof v === "object" && v !== null && Object.values(v).some(unknownInside));
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

const KEY_PARTS = ["clusterIdentifier", "workgroupName", "name"] as const;
const ACCESS = ["database", "dbUser", "secretArn"] as const;

/** Whether the declared schemas would change what the live datashare holds. */
function schemasChange(
  name: string,
  olds: Partial<DataShareOutputs>,
  news: Record<string, unknown>,
): boolean {
  const live = recordedContents(olds.schemas, false);
  const declared = declaredContents(news.schemas as DeclaredSchema[] | undefined, false);
  return alterStatements(name, live, declared).length > 0;
}

export function diffDataShare(olds: Partial<DataShareOutputs>, news: Record<string, unknown>): DiffResult {
  const recorded = olds as Record<string, unknown>;
  const replaces: string[] = KEY_PARTS.filter((p) => unknown(news[p]) || text(news[p]) !== text(recorded[p]));
  const newRegion = text(news.region);
  if (unknown(news.region) || (newRegion !== undefined && newRegion !== text(olds.region)))
    replaces.push("region");

  const inPlace: string[] = [];
  if (unknownInside(news.schemas)) inPlace.push("schemas");
  else if (schemasChange(text(olds.name) ?? text(news.name) ?? "share", olds, news)) inPlace.push("schemas");
  if (
    unknown(news.publicAccessible) ||
    (news.publicAccessible === true) !== (olds.publicAccessible === true)
  ) {
    inPlace.push("publicAccessible");
  }
  for (const p of ACCESS) if (unknown(news[p]) || text(news[p]) !== text(recorded[p])) inPlace.push(p);

  const changes = replaces.length + inPlace.length > 0;
  return { changes, replaces, deleteBeforeReplace: false, inPlace: replaces.length > 0 ? [] : inPlace };
}
