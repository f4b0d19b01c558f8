/**
 * What each status in a DescribeDataShares entry means, in one place: for an association (the
 * consumer's view) and for an authorization (the producer's view). find, absence, diff and the
 * drift command's two finders ask here instead of keeping their own lists.
 *
 * The consumer's entries: ACTIVE is an association that works; AVAILABLE and AUTHORIZED are a share
 * the consumer may associate but has not; PENDING_AUTHORIZATION waits for the producer; DEAUTHORIZED
 * and REJECTED are what is left of an association the producer withdrew or the consumer declined.
 * The producer's entries: AUTHORIZED, or ACTIVE once the consumer associated; DEAUTHORIZED and
 * PENDING_AUTHORIZATION mean no authorization; REJECTED, the consumer declined it.
 */

/** What a status means for the consumer's association. */
export interface AssociationStatus {
  /** The association works as declared. */
  live: boolean;
  /** The entry is an association (else an offer or a grant not taken). */
  associated: boolean;
  /** The consumer can associate the datashare by itself; otherwise the producer must act first. */
  consumerCanAssociate: boolean;
}

const ASSOCIATION: Record<string, AssociationStatus> = {
  ACTIVE: { live: true, associated: true, consumerCanAssociate: true },
  AVAILABLE: { live: false, associated: false, consumerCanAssociate: true },
  AUTHORIZED: { live: false, associated: false, consumerCanAssociate: true },
  PENDING_AUTHORIZATION: { live: false, associated: false, consumerCanAssociate: false },
  DEAUTHORIZED: { live: false, associated: true, consumerCanAssociate: false },
  REJECTED: { live: false, associated: true, consumerCanAssociate: false },
};

/**
 * Not an AWS status: what read records for an association whose datashare is still visible but
 * lists no entry at all for the account (consumer/find.ts, lostAuthorization), as AWS may show a
 * deauthorization or a rejection. Like DEAUTHORIZED: the producer must authorize again.
 */
export const NO_ENTRY_STATUS = "NOT_AUTHORIZED";

/**
 * An entry without a status counts as an association (AWS does not promise the member); a status
 * this table does not know is one the consumer cannot change, so the producer must act.
 */
export function associationStatus(status: string | undefined): AssociationStatus {
  if (status === undefined) return { live: false, associated: true, consumerCanAssociate: false };
  return ASSOCIATION[status] ?? { live: false, associated: true, consumerCanAssociate: false };
}

/** The status an association has when it is as declared. */
export const LIVE_ASSOCIATION_STATUS = "ACTIVE";

/**
 * What a status means for the producer's authorization: `live` (in order), `gone` (no
 * authorization: read reports the resource gone), `drifted` (the producer's `up` authorizes again),
 * or `other` (a status this provider does not know: kept and reported as is).
 */
export type AuthorizationState = "live" | "gone" | "drifted" | "other";

const AUTHORIZATION: Record<string, AuthorizationState> = {
  AUTHORIZED: "live",
  ACTIVE: "live",
  DEAUTHORIZED: "gone",
  PENDING_AUTHORIZATION: "gone",
  REJECTED: "drifted",
};

export function authorizationState(status: string | undefined): AuthorizationState {
  return status === undefined ? "other" : (AUTHORIZATION[status] ?? "other");
}

/** The status a declared authorization reads as when it is in order (before any consumer associates). */
export const LIVE_AUTHORIZATION_STATUS = "AUTHORIZED";
