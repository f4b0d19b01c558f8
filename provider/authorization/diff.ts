/**
 * What a change of declared inputs means for an authorization (the provider's `diff`). Pure.
 *
 * `olds` are the stored outputs: the inputs recorded at create or at the last refresh, the region
 * the calls go to, and the live status and ProducerAllowedWrites.
 *
 * - dataShareArn, consumerIdentifier: another authorization → replace. The datashare ARN compares
 *   as AWS compares it (namespace GUID in any case), so a respelling is no change.
 * - region: replace when a declared region differs from the one in use; an unset region keeps the
 *   one in use (the authorization lives where its datashare lives, not where the default points).
 * - allowWrites: update in place. AuthorizeDataShare on an authorized consumer sets
 *   ProducerAllowedWrites again (emulator/model/authorizations.ts; the console's Authorize dialog
 *   asks for read-only or read-write), and keeps the consumer's associations,
 *   where deauthorize + authorize would cut the consumer off in between.
 * - status REJECTED: update in place (authorize again); see find.ts for the message.
 *
 * Every replacement creates first (provider/README.md, "Replacement order"): one that keeps the
 * authorization (region, say) authorizes the same consumer again (adopted), and the delete after it
 * leaves the live authorization alone because the program still declares it (core/claims.ts).
 */
import type { DiffResult } from "../core/diff";
import { UNKNOWN } from "../core/types";
import { isDrifted } from "./find";
import { keyFromInputs, parseId, sameKey } from "./id";
import { AuthorizationKey, DataShareAuthorizationOutputs } from "./types";

export interface AuthorizationDiffRequest {
  id: string;
  olds: Partial<DataShareAuthorizationOutputs>;
  news: Record<string, unknown>;
}

const unknown = (v: unknown): boolean => v === UNKNOWN;
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function recordedKey(id: string, olds: Partial<DataShareAuthorizationOutputs>): AuthorizationKey {
  try {
    return parseId(id);
  } catch {
    return { dataShareArn: olds.dataShareArn ?? "", consumerIdentifier: olds.consumerIdentifier ?? "" };
  }
}

export function diffAuthorization({ id, olds, news }: AuthorizationDiffRequest): DiffResult {
  const key = recordedKey(id, olds);
  const replaces: string[] = [];
  const updates: string[] = [];
  const newKey = keyFromInputs({
    dataShareArn: text(news.dataShareArn) ?? "",
    consumerIdentifier: text(news.consumerIdentifier) ?? "",
  });

  if (unknown(news.dataShareArn) || !sameKey({ ...key, dataShareArn: newKey.dataShareArn }, key)) {
    replaces.push("dataShareArn");
  }
  if (unknown(news.consumerIdentifier) || newKey.consumerIdentifier !== key.consumerIdentifier) {
    replaces.push("consumerIdentifier");
  }
  const newRegion = text(news.region);
  const oldRegion = text(olds.region);
  if (
    unknown(news.region) ||
    (newRegion !== undefined && oldRegion !== undefined && newRegion !== oldRegion)
  ) {
    replaces.push("region");
  }
  // The live producer-side setting counts, not what was once declared: refresh records drift there.
  const liveWrites =
    typeof olds.producerAllowedWrites === "boolean" ? olds.producerAllowedWrites : olds.allowWrites === true;
  if (unknown(news.allowWrites) || (news.allowWrites === true) !== liveWrites) updates.push("allowWrites");
  if (isDrifted(olds.status)) updates.push("status");

  const changed = [...replaces, ...updates];
  if (changed.length === 0) return { changes: false, replaces: [], deleteBeforeReplace: false, inPlace: [] };
  return {
    changes: engineCanNameChanges(changed, olds, news) ? undefined : true,
    replaces,
    deleteBeforeReplace: false,
    inPlace: updates,
  };
}

/**
 * As for DataShareConsumer (see DiffResult.changes in ../core/diff.ts): answering "unknown" lets the engine name the changed
 * inputs itself, but it then plans nothing when the inputs are equal. So answer "unknown" only
 * when every change is also a difference of inputs; live-only drift (status, writes changed out of
 * band without a refresh) answers `true`.
 */
function engineCanNameChanges(
  changed: string[],
  olds: Partial<DataShareAuthorizationOutputs>,
  news: Record<string, unknown>,
): boolean {
  const recorded = olds as Record<string, unknown>;
  return changed.every((p) => p !== "status" && recorded[p] !== news[p]);
}
