/**
 * Why read found no association: from the DescribeDataShares answer read already has, tell a
 * deleted datashare from a hand-made disassociation, a replacing association or a lost
 * authorization. Pure, over plain objects.
 */
import type { GoneReason } from "../core/goneReport";
import { pickDataShare, producerAccountOf } from "../core/identity";
import { associationStatus } from "../core/statuses";
import type { LiveDataShare } from "../core/types";
import type { MatchResult } from "./find";
import { isActive } from "./find";
import { describeTarget } from "./id";
import { AssociationKey } from "./types";

export interface ExplainedGone {
  reason: GoneReason;
  /** One sentence for people, naming the association. */
  sentence: string;
}

/** What the stored state last recorded of the association (its outputs). */
export interface RecordedAssociation {
  producerAllowedWrites?: boolean;
}

/**
 * `shares` undefined: DescribeDataShares did not know the ARN. `match` is what matchAssociation
 * answered for the same shares (not found). `recorded`: the state's last outputs, which tell a
 * producer's new authorization (its writes changed) from a disassociation.
 */
export function explainGone(
  key: AssociationKey,
  shares: LiveDataShare[] | undefined,
  match: Exclude<MatchResult, { found: true }>,
  callerAccount: string,
  recorded: RecordedAssociation = {},
): ExplainedGone {
  const what = `the association of ${key.dataShareArn} with ${describeTarget(key.target)}`;
  const share = shares && pickDataShare(shares, key.dataShareArn);
  if (!share || match.reason === "datashare-gone") {
    return {
      reason: { kind: "datashare-gone" },
      sentence: `${what} is gone: the datashare no longer exists.`,
    };
  }
  if (match.reason === "superseded") {
    // Only ACTIVE associations supersede (find.ts); a DEAUTHORIZED placeholder is not one of them.
    const others = share.associations.filter(isActive);
    const by =
      key.target.kind === "account"
        ? `namespace/region associations (${others.map((a) => a.consumerIdentifier ?? a.consumerRegion).join(", ")})`
        : `an entire-account association of ${callerAccount}`;
    return { reason: { kind: "superseded", by }, sentence: match.message };
  }
  const statuses = share.associations.map((a) => a.status).filter((s): s is string => s !== undefined);
  const offer = share.associations.find((a) => associationStatus(a.status).consumerCanAssociate);
  if (offer) {
    const again =
      "the datashare is still offered to this account, so the next `pulumi up` associates it again.";
    const before = recorded.producerAllowedWrites;
    const now = offer.producerAllowedWrites;
    // AWS ends the consumer's associations when the producer deauthorizes; a new authorization
    // with other writes is the one trace of that which the consumer's account can see.
    if (before !== undefined && now !== undefined && before !== now) {
      return {
        reason: { kind: "reauthorized", producerAllowedWrites: now },
        sentence:
          `${what} is gone: ${producerOf(key)} authorized the datashare again ${writesWords(now)} ` +
          `(it was ${writesWords(before)}), which ended the association; ${again}`,
      };
    }
    return {
      reason: { kind: "disassociated" },
      sentence:
        `${what} is gone: it was disassociated outside Pulumi, by this account or by ${producerOf(key)} ` +
        `deauthorizing the datashare and authorizing it again; ${again}`,
    };
  }
  const status = statuses[0];
  return {
    reason: status === undefined ? { kind: "not-authorized" } : { kind: "not-authorized", status },
    sentence:
      `${what} is gone, and the datashare is no longer authorized for this account` +
      `${status === undefined ? "" : ` (status ${status})`}: the producer must authorize it again.`,
  };
}

function producerOf(key: AssociationKey): string {
  const account = producerAccountOf(key.dataShareArn);
  return account ? `the producer (account ${account})` : "the producer";
}

function writesWords(allowed: boolean): string {
  return allowed ? "with writes allowed" : "read-only";
}
