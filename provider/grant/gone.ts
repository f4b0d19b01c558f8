/**
 * Why a read finds a grant gone, for the drift command (the reason) and for people (one sentence).
 * Pure. A REVOKE ends more than the grant: AWS documents that revoking usage from an account also
 * ends the consumer's access through its authorization and associations (the emulator models
 * this), so the sentence says what the producer's `up` does not bring back by itself.
 */
import type { GoneReason } from "../core/goneReport";
import { describeTarget } from "../core/sqlTarget";
import type { GrantMatch } from "./find";
import { describeGrantee, parseGrantee } from "./grantee";
import type { GrantId } from "./id";

export function explainGone(
  g: GrantId,
  miss: Extract<GrantMatch, { found: false }>,
): { reason: GoneReason; sentence: string } {
  const grantee = describeGrantee(g.consumerIdentifier);
  if (miss.reason === "datashare-gone") {
    return {
      reason: { kind: "datashare-gone" },
      sentence:
        `DataShareGrant: datashare ${g.dataShareName} no longer exists in ${describeTarget(g.target)}, so its ` +
        `grant to ${grantee} is gone and leaves the stack. Create the datashare again (its DataShare resource); ` +
        "then `pulumi up` grants usage again.",
    };
  }
  const authorization =
    parseGrantee(g.consumerIdentifier)?.kind === "namespace"
      ? ""
      : " The revoke also ended its authorization (AuthorizeDataShare) and the consumer's associations: " +
        "authorize it again after the grant, and the consumer associates it again.";
  return {
    reason: { kind: "revoked" },
    sentence:
      `DataShareGrant: usage of datashare ${g.dataShareName} by ${grantee} was revoked outside Pulumi ` +
      `(REVOKE USAGE ON DATASHARE), so the grant leaves the stack; \`pulumi up\` grants it again.${authorization}`,
  };
}
