/**
 * examples/cross-account's flow as data: the emulator's answers it runs under, what the stacks
 * declare, and what the checks must say once the producer deauthorized the consumer. One driver
 * (crossAccount.e2e.test.ts) runs every flow; a flow is added here.
 */
import { API_BEHAVIOURS, type Behaviours } from "../../emulator";
import { REGION } from "../../harness/emulatorFixture";

export interface CrossAccountFlow {
  name: string;
  /** Every API behaviour's answer (emulator/model/behaviours.ts) for requests in REGION. */
  answers: Record<string, string>;
  /** Whether every answer differs from its default. */
  nonDefault: boolean;
  /** Whether both stacks declare `allowWrites: true` (else they leave it unset). */
  writes: boolean;
  /** The consumer's association status, in `drift` and in state, once the producer deauthorized it. */
  deauthorizedStatus: string;
  /** The statuses the consumer's Describe calls show then. */
  consumerSeesAfterDeauthorization: string[];
  /** What the consumer's preview tells then: who must act. */
  advice: RegExp[];
}

const DEFAULTS = Object.fromEntries(API_BEHAVIOURS.map((b) => [b.name, b.default]));

/**
 * Per API behaviour, the answer furthest from its default. regionsWithoutWrites is "refused" in the
 * flow's own region (not an unused one, which would exercise nothing): the stacks leave
 * `allowWrites` unset, so they only work if the provider never sends AllowWrites undeclared. The
 * consumer views take `entriesDropped`: the share stays visible without the account's entry, the
 * case read must tell from a disassociation (NOT_AUTHORIZED, the producer must act).
 */
const FURTHEST: Record<string, string> = {
  repeatAssociate: "refuse",
  reassociateOtherWrites: "refuse",
  repeatAuthorize: "refuse",
  reauthorizeOtherWrites: "refuse",
  regionsWithoutWrites: "refused",
  accountEntryRegion: "filled",
  dataShareNameCase: "exact",
  deauthorizedConsumerView: "entriesDropped",
  rejectedConsumerView: "entriesDropped",
};

export const CROSS_ACCOUNT_FLOWS: CrossAccountFlow[] = [
  {
    name: "at the default answers",
    answers: DEFAULTS,
    nonDefault: false,
    writes: true,
    deauthorizedStatus: "DEAUTHORIZED",
    consumerSeesAfterDeauthorization: ["DEAUTHORIZED"],
    advice: [/is DEAUTHORIZED: the producer \(account \d+\) must authorize the datashare again/],
  },
  {
    name: "with every API behaviour at a non-default answer",
    answers: FURTHEST,
    nonDefault: true,
    writes: false,
    deauthorizedStatus: "NOT_AUTHORIZED",
    consumerSeesAfterDeauthorization: [],
    advice: [
      /is no longer listed for this account: the producer \(account \d+\)/,
      /The producer must authorize the datashare again/,
    ],
  },
];

/** The emulator settings that give a flow's answers (a behaviour it does not name: the default). */
export function flowSettings(flow: CrossAccountFlow): Partial<Behaviours> {
  return Object.assign(
    {},
    ...API_BEHAVIOURS.map((b) => b.settings(flow.answers[b.name] ?? b.default, REGION)),
  ) as Partial<Behaviours>;
}
