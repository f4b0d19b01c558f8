/**
 * The status words of a DescribeDataShares entry and what each means, in one place: for an
 * association (the consumer's view) and for an authorization (the producer's view). The
 * providers, the drift command and the docs' status tables (scripts/generate/statusTables.ts) ask here;
 * no other module in provider/ or cli/ spells a status (test/provider/statusVocabulary.test.ts).
 */

/** The statuses AWS reports, as it spells them. */
export const STATUS = {
  ACTIVE: "ACTIVE",
  AVAILABLE: "AVAILABLE",
  AUTHORIZED: "AUTHORIZED",
  PENDING_AUTHORIZATION: "PENDING_AUTHORIZATION",
  DEAUTHORIZED: "DEAUTHORIZED",
  REJECTED: "REJECTED",
} as const;

/**
 * Not an AWS status: what read records for an association whose datashare is still visible but
 * lists no entry at all for the account (consumer/find.ts, lostAuthorization), as AWS may show a
 * deauthorization or a rejection. Like DEAUTHORIZED: the producer must authorize again.
 */
export const NO_ENTRY_STATUS = "NOT_AUTHORIZED";

/** Every status word this module owns. */
export const STATUS_WORDS: readonly string[] = [...Object.values(STATUS), NO_ENTRY_STATUS];

/** Who heals a drift: `pulumi-up` in the stack checked (`pulumi up --refresh`), or `producer` first. */
export type Remedy = "pulumi-up" | "producer";

/** What a status means for the consumer's association. */
export interface AssociationStatus {
  /** The association works as declared. */
  live: boolean;
  /** The entry is an association (else an offer or a grant not taken). */
  associated: boolean;
  /** The consumer can associate the datashare by itself; otherwise the producer must act first. */
  consumerCanAssociate: boolean;
  /** The producer withdrew it or the consumer declined it: only a new AuthorizeDataShare helps. */
  withdrawn: boolean;
}

/** A status's meaning with the words the drift command and the docs use for it. */
export interface AssociationStatusEntry extends AssociationStatus {
  /** How an association comes to show it. */
  cause: string;
  /** Why the remedy falls to whom it does. */
  why: string;
  /** The drift command's detail; absent: the words for a status the consumer cannot change. */
  drift?: string;
}

const OFFERED = {
  live: false,
  associated: false,
  consumerCanAssociate: true,
  withdrawn: false,
  cause: "the producer authorized the datashare; it is offered, not associated",
  why: "offered but not associated",
  drift: "the datashare is authorized but no longer associated; `pulumi up --refresh` associates it again",
};

/** The consumer's statuses, in the order the docs list them. */
export const ASSOCIATION_STATUSES: Readonly<Record<string, AssociationStatusEntry>> = {
  [STATUS.ACTIVE]: {
    live: true,
    associated: true,
    consumerCanAssociate: true,
    withdrawn: false,
    cause: "the association works",
    why: "",
  },
  [STATUS.DEAUTHORIZED]: {
    live: false,
    associated: true,
    consumerCanAssociate: false,
    withdrawn: true,
    cause: "the producer ran `DeauthorizeDataShare`",
    why: "no associate works until it authorizes again",
    drift:
      "the producer deauthorized the datashare; it must run AuthorizeDataShare again before `pulumi up --refresh`",
  },
  [STATUS.REJECTED]: {
    live: false,
    associated: true,
    consumerCanAssociate: false,
    withdrawn: true,
    cause: "the consumer ran `RejectDataShare`",
    why: "after a reject only a new `AuthorizeDataShare` makes the share associable again",
    drift:
      "the datashare was rejected (RejectDataShare); the producer must authorize it again before `pulumi up --refresh`",
  },
  [NO_ENTRY_STATUS]: {
    live: false,
    associated: true,
    consumerCanAssociate: false,
    withdrawn: true,
    cause:
      "not an AWS status: the datashare lists no entry for the account, as AWS may show a deauthorization or a rejection",
    why: "like `DEAUTHORIZED`: the producer must authorize it again",
  },
  [STATUS.PENDING_AUTHORIZATION]: {
    live: false,
    associated: false,
    consumerCanAssociate: false,
    withdrawn: false,
    cause: "usage is granted, not authorized yet",
    why: "waiting for the producer",
    drift: "the datashare waits for the producer's authorization (AuthorizeDataShare)",
  },
  [STATUS.AVAILABLE]: OFFERED,
  [STATUS.AUTHORIZED]: OFFERED,
};

/**
 * An entry without a status counts as an association (AWS does not promise the member); a status
 * the table does not know is one the consumer cannot change, so the producer must act.
 */
export const OTHER_ASSOCIATION_STATUS: AssociationStatusEntry = {
  live: false,
  associated: true,
  consumerCanAssociate: false,
  withdrawn: false,
  cause: "a status this provider does not know",
  why: "nothing the consumer can change",
};

export function associationStatus(status: string | undefined): AssociationStatusEntry {
  if (status === undefined || !Object.hasOwn(ASSOCIATION_STATUSES, status)) return OTHER_ASSOCIATION_STATUS;
  return ASSOCIATION_STATUSES[status];
}

/** The status an association has when it is as declared. */
export const LIVE_ASSOCIATION_STATUS = STATUS.ACTIVE;

/** Who can heal an association in this status. */
export function associationRemedy(status: string | undefined): Remedy {
  return associationStatus(status).consumerCanAssociate ? "pulumi-up" : "producer";
}

/** The drift command's detail for an association in this status. */
export function associationDriftDetail(status: string): string {
  return (
    associationStatus(status).drift ??
    `the association reports status ${status}, which the consumer cannot change`
  );
}

/**
 * What diff tells at preview about an association in a status that is not live: who must act
 * before `pulumi up` can associate it again. `what` names the association, `producer` the producer.
 */
export function associationAdvice(status: string, what: string, producer: string): string {
  const until = "before `pulumi up` can associate it; until then the update fails and changes nothing.";
  switch (status) {
    case NO_ENTRY_STATUS:
      return (
        `${what} is no longer listed for this account: ${producer} deauthorized it, or this account ` +
        `rejected it (AWS shows neither). The producer must authorize the datashare again (AuthorizeDataShare) ${until}`
      );
    case STATUS.DEAUTHORIZED:
      return `${what} is ${status}: ${producer} must authorize the datashare again (AuthorizeDataShare) ${until}`;
    case STATUS.REJECTED:
      return (
        `${what} is ${status} (RejectDataShare): ${producer} must authorize the datashare again ` +
        `(AuthorizeDataShare) ${until}`
      );
    default:
      return (
        `${what} has status ${status}, not ${LIVE_ASSOCIATION_STATUS}: \`pulumi up\` associates it again, ` +
        `which succeeds only once ${producer} has authorized the datashare for this account.`
      );
  }
}

/** The `status` output's documentation in the consumer's schema. */
export const ASSOCIATION_STATUS_DOC =
  `${STATUS.ACTIVE} when the association works; ${STATUS.DEAUTHORIZED} or ${STATUS.REJECTED} after ` +
  "producer or consumer action.";

/**
 * What a status means for the producer's authorization: `live` (in order), `gone` (no
 * authorization: read reports the resource gone), `drifted` (the producer's `up` authorizes again),
 * or `other` (a status this provider does not know: kept and reported as is).
 */
export type AuthorizationState = "live" | "gone" | "drifted" | "other";

export interface AuthorizationStatusEntry {
  state: AuthorizationState;
  /** What the status says about the authorization. */
  meaning: string;
}

/** The producer's statuses, in the order the docs list them. */
export const AUTHORIZATION_STATUSES: Readonly<Record<string, AuthorizationStatusEntry>> = {
  [STATUS.AUTHORIZED]: { state: "live", meaning: "authorized; the consumer has not associated it yet" },
  [STATUS.ACTIVE]: { state: "live", meaning: "the consumer associated the share" },
  [STATUS.REJECTED]: { state: "drifted", meaning: "the consumer declined it (`RejectDataShare`)" },
  [STATUS.DEAUTHORIZED]: { state: "gone", meaning: "deauthorized outside Pulumi (`DeauthorizeDataShare`)" },
  [STATUS.PENDING_AUTHORIZATION]: { state: "gone", meaning: "usage granted, not authorized" },
};

export const OTHER_AUTHORIZATION_STATUS: AuthorizationStatusEntry = {
  state: "other",
  meaning: "a status this provider does not know",
};

export function authorizationState(status: string | undefined): AuthorizationState {
  if (status === undefined || !Object.hasOwn(AUTHORIZATION_STATUSES, status)) return "other";
  return AUTHORIZATION_STATUSES[status].state;
}

/** The status a declared authorization reads as when it is in order (before any consumer associates). */
export const LIVE_AUTHORIZATION_STATUS = STATUS.AUTHORIZED;

/** Several live entries for one consumer: an associated one says more than an authorized one. */
export function authorizationPreference(status: string | undefined): number {
  return status === STATUS.ACTIVE ? 2 : status === STATUS.AUTHORIZED ? 1 : 0;
}

/** The drift command's detail for an authorization in a status that is not live; `consumer` names it. */
export function authorizationDriftDetail(status: string, consumer: string): string {
  return authorizationState(status) === "drifted"
    ? `${consumer} rejected the datashare (RejectDataShare); \`pulumi up --refresh\` authorizes it ` +
        "again, or remove the resource if the consumer does not want it"
    : `the authorization reports status ${status}; \`pulumi up --refresh\` authorizes it again`;
}

/** The `status` output's documentation in the producer's schema. */
export const AUTHORIZATION_STATUS_DOC =
  `${STATUS.AUTHORIZED}; ${STATUS.ACTIVE} once the consumer associated the datashare; ` +
  `${STATUS.REJECTED} when the consumer declined it.`;
