/**
 * One probe per behaviour: a few raw API calls and what AWS answered, named as the emulator's
 * behaviour catalogue names its answers. Each starts from the start state (AUTHORIZED, no
 * association) or from what the previous step documents, and never relies on an answer it is
 * not measuring: setup calls tolerate every answer of every behaviour.
 */
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  DescribeDataSharesForConsumerCommand,
  DisassociateDataShareConsumerCommand,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import {
  activeEntries,
  consumerLook,
  isFault,
  producerEntry,
  settle,
  writesArg,
  type ConsumerLook,
  type ProbeApi,
  type Target,
} from "./api";
import type { StartState } from "./restore";

export interface Finding {
  answer: string;
  note?: string;
}

export const UNKNOWN = "unknown";

const authorize = (api: ProbeApi, writes: { AllowWrites?: boolean }) =>
  api.producer.send(
    new AuthorizeDataShareCommand({
      DataShareArn: api.dataShareArn,
      ConsumerIdentifier: api.consumerAccount,
      ...writes,
    }),
  );
const associate = (api: ProbeApi, target: Target, writes: { AllowWrites?: boolean } = {}) =>
  api.consumer.send(
    new AssociateDataShareConsumerCommand({ DataShareArn: api.dataShareArn, ...target, ...writes }),
  );
const namespace = (api: ProbeApi): Target => ({ ConsumerArn: api.namespaceArn });

/** The call succeeded → `succeeded`; refused with InvalidDataShareFault → `refused`; anything else throws. */
async function outcome(call: () => Promise<unknown>): Promise<"succeeded" | "refused"> {
  try {
    await call();
    return "succeeded";
  } catch (err) {
    if (isFault(err, "InvalidDataShareFault")) return "refused";
    throw err;
  }
}

const namespaceEntry = async (api: ProbeApi) =>
  activeEntries(await consumerLook(api)).find((e) => e.ConsumerIdentifier === api.namespaceArn);

/** Associates the namespace unless it already is (a repeat may be refused). */
async function ensureNamespaceAssociated(api: ProbeApi): Promise<void> {
  if (!(await namespaceEntry(api))) await associate(api, namespace(api));
  const entry = await settle(
    api,
    () => namespaceEntry(api),
    (e) => e !== undefined,
  );
  if (!entry) throw new Error(`The consumer's association with ${api.namespaceArn} never showed as ACTIVE`);
}

export async function probeNameCase(api: ProbeApi): Promise<Finding> {
  const at = api.dataShareArn.lastIndexOf("/");
  const respelled = api.dataShareArn.slice(0, at + 1) + api.dataShareArn.slice(at + 1).toUpperCase();
  if (respelled === api.dataShareArn)
    return { answer: UNKNOWN, note: "the datashare name has no lower-case letter" };
  return { answer: (await consumerLook(api, respelled)).hidden ? "exact" : "folded" };
}

export async function probeRepeatAuthorize(api: ProbeApi, start: StartState): Promise<Finding> {
  const result = await outcome(() => authorize(api, writesArg(start.producerAllowedWrites)));
  return { answer: result === "succeeded" ? "succeed" : "refuse" };
}

/** AllowWrites sent as it stands (false included): refused only where write sharing is unavailable. */
export async function probeWritesRegion(api: ProbeApi, start: StartState): Promise<Finding> {
  try {
    await authorize(api, { AllowWrites: start.producerAllowedWrites });
  } catch (err) {
    if (isFault(err, "InvalidParameterValue", "DATA_SHARING_WRITES")) return { answer: "refused" };
    if (!isFault(err, "InvalidDataShareFault")) throw err;
  }
  return { answer: "accepted" };
}

/**
 * Authorizes with the other AllowWrites. When AWS flips it, leaves writes allowed (flipping back
 * if needed) so that the consumer's writes can be probed next; the end restores the start value.
 */
export async function probeReauthorizeWrites(api: ProbeApi, start: StartState): Promise<Finding> {
  const other = !start.producerAllowedWrites;
  if ((await outcome(() => authorize(api, { AllowWrites: other }))) === "refused")
    return { answer: "refuse" };
  const shows = (writes: boolean) => (e: { ProducerAllowedWrites?: boolean } | undefined) =>
    (e?.ProducerAllowedWrites === true) === writes;
  const entry = await settle(api, () => producerEntry(api), shows(other));
  if (!shows(other)(entry)) return { answer: "ignore" };
  if (!other) {
    await authorize(api, { AllowWrites: true });
    await settle(api, () => producerEntry(api), shows(true));
  }
  return { answer: "flip" };
}

export async function probeRepeatAssociate(api: ProbeApi): Promise<Finding> {
  await ensureNamespaceAssociated(api);
  const result = await outcome(() => associate(api, namespace(api)));
  return { answer: result === "succeeded" ? "succeed" : "refuse" };
}

/** Needs the producer to allow writes now; leaves the namespace associated. */
export async function probeReassociateWrites(api: ProbeApi): Promise<Finding> {
  if ((await producerEntry(api))?.ProducerAllowedWrites !== true) {
    return { answer: UNKNOWN, note: "needs the producer's authorization to allow writes" };
  }
  await ensureNamespaceAssociated(api);
  const accepted = (await namespaceEntry(api))?.ConsumerAcceptedWrites === true;
  if ((await outcome(() => associate(api, namespace(api), { AllowWrites: !accepted }))) === "refused") {
    return { answer: "refuse" };
  }
  const entry = await settle(
    api,
    () => namespaceEntry(api),
    (e) => (e?.ConsumerAcceptedWrites === true) !== accepted,
  );
  return { answer: (entry?.ConsumerAcceptedWrites === true) !== accepted ? "flip" : "ignore" };
}

/** Associates the entire account (replacing the namespace association), reads, disassociates. */
export async function probeAccountEntryRegion(api: ProbeApi): Promise<Finding> {
  await associate(api, { AssociateEntireAccount: true });
  const accountEntry = async () =>
    activeEntries(await consumerLook(api)).find((e) => e.ConsumerIdentifier === api.consumerAccount);
  const entry = await settle(api, accountEntry, (e) => e !== undefined);
  if (!entry) throw new Error("The entire-account association never showed as ACTIVE");
  await api.consumer.send(
    new DisassociateDataShareConsumerCommand({
      DataShareArn: api.dataShareArn,
      DisassociateEntireAccount: true,
    }),
  );
  return entry.ConsumerRegion === undefined
    ? { answer: "absent" }
    : { answer: "filled", note: `ConsumerRegion ${entry.ConsumerRegion}` };
}

/** How the consumer's view classifies once it stopped showing the association ACTIVE. */
function classifyLoss(look: ConsumerLook, status: string): string {
  if (look.hidden) return "shareHidden";
  if (look.entries.length === 0) return "entriesDropped";
  return look.entries.every((e) => e.Status === status) ? "status" : UNKNOWN;
}

async function probeLoss(
  api: ProbeApi,
  start: StartState,
  status: string,
  lose: () => Promise<unknown>,
): Promise<Finding> {
  await ensureNamespaceAssociated(api);
  await lose();
  await settle(
    api,
    () => producerEntry(api),
    (e) => e?.Status === status,
  );
  const look = await settle(
    api,
    () => consumerLook(api),
    (l) => classifyLoss(l, status) !== UNKNOWN,
  );
  const inbound = await api.consumer.send(new DescribeDataSharesForConsumerCommand({}));
  const listed = inbound.DataShares?.some(
    (s) => s.DataShareArn?.toLowerCase() === api.dataShareArn.toLowerCase(),
  );
  await authorize(api, writesArg(start.producerAllowedWrites));
  await settle(
    api,
    () => producerEntry(api),
    (e) => e?.Status === "AUTHORIZED",
  );
  const answer = classifyLoss(look, status);
  const seen = look.hidden ? "no share" : JSON.stringify(look.entries.map((e) => e.Status));
  return {
    answer,
    note: `DescribeDataShares showed ${seen}; DescribeDataSharesForConsumer ${listed ? "listed" : "did not list"} it`,
  };
}

export function probeDeauthorizedView(api: ProbeApi, start: StartState): Promise<Finding> {
  return probeLoss(api, start, "DEAUTHORIZED", () =>
    api.producer.send(
      new DeauthorizeDataShareCommand({
        DataShareArn: api.dataShareArn,
        ConsumerIdentifier: api.consumerAccount,
      }),
    ),
  );
}

export function probeRejectedView(api: ProbeApi, start: StartState): Promise<Finding> {
  return probeLoss(api, start, "REJECTED", () =>
    api.consumer.send(new RejectDataShareCommand({ DataShareArn: api.dataShareArn })),
  );
}
