/**
 * The points where AWS's documentation is silent or contradicted, each a named behaviour with the
 * answers AWS may give. The model asks these instead of hard-coding one guess; tests switch them
 * (emu.setBehaviours, PUT /_emulator/behaviours, `--behaviour`, a seed's `behaviours`). Evidence
 * for every answer and its default: emulator/README.md, "Behaviours".
 */
import { isRegionName } from "./arns";

export interface Behaviours {
  /** AssociateDataShareConsumer again for a target already associated, same AllowWrites. */
  repeatAssociate: "succeed" | "refuse";
  /** AssociateDataShareConsumer again for an associated target with another AllowWrites. */
  reassociateOtherWrites: "flip" | "ignore" | "refuse";
  /** AuthorizeDataShare again for an authorized consumer, same AllowWrites. */
  repeatAuthorize: "succeed" | "refuse";
  /** AuthorizeDataShare again for an authorized consumer with another AllowWrites. */
  reauthorizeOtherWrites: "flip" | "ignore" | "refuse";
  /** Regions without write sharing: there AllowWrites (even false) is InvalidParameterValue. */
  regionsWithoutWrites: string[];
  /** ConsumerRegion on the consumer's account-level entries (entire account, the AVAILABLE one). */
  accountEntryRegion: "absent" | "filled";
  /** How the datashare name in a request's DataShareArn is compared with the shares' names. */
  dataShareNameCase: "folded" | "exact";
  /** What the consumer's Describe calls show after the producer deauthorized it. */
  deauthorizedConsumerView: ConsumerViewAfterLoss;
  /** What the consumer's Describe calls show after it rejected the share. */
  rejectedConsumerView: ConsumerViewAfterLoss;
  /** SQL GRANT USAGE ON DATASHARE again for a grantee that already has it. */
  repeatGrant: "succeed" | "refuse";
  /** SQL REVOKE USAGE ON DATASHARE for a grantee that doesn't have it. */
  revokeAbsent: "succeed" | "refuse";
  /** SQL ALTER DATASHARE ... ADD of an object already in the datashare. */
  repeatAdd: "succeed" | "refuse";
  /** SQL ALTER DATASHARE ... REMOVE of an object not in the datashare. */
  removeAbsent: "refuse" | "succeed";
  /** Whether CREATE / ALTER / DROP DATASHARE and GRANT / REVOKE may run in a batch's transaction. */
  datashareDdlInTransaction: "allowed" | "refused";
  /** What stays of a consumer's databases from a datashare the producer dropped. */
  droppedShareDatabases: "kept" | "dropped";
  /** Whether an object the producer dropped from its database stays listed in the datashare. */
  droppedObjectInShare: "removed" | "listed";
  /** ExecuteStatement / BatchExecuteStatement again with a ClientToken already used: the same statement, or a new one. */
  clientToken: "honoured" | "ignored";
}

/**
 * `status`: the consumer's entries stay, in the new status. `entriesDropped`: the share is still
 * listed, without the consumer's entries. `shareHidden`: the consumer no longer sees the share at
 * all (by ARN it is "doesn't exist").
 */
export type ConsumerViewAfterLoss = "status" | "entriesDropped" | "shareHidden";

export type BehaviourName = keyof Behaviours;

/** One behaviour as a table of answers: what a test iterates to cover every answer. */
export interface BehaviourEntry {
  name: BehaviourName;
  /** Where the answer shows: a Redshift API call, or a SQL statement sent through the Data API. */
  surface: "api" | "sql";
  /** The answers, the default first. */
  answers: readonly string[];
  default: string;
  /** The settings that make the emulator give `answer` to a request signed for `region`. */
  settings(answer: string, region: string): Partial<Behaviours>;
}

const CONSUMER_VIEWS = ["status", "entriesDropped", "shareHidden"] as const;

function choice<N extends BehaviourName>(
  name: N,
  answers: readonly Behaviours[N][],
  surface: BehaviourEntry["surface"] = "api",
): BehaviourEntry {
  return {
    name,
    surface,
    answers: answers as readonly string[],
    default: answers[0] as string,
    settings: (answer) => ({ [name]: answer }) as Partial<Behaviours>,
  };
}

/** Every behaviour, its answers and its default (the first answer). */
export const BEHAVIOURS: readonly BehaviourEntry[] = [
  choice("repeatAssociate", ["succeed", "refuse"]),
  choice("reassociateOtherWrites", ["flip", "ignore", "refuse"]),
  choice("repeatAuthorize", ["succeed", "refuse"]),
  choice("reauthorizeOtherWrites", ["flip", "ignore", "refuse"]),
  {
    name: "regionsWithoutWrites",
    surface: "api",
    answers: ["accepted", "refused"],
    default: "accepted",
    settings: (answer, region) => ({ regionsWithoutWrites: answer === "refused" ? [region] : [] }),
  },
  choice("accountEntryRegion", ["absent", "filled"]),
  choice("dataShareNameCase", ["folded", "exact"]),
  choice("deauthorizedConsumerView", CONSUMER_VIEWS),
  choice("rejectedConsumerView", CONSUMER_VIEWS),
  choice("repeatGrant", ["succeed", "refuse"], "sql"),
  choice("revokeAbsent", ["succeed", "refuse"], "sql"),
  choice("repeatAdd", ["succeed", "refuse"], "sql"),
  choice("removeAbsent", ["refuse", "succeed"], "sql"),
  choice("datashareDdlInTransaction", ["allowed", "refused"], "sql"),
  choice("droppedShareDatabases", ["kept", "dropped"], "sql"),
  choice("droppedObjectInShare", ["removed", "listed"], "sql"),
  choice("clientToken", ["honoured", "ignored"], "sql"),
];

/** The behaviours of the Redshift API (what test/aws/probe.ts measures against AWS). */
export const API_BEHAVIOURS: readonly BehaviourEntry[] = BEHAVIOURS.filter((b) => b.surface === "api");

/** Every behaviour at its default answer. */
export const DEFAULT_BEHAVIOURS: Behaviours = Object.freeze(
  Object.assign({}, ...BEHAVIOURS.map((b) => b.settings(b.default, ""))) as Behaviours,
);

/** What one call runs under: the signing region, the time, and the behaviours in force. */
export interface CallContext {
  region: string;
  now: string;
  behaviours: Behaviours;
}

/**
 * The defaults with `settings` over them; unknown names and answers are refused with a message
 * that lists what is allowed. Answers never depend on the previous settings.
 */
export function resolveBehaviours(settings: Partial<Behaviours> = {}): Behaviours {
  if (typeof settings !== "object" || settings === null || Array.isArray(settings)) {
    throw new TypeError("Behaviours must be an object of behaviour name to answer");
  }
  const resolved: Behaviours = structuredClone(DEFAULT_BEHAVIOURS);
  for (const [name, value] of Object.entries(settings) as [string, unknown][]) {
    const entry = BEHAVIOURS.find((b) => b.name === name);
    if (!entry) {
      throw new RangeError(
        `Unknown behaviour "${name}"; the behaviours are ${BEHAVIOURS.map((b) => b.name).join(", ")}`,
      );
    }
    if (value === undefined) continue;
    if (entry.name === "regionsWithoutWrites") {
      if (!Array.isArray(value) || !value.every((r) => typeof r === "string" && isRegionName(r))) {
        throw new RangeError('regionsWithoutWrites must be a list of region names, e.g. ["eu-south-2"]');
      }
      resolved.regionsWithoutWrites = [...value];
    } else {
      if (typeof value !== "string" || !entry.answers.includes(value)) {
        throw new RangeError(
          `${name} must be one of ${entry.answers.join(", ")}; got ${JSON.stringify(value)}`,
        );
      }
      (resolved as unknown as Record<string, string>)[name] = value;
    }
  }
  return resolved;
}

/** The answer a behaviour gives to a request signed for `region` (as BEHAVIOURS names it). */
export function answerOf(behaviours: Behaviours, name: BehaviourName, region: string): string {
  if (name === "regionsWithoutWrites") {
    return behaviours.regionsWithoutWrites.includes(region) ? "refused" : "accepted";
  }
  return behaviours[name] as string;
}
