/**
 * Why read found no association: from the DescribeDataShares answer read already has, tell a
 * deleted datashare from a hand-made disassociation, a replacing association or a lost
 * authorization. Pure, over plain objects.
 */
import type { GoneReason } from "../core/goneReport";
import { pickDataShare } from "../core/identity";
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

/**
 * `shares` undefined: DescribeDataShares did not know the ARN. `match` is what matchAssociation
 * answered for the same shares (not found).
 */
export function explainGone(
  key: AssociationKey,
  shares: LiveDataShare[] | undefined,
  match: Exclude<MatchResult, { found: true }>,
  callerAccount: string,
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
  if (statuses.some((s) => associationStatus(s).consumerCanAssociate)) {
    return {
      reason: { kind: "disassociated" },
      sentence: `${what} is gone: it was disassociated outside Pulumi, and the datashare is still offered to this account.`,
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
