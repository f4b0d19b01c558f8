/**
 * A datashare's identity inside the provider: the one function both resources, the describe
 * sharing and the drift command compare datashare ARNs by (../../identity/dataShare.ts, shared with
 * the emulator), and picking a datashare's entries out of a DescribeDataShares answer by it.
 */
import { dataShareIdentity, sameDataShare } from "../../identity/dataShare";
import { arnParts } from "./arn";
import type { LiveAssociation, LiveDataShare } from "./types";

export { dataShareIdentity, sameDataShare };

/**
 * The datashare's entries, merged if it came back on several pages. The result may be the entry
 * given (one page, the usual case): like every DescribeDataShares result, treat it as read-only.
 */
export function pickDataShare(dataShares: LiveDataShare[], dataShareArn: string): LiveDataShare | undefined {
  let first: LiveDataShare | undefined;
  let merged: LiveAssociation[] | undefined;
  for (const d of dataShares) {
    if (!sameDataShare(d.dataShareArn, dataShareArn)) continue;
    if (first === undefined) first = d;
    else (merged ??= [...first.associations]).push(...d.associations);
  }
  if (first === undefined || merged === undefined) return first;
  return { ...first, associations: merged };
}

/** The producer account in a datashare ARN, when there is one. */
export function producerAccountOf(dataShareArn: string): string | undefined {
  return arnParts(dataShareArn)?.account || undefined;
}
