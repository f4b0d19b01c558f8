/**
 * Before a replacement that moves the association to a new key: can the new one be made? The SDK
 * classes delete first, so a create that then fails would leave the stack without the old
 * association. diff asks AWS, read-only, what it can know in advance, and fails the preview (or
 * the `up`, before any change) with the property to fix. What it cannot see (IAM permissions, a
 * namespace of another account, a race with the producer) still fails only at create.
 */
import { pickDataShare } from "../core/identity";
import { associationStatus } from "../core/statuses";
import type { LiveDataShare } from "../core/types";
import { describeTarget } from "./id";
import { AssociationKey } from "./types";

/** What DescribeDataShares of the new datashare answered, as the caller. */
export type NewShareLookup =
  | { missing: true }
  | { missing: false; dataShares: LiveDataShare[]; callerAccount: string }
  /** The look-up itself failed (network, throttling): nothing is concluded from it. */
  | { unknown: true };

/** Why the new association cannot be made, naming the property; undefined when nothing says so. */
export function replacementBlocker(
  key: AssociationKey,
  allowWrites: boolean,
  lookup: NewShareLookup,
): string | undefined {
  if ("unknown" in lookup) return undefined;
  const what = `the replacement association of ${key.dataShareArn} with ${describeTarget(key.target)}`;
  const notVisible =
    `dataShareArn: ${what} cannot be made: the datashare does not exist or is not shared with ` +
    "this account, and nothing was changed. Check dataShareArn, or ask the producer to grant and authorize it first.";
  if (lookup.missing) return notVisible;
  const share = pickDataShare(lookup.dataShares, key.dataShareArn);
  if (!share) return notVisible;
  const mine = share.associations.filter(
    (a) =>
      a.consumerIdentifier === lookup.callerAccount || a.consumerIdentifier?.includes(lookup.callerAccount),
  );
  const entries = mine.length > 0 ? mine : share.associations;
  if (entries.length > 0 && !entries.some((a) => associationStatus(a.status).consumerCanAssociate)) {
    const statuses = [...new Set(entries.map((a) => a.status ?? "unknown"))].join(", ");
    return (
      `dataShareArn: ${what} cannot be made: the datashare is ${statuses} for account ${lookup.callerAccount}, ` +
      "so the producer must authorize it for this account first (AuthorizeDataShare). Nothing was changed."
    );
  }
  if (allowWrites && entries.length > 0 && entries.every((a) => a.producerAllowedWrites === false)) {
    return (
      `allowWrites: ${what} cannot accept writes: the producer authorized the datashare read-only for ` +
      `account ${lookup.callerAccount}. Leave allowWrites unset, or ask the producer to allow writes. Nothing was changed.`
    );
  }
  return undefined;
}
