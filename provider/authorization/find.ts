/**
 * Finding one authorization in a DescribeDataShares result, as the producer sees it. Pure, over
 * plain objects. The producer's view has one entry per consumer; the entry's status is the
 * authorization's state: AUTHORIZED, ACTIVE (the consumer associated the share), REJECTED (the
 * consumer declined it), DEAUTHORIZED or PENDING_AUTHORIZATION (usage granted, not authorized).
 */
import { pickDataShare } from "../core/identity";
import { authorizationPreference, authorizationState } from "../core/statuses";
import type { LiveAssociation, LiveDataShare } from "../core/types";
import type { GoneReason } from "../core/goneReport";
import { describeConsumer } from "./id";
import { AuthorizationKey } from "./types";

export type AuthorizationMatch =
  | { found: true; dataShare: LiveDataShare; entry: LiveAssociation }
  | { found: false; reason: "datashare-gone" | "not-authorized"; status?: string };

/** An entry of this consumer: same identifier, and not a region-level consumer entry. */
function isEntryOf(a: LiveAssociation, consumerIdentifier: string): boolean {
  return a.consumerIdentifier === consumerIdentifier && !a.consumerRegion;
}

/** Several entries (AWS does not promise one per consumer): ACTIVE, then AUTHORIZED, then the newest. */
function best(entries: LiveAssociation[]): LiveAssociation {
  if (entries.length === 1) return entries[0];
  const rank = (a: LiveAssociation) => authorizationPreference(a.status);
  const time = (a: LiveAssociation) => Date.parse(a.statusChangeDate ?? "") || 0;
  return [...entries].sort((x, y) => rank(y) - rank(x) || time(y) - time(x))[0];
}

export type AuthorizationMiss = Extract<AuthorizationMatch, { found: false }>;

/** The datashare itself is not there (or this account can no longer see it). */
export const DATASHARE_GONE: AuthorizationMiss = { found: false, reason: "datashare-gone" };

/** Why a read finds the authorization gone: the reason for the drift command and a sentence for people. */
export function explainGone(
  key: AuthorizationKey,
  miss: AuthorizationMiss,
): { reason: GoneReason; sentence: string } {
  const consumer = describeConsumer(key.consumerIdentifier);
  if (miss.reason === "datashare-gone") {
    return {
      reason: { kind: "datashare-gone" },
      sentence:
        `DataShareAuthorization: datashare ${key.dataShareArn} no longer exists, so its authorization for ` +
        `${consumer} is gone and leaves the stack. Create the datashare again; then \`pulumi up\` authorizes it.`,
    };
  }
  const status = miss.status ? ` (status ${miss.status})` : "";
  return {
    reason: miss.status ? { kind: "not-authorized", status: miss.status } : { kind: "not-authorized" },
    sentence:
      `DataShareAuthorization: ${consumer} is no longer authorized for datashare ${key.dataShareArn}${status}: ` +
      "the authorization was removed outside Pulumi and leaves the stack; `pulumi up` authorizes it again.",
  };
}

export function findAuthorization(dataShares: LiveDataShare[], key: AuthorizationKey): AuthorizationMatch {
  const dataShare = pickDataShare(dataShares, key.dataShareArn);
  if (!dataShare) return { found: false, reason: "datashare-gone" };
  const entries = dataShare.associations.filter((a) => isEntryOf(a, key.consumerIdentifier));
  const present = entries.filter((a) => authorizationState(a.status) !== "gone");
  if (present.length > 0) return { found: true, dataShare, entry: best(present) };
  const status = entries.length > 0 ? best(entries).status : undefined;
  return status === undefined
    ? { found: false, reason: "not-authorized" }
    : { found: false, reason: "not-authorized", status };
}

/** The authorization exists, but not in a state the producer's declaration can be satisfied by. */
export function isDrifted(status: string | undefined): boolean {
  return authorizationState(status) === "drifted";
}

/** A plain sentence for a drifted status, or undefined when the status is fine. */
export function driftMessage(key: AuthorizationKey, entry: LiveAssociation): string | undefined {
  if (!isDrifted(entry.status)) return undefined;
  const since = entry.statusChangeDate ? ` since ${entry.statusChangeDate}` : "";
  return (
    `${describeConsumer(key.consumerIdentifier)} rejected datashare ${key.dataShareArn}${since} ` +
    `(status ${entry.status}): the authorization no longer gives it access. The next update authorizes it again ` +
    `(AuthorizeDataShare), which the consumer may reject again; remove this resource if the consumer ` +
    `does not want the datashare.`
  );
}
