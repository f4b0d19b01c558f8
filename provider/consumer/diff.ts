/**
 * What a change means. Pure. The association's identity is its canonical key (id.ts): only a change
 * of the key replaces. Everything else that can change leaves the association where it is on AWS,
 * so it is an update in place: the API region, the letter case of an ARN or region, allowWrites
 * (AssociateDataShareConsumer on an existing association sets ConsumerAcceptedWrites), and a
 * status other than ACTIVE (the update associates again, or fails before anything is deleted).
 */
import { dataShareIdentity } from "../core/identity";
import { inputsFromKey, keyFromInputs, parseId, sameAssociation } from "./id";
import type { DiffResult } from "../core/diff";
import { resolveRegion } from "../core/regions";
import { associationStatus } from "../core/statuses";
import { UNKNOWN } from "../core/types";
import { AssociationKey, DataShareConsumerInputs, DataShareConsumerOutputs } from "./types";
import { consumerSpec } from "./schema";

export type { DiffResult };

export interface DiffRequest {
  id: string;
  olds: Partial<DataShareConsumerOutputs>;
  news: Record<string, unknown>;
  /** The region the provider uses when `region` is unset (stack config or environment). */
  defaultRegion?: string;
}

const unknown = (v: unknown): boolean => v === UNKNOWN;
const text = (v: unknown): string | undefined => (typeof v === "string" && v !== "" ? v : undefined);
const lower = (v: unknown): string | undefined => text(v)?.toLowerCase();

function recordedKey(id: string, olds: Partial<DataShareConsumerOutputs>): AssociationKey {
  try {
    return parseId(id);
  } catch {
    return keyFromInputs({ ...olds, dataShareArn: olds.dataShareArn ?? "" });
  }
}

/** The region the resource's calls went to: recorded at create, else the ID's, else today's default. */
export function recordedRegion(
  key: AssociationKey,
  olds: Partial<DataShareConsumerOutputs>,
  defaultRegion: string | undefined,
): string | undefined {
  return resolveRegion([olds.region, key.apiRegion], undefined, () => defaultRegion);
}

/** The consumer-side writes the association has now: refresh records drift there. */
export function liveWrites(olds: Partial<DataShareConsumerOutputs>): boolean {
  return typeof olds.consumerAcceptedWrites === "boolean"
    ? olds.consumerAcceptedWrites
    : olds.allowWrites === true;
}

/** An update must call AssociateDataShareConsumer: the status or the accepted writes are not as declared. */
export function needsAssociate(
  olds: Partial<DataShareConsumerOutputs>,
  declared: DataShareConsumerInputs,
): boolean {
  const statusDrifted = typeof olds.status === "string" && !associationStatus(olds.status).live;
  return statusDrifted || (declared.allowWrites === true) !== liveWrites(olds);
}

export function diffAssociation({ id, olds, news, defaultRegion }: DiffRequest): DiffResult {
  const key = recordedKey(id, olds);
  const recorded = inputsFromKey(key);
  const replaces: string[] = [];
  const inPlace: string[] = [];
  /** A key property: unknown or a different canonical value replaces; another spelling is in place. */
  const keyPart = (property: string, same: boolean, spelledAlike: boolean) => {
    if (unknown(news[property]) || !same) replaces.push(property);
    else if (!spelledAlike) inPlace.push(property);
  };

  keyPart(
    "dataShareArn",
    typeof news.dataShareArn === "string" &&
      dataShareIdentity(news.dataShareArn) === dataShareIdentity(key.dataShareArn),
    // Spelling is compared with the stored inputs: the ID keeps the first create's spelling.
    news.dataShareArn === (text(olds.dataShareArn) ?? key.dataShareArn),
  );
  keyPart(
    "associateEntireAccount",
    (news.associateEntireAccount === true) === (recorded.associateEntireAccount === true),
    true,
  );
  keyPart(
    "consumerArn",
    lower(news.consumerArn) === lower(recorded.consumerArn),
    text(news.consumerArn) === (text(olds.consumerArn) ?? recorded.consumerArn),
  );
  keyPart(
    "consumerRegion",
    lower(news.consumerRegion) === lower(recorded.consumerRegion),
    text(news.consumerRegion) === recorded.consumerRegion,
  );
  if (
    unknown(news.region) ||
    recordedRegion(key, olds, defaultRegion) !== (text(news.region) ?? defaultRegion)
  )
    inPlace.push("region");
  if (unknown(news.allowWrites) || (news.allowWrites === true) !== liveWrites(olds))
    inPlace.push("allowWrites");
  // DEAUTHORIZED, REJECTED and the like: the update associates again (and says who must act first).
  if (typeof olds.status === "string" && !associationStatus(olds.status).live) inPlace.push("status");

  const changed = [...replaces, ...inPlace];
  const changes =
    changed.length === 0 ? false : engineCanNameChanges(changed, key, olds, news) ? undefined : true;
  return {
    changes,
    replaces,
    deleteBeforeReplace: maySupersede(key, news),
    inPlace,
  };
}

/**
 * A dynamic provider cannot list changed properties, so engine events and `preview --diff` would
 * not say what changed. When the result is "unknown", the engine diffs old and new inputs itself,
 * names the changed ones and keeps our `replaces`; but it plans nothing if the inputs are equal.
 * So answer "unknown" only when every changed property also differs as an input; drift seen only
 * in live outputs (status, writes without a refresh, a new default region) must answer `true`.
 */
function engineCanNameChanges(
  changed: string[],
  key: AssociationKey,
  olds: Partial<DataShareConsumerOutputs>,
  news: Record<string, unknown>,
): boolean {
  // Stored outputs repeat the inputs, except consumerRegion, which holds the live value.
  const recorded: Record<string, unknown> = { ...olds, consumerRegion: inputsFromKey(key).consumerRegion };
  // An unset region means today's default, which the stored inputs may not show.
  const liveOnly = (p: string) => p === "status" || (p === "region" && text(news.region) === undefined);
  return changed.every((p) => !liveOnly(p) && recorded[p] !== news[p]);
}

/**
 * Every replacement creates first (provider/README.md, "Replacement order"), except where AWS
 * itself would undo it: an entire-account association and a namespace/region one of the same
 * datashare replace each other on AWS, so the delete after the create would remove what the create
 * just made. A key part still unknown (preview) may turn out to be such a pair. A replacement that
 * keeps the key creates first too: the create adopts, the delete leaves it alone (claimed).
 */
function maySupersede(key: AssociationKey, news: Record<string, unknown>): boolean {
  if (consumerSpec.keyParts.some((p) => unknown(news[p]))) return true;
  if (typeof news.dataShareArn !== "string") return false;
  const next = keyFromInputs(news as unknown as DataShareConsumerInputs);
  if (sameAssociation(key, next)) return false;
  if (dataShareIdentity(next.dataShareArn) !== dataShareIdentity(key.dataShareArn)) return false;
  return (next.target.kind === "account") !== (key.target.kind === "account");
}
