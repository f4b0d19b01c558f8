/**
 * Every kind of drift as data: for each resource of the shared consumer's and producer's stacks,
 * what is declared, the out-of-band change, and what each check through the plain CLI must say
 * about it. One driver (everyKindOfDrift.e2e.test.ts) runs the rows; a kind is added here.
 */
import * as assert from "node:assert/strict";
import type { DataShareAuthorizationArgs, DataShareConsumerArgs } from "../../../sdk";
import { authorizedShare, Emulator, outOfBand } from "../../../harness/emulatorFixture";

/** A step a preview or a refresh would take on a resource; `same` means none. */
export type Step = "create" | "update" | "delete" | "same";

/** A drift command row: kind, property, declared, live, remedy (the resource name and type aside). */
export type DriftRow = [kind: string, property: string, declared: unknown, live: unknown, remedy: string];

export interface ConsumerKind {
  /** The datashare the producer makes for the row (authorized to the consumer account). */
  share: string;
  producerAllowsWrites?: boolean;
  declared?: Partial<DataShareConsumerArgs>;
  /** The out-of-band change; none for the control row. */
  change?: (emu: Emulator, dataShareArn: string) => Promise<unknown>;
  /** `preview --refresh --expect-no-changes`: the step it plans. */
  preview: Step;
  /** `refresh --preview-only --expect-no-changes`: the step it would record in state. */
  refreshCheck: Step;
  /** What `drift` reports (the datashare's ARN stands for `<arn>`). */
  drift?: DriftRow;
  /** State after the refresh: undefined when the refresh drops the resource. */
  refreshed?: Record<string, unknown>;
  /** The step of `preview --diff` on the refreshed state, and a property its diff names. */
  plan?: { op: Step; names?: string };
  /** Why an `up` before the producer acts fails on this resource, if it does. */
  blocked?: RegExp;
  /** What the producer does before `up --refresh` heals the stack. */
  producerHeals?: (emu: Emulator, share: string) => Promise<unknown>;
}

const ns = (emu: Emulator) => emu.namespaceArn("consumer", 0);
const authorizeReadOnly = (emu: Emulator, arn: string) => outOfBand(emu).authorize(arn, false);

/** Every kind of drift on the consumer's stack, one resource each. */
export const CONSUMER_KINDS: Record<string, ConsumerKind> = {
  handDisassociated: {
    share: "d_gone",
    change: (emu, arn) => outOfBand(emu).disassociate(arn, ns(emu)),
    preview: "create",
    refreshCheck: "delete",
    drift: ["association-gone", "status", "ACTIVE", "", "pulumi-up"],
    plan: { op: "create" },
  },
  deauthorized: {
    share: "d_deauth",
    change: (emu, arn) => outOfBand(emu).deauthorize(arn),
    preview: "update",
    refreshCheck: "update",
    drift: ["status", "status", "ACTIVE", "DEAUTHORIZED", "producer"],
    refreshed: { status: "DEAUTHORIZED" },
    plan: { op: "update" },
    blocked: /must authorize it again/,
    producerHeals: authorizeReadOnly,
  },
  rejected: {
    share: "d_reject",
    change: (emu, arn) => outOfBand(emu).reject(arn),
    preview: "update",
    refreshCheck: "update",
    drift: ["status", "status", "ACTIVE", "REJECTED", "producer"],
    refreshed: { status: "REJECTED" },
    plan: { op: "update" },
    blocked: /must authorize it again/,
    producerHeals: authorizeReadOnly,
  },
  consumerWrites: {
    share: "d_cwrites",
    producerAllowsWrites: true,
    declared: { allowWrites: true },
    change: (emu, arn) => outOfBand(emu).associate(arn, ns(emu), false),
    preview: "update",
    refreshCheck: "update",
    drift: ["consumer-writes", "allowWrites", true, false, "pulumi-up"],
    refreshed: { consumerAcceptedWrites: false },
    plan: { op: "update", names: "allowWrites" },
  },
  shareDropped: {
    share: "d_drop",
    change: (emu, arn) => emu.admin.dropDataShare(arn),
    preview: "create",
    refreshCheck: "delete",
    drift: ["datashare-gone", "dataShareArn", "<arn>", "", "producer"],
    plan: { op: "create" },
    blocked: /does not exist|doesn't exist/i,
    // The producer makes the datashare again under the same name: the same ARN.
    producerHeals: async (emu, arn) => assert.equal(await authorizedShare(emu, "d_drop"), arn),
  },
  superseded: {
    share: "d_super",
    change: (emu, arn) => outOfBand(emu).associateWith({ DataShareArn: arn, AssociateEntireAccount: true }),
    preview: "create",
    refreshCheck: "delete",
    drift: ["superseded", "status", "ACTIVE", "", "pulumi-up"],
    plan: { op: "create" },
  },
  untouched: { share: "d_ok", preview: "same", refreshCheck: "same" },
};

/**
 * The one kind that changes an output alone: the producer re-authorizes read-only. Checked on its
 * own, before the others, because `preview` and Pulumi's refresh check do not see it.
 */
export const PRODUCER_WRITES = {
  name: "producerWrites",
  share: "d_pwrites",
  drift: ["producer-writes", "producerAllowedWrites", true, false, "producer"] as DriftRow,
};

export interface AuthorizationKind {
  share: string;
  change?: (emu: Emulator, dataShareArn: string) => Promise<unknown>;
  preview: Step;
  refreshCheck: Step;
  driftKind?: string;
}

/** Every kind of drift on the producer's stack of DataShareAuthorization resources. */
export const AUTHORIZATION_KINDS: Record<string, AuthorizationKind> = {
  gone: {
    share: "a_gone",
    change: (emu, arn) => outOfBand(emu).deauthorize(arn),
    preview: "create",
    refreshCheck: "delete",
    driftKind: "authorization-gone",
  },
  rejected: {
    share: "a_reject",
    change: (emu, arn) => outOfBand(emu).reject(arn),
    preview: "update",
    refreshCheck: "update",
    driftKind: "status",
  },
  writes: {
    share: "a_writes",
    change: (emu, arn) => outOfBand(emu).authorize(arn, true),
    preview: "update",
    refreshCheck: "update",
    driftKind: "authorization-writes",
  },
  untouched: { share: "a_ok", preview: "same", refreshCheck: "same" },
};

export function consumerArgs(emu: Emulator, kind: ConsumerKind): DataShareConsumerArgs {
  return { dataShareArn: emu.dataShareArn(kind.share), consumerArn: ns(emu), ...kind.declared };
}

export function authorizationArgs(emu: Emulator, kind: AuthorizationKind): DataShareAuthorizationArgs {
  return { dataShareArn: emu.dataShareArn(kind.share), consumerIdentifier: emu.accountId("consumer") };
}
