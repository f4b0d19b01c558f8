/**
 * Building the state the engine stores: outputs from what AWS reports, and the inputs read hands
 * back after a refresh so the next preview shows only what really drifted. Pure.
 */
import { dataShareIdentity } from "../core/identity";
import { canonicalTarget, inputsFromKey } from "./id";
import { OutputOnlyName, outputOnlyNames, pickInputs, type StateRecord } from "../core/schema";
import type { LiveAssociation, LiveDataShare } from "../core/types";
import { consumerSpec } from "./schema";
import {
  AssociateRequest,
  AssociationKey,
  DataShareConsumerInputs,
  DataShareConsumerOutputs,
  DisassociateRequest,
} from "./types";

/** The declared inputs out of a property bag that may also hold outputs and `__provider`. */
export function declaredInputs(bag: Record<string, unknown>): DataShareConsumerInputs {
  return pickInputs(consumerSpec, bag) as unknown as DataShareConsumerInputs;
}

/** What AWS reports, in the order outputsFor adds them after the inputs: the live consumerRegion too. */
type ReportedName = OutputOnlyName<typeof consumerSpec> | "consumerRegion";
const REPORTED_NAMES: ReportedName[] = [...outputOnlyNames(consumerSpec), "consumerRegion"];
const REPORTED = new Set<string>(REPORTED_NAMES);

/**
 * The stored outputs: the inputs, then what AWS reports (which wins over an input of the same
 * name), members without a value left out (the engine's struct encoding rejects `undefined`) — the result of spreading the inputs and the reported
 * members into one object and compacting it, built member by member because it runs on every
 * create and read.
 */
export function outputsFor(
  inputs: DataShareConsumerInputs,
  dataShare?: LiveDataShare,
  association?: LiveAssociation,
): DataShareConsumerOutputs {
  const reported: Pick<StateRecord<typeof consumerSpec>, ReportedName> = {
    producerArn: dataShare?.producerArn,
    allowPubliclyAccessibleConsumers: dataShare?.allowPubliclyAccessibleConsumers,
    managedBy: dataShare?.managedBy,
    dataShareType: dataShare?.dataShareType,
    status: association?.status,
    consumerIdentifier: association?.consumerIdentifier,
    consumerRegion: association?.consumerRegion ?? inputs.consumerRegion,
    createdDate: association?.createdDate,
    statusChangeDate: association?.statusChangeDate,
    producerAllowedWrites: association?.producerAllowedWrites,
    consumerAcceptedWrites: association?.consumerAcceptedWrites,
  };
  const out: Record<string, unknown> = {};
  const given = inputs as unknown as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    const v = REPORTED.has(name) ? reported[name as keyof typeof reported] : given[name];
    if (v !== undefined) out[name] = v;
  }
  for (const name of REPORTED_NAMES) {
    const v = reported[name];
    if (v !== undefined) out[name] = v;
  }
  return out as unknown as DataShareConsumerOutputs;
}

/**
 * The outputs of an update that changes nothing on AWS (API region, letter case): the new inputs,
 * and what AWS reported at the last create, update or read.
 */
export function restatedOutputs(
  inputs: DataShareConsumerInputs,
  stored: Partial<DataShareConsumerOutputs>,
): DataShareConsumerOutputs {
  const out: Record<string, unknown> = { ...(outputsFor(inputs) as unknown as Record<string, unknown>) };
  const before = stored as Record<string, unknown>;
  for (const name of REPORTED_NAMES) {
    const v = before[name];
    if (v !== undefined && v !== null) out[name] = v;
  }
  return out as unknown as DataShareConsumerOutputs;
}

/**
 * Inputs that describe the live association. `prior` are the stored inputs (empty on import). An
 * unset allowWrites stays unset while writes are off, so a converged stack shows no diff.
 */
export function liveInputs(
  key: AssociationKey,
  prior: Partial<DataShareConsumerInputs>,
  association: LiveAssociation,
): DataShareConsumerInputs {
  const inputs = inputsFromKey(key);
  // The ID keeps the spelling of the first create; the program's own spelling of the same ARNs
  // (letter case) stays, or the next preview would plan an update back and forth.
  if (typeof prior.dataShareArn === "string" && sameSpelledLater(prior.dataShareArn, key.dataShareArn)) {
    inputs.dataShareArn = prior.dataShareArn;
  }
  if (
    typeof prior.consumerArn === "string" &&
    typeof inputs.consumerArn === "string" &&
    canonicalTarget({ kind: "namespace", consumerArn: prior.consumerArn }) ===
      canonicalTarget({ kind: "namespace", consumerArn: inputs.consumerArn })
  ) {
    inputs.consumerArn = prior.consumerArn;
  }
  if (prior.associateEntireAccount === false && key.target.kind !== "account")
    inputs.associateEntireAccount = false;
  if (typeof prior.region === "string") inputs.region = prior.region;
  if (association.consumerAcceptedWrites === true) inputs.allowWrites = true;
  else if (prior.allowWrites !== undefined && prior.allowWrites !== null) inputs.allowWrites = false;
  return inputs;
}

function sameSpelledLater(prior: string, recorded: string): boolean {
  return prior !== recorded && dataShareIdentity(prior) === dataShareIdentity(recorded);
}

/** AssociateDataShareConsumer members: only what the user set, never empty strings. */
export function associateRequest(key: AssociationKey, allowWrites: boolean | undefined): AssociateRequest {
  const request: AssociateRequest = { DataShareArn: key.dataShareArn };
  const t = key.target;
  if (t.kind === "account") request.AssociateEntireAccount = true;
  if (t.kind === "namespace") request.ConsumerArn = t.consumerArn;
  if (t.kind === "region") request.ConsumerRegion = t.consumerRegion;
  if (typeof allowWrites === "boolean") request.AllowWrites = allowWrites;
  return request;
}

export function disassociateRequest(key: AssociationKey): DisassociateRequest {
  const request: DisassociateRequest = { DataShareArn: key.dataShareArn };
  const t = key.target;
  if (t.kind === "account") request.DisassociateEntireAccount = true;
  if (t.kind === "namespace") request.ConsumerArn = t.consumerArn;
  if (t.kind === "region") request.ConsumerRegion = t.consumerRegion;
  return request;
}
