/**
 * What a change of declared inputs means for the association (the provider's `diff`). Pure.
 *
 * `olds` are the stored outputs: the inputs recorded at create or at the last refresh, plus the live
 * status and write setting. Every difference replaces, because AWS has no "update association":
 * re-association is disassociate + associate.
 */
import { sameNamespaceArn } from "./arn";
import { keyFromInputs, inputsFromKey, parseId } from "./id";
import { AssociationKey, DataShareConsumerOutputs, UNKNOWN } from "./types";

export interface DiffResult {
  /**
   * true: replace. false: nothing to do. undefined: replace, and let the engine name the changed
   * inputs itself (see `engineCanNameChanges`).
   */
  changes: boolean | undefined;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

export interface DiffRequest {
  id: string;
  olds: Partial<DataShareConsumerOutputs>;
  news: Record<string, unknown>;
  /** The region the provider uses when `region` is unset (stack config or environment). */
  defaultRegion?: string;
}

const unknown = (v: unknown): boolean => v === UNKNOWN;
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);

function recordedKey(id: string, olds: Partial<DataShareConsumerOutputs>): AssociationKey {
  try {
    return parseId(id);
  } catch {
    return keyFromInputs({ ...olds, dataShareArn: olds.dataShareArn ?? "" });
  }
}

export function diffAssociation({ id, olds, news, defaultRegion }: DiffRequest): DiffResult {
  const key = recordedKey(id, olds);
  const recorded = inputsFromKey(key);
  const replaces: string[] = [];
  const differs = (property: string, changed: boolean) => {
    if (unknown(news[property]) || changed) replaces.push(property);
  };

  differs("dataShareArn", news.dataShareArn !== key.dataShareArn);
  differs(
    "associateEntireAccount",
    (news.associateEntireAccount === true) !== (recorded.associateEntireAccount === true),
  );
  const newArn = text(news.consumerArn);
  differs(
    "consumerArn",
    newArn === undefined || recorded.consumerArn === undefined
      ? newArn !== recorded.consumerArn
      : !sameNamespaceArn(newArn, recorded.consumerArn),
  );
  differs(
    "consumerRegion",
    text(news.consumerRegion)?.toLowerCase() !== recorded.consumerRegion?.toLowerCase(),
  );
  const oldRegion = text(olds.region) ?? key.apiRegion ?? defaultRegion;
  const newRegion = text(news.region) ?? defaultRegion;
  differs("region", oldRegion !== newRegion);
  // The live consumer-side setting counts, not what was once declared: refresh records drift there.
  const liveWrites =
    typeof olds.consumerAcceptedWrites === "boolean"
      ? olds.consumerAcceptedWrites
      : olds.allowWrites === true;
  differs("allowWrites", (news.allowWrites === true) !== liveWrites);
  // DEAUTHORIZED, REJECTED and the like: the association no longer works, so plan to associate again.
  if (typeof olds.status === "string" && olds.status !== "ACTIVE") replaces.push("status");

  const keyReplaced = replaces.some((p) => p !== "allowWrites" && p !== "status");
  const changes =
    replaces.length === 0 ? false : engineCanNameChanges(replaces, key, olds, news) ? undefined : true;
  return {
    changes,
    replaces,
    deleteBeforeReplace: replaces.length > 0 && (!keyReplaced || kindsConflict(key, news)),
  };
}

/**
 * A dynamic provider cannot list changed properties, so engine events and `preview --diff` would
 * not say what changed. When the result is "unknown", the engine diffs old and new inputs itself,
 * names the changed ones and keeps our `replaces`; but it plans nothing if the inputs are equal.
 * So answer "unknown" only when every replacing property also differs as an input; drift seen only
 * in live outputs (status, writes without a refresh) must answer `true`.
 */
function engineCanNameChanges(
  replaces: string[],
  key: AssociationKey,
  olds: Partial<DataShareConsumerOutputs>,
  news: Record<string, unknown>,
): boolean {
  // Stored outputs repeat the inputs, except consumerRegion, which holds the live value.
  const recorded: Record<string, unknown> = { ...olds, consumerRegion: inputsFromKey(key).consumerRegion };
  return replaces.every((p) => p !== "status" && recorded[p] !== news[p]);
}

/**
 * Entire-account and namespace/region associations of one datashare replace each other on AWS, so
 * creating the new one first gains nothing and the later delete could remove it: delete first.
 */
function kindsConflict(key: AssociationKey, news: Record<string, unknown>): boolean {
  if (news.dataShareArn !== key.dataShareArn) return false;
  const newIsAccount = news.associateEntireAccount === true;
  return newIsAccount !== (key.target.kind === "account");
}
