/**
 * Building the state the engine stores for a DataShareAuthorization: outputs from what AWS reports,
 * the inputs read hands back after a refresh (so the next preview shows only real drift), and the
 * request members. Pure.
 */
import { pickInputs, type StateRecord } from "../core/schema";
import type { LiveAssociation, LiveDataShare } from "../core/types";
import { authorizationSpec } from "./schema";
import {
  AuthorizationKey,
  AuthorizeRequest,
  DataShareAuthorizationInputs,
  DataShareAuthorizationOutputs,
  DeauthorizeRequest,
} from "./types";

/** The declared inputs out of a property bag that may also hold outputs and `__provider`. */
export function declaredInputs(bag: Record<string, unknown>): DataShareAuthorizationInputs {
  return pickInputs(authorizationSpec, bag) as unknown as DataShareAuthorizationInputs;
}

/**
 * The stored outputs: the inputs, then what AWS reports; `region` is the region the calls go to
 * (the declared one, else the provider's at create), so read and delete keep using it. Members
 * without a value are left out (the engine's struct encoding rejects `undefined`).
 */
export function outputsFor(
  inputs: DataShareAuthorizationInputs,
  region: string,
  dataShare?: LiveDataShare,
  entry?: LiveAssociation,
): DataShareAuthorizationOutputs {
  const all: StateRecord<typeof authorizationSpec> = {
    dataShareArn: inputs.dataShareArn,
    consumerIdentifier: entry?.consumerIdentifier ?? inputs.consumerIdentifier,
    allowWrites: inputs.allowWrites,
    region,
    producerArn: dataShare?.producerArn,
    status: entry?.status,
    producerAllowedWrites: entry?.producerAllowedWrites,
    consumerAcceptedWrites: entry?.consumerAcceptedWrites,
    createdDate: entry?.createdDate,
    statusChangeDate: entry?.statusChangeDate,
    managedBy: dataShare?.managedBy,
    dataShareType: dataShare?.dataShareType,
  };
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(all)) if (value !== undefined) out[name] = value;
  return out as DataShareAuthorizationOutputs;
}

/**
 * Inputs that describe the live authorization. `prior` are the stored outputs (empty on import).
 * allowWrites follows ProducerAllowedWrites; an unset allowWrites stays unset while writes are off,
 * so a converged stack shows no diff. `region` is kept only when it is not the provider's default
 * region: an unset region means "the default", and the stored outputs hold the region actually used.
 */
/**
 * The outputs of an update that changes nothing on AWS (letter case, region): the new inputs, and
 * what AWS reported at the last create, update or read.
 */
export function restatedOutputs(
  inputs: DataShareAuthorizationInputs,
  region: string,
  stored: Partial<DataShareAuthorizationOutputs>,
): DataShareAuthorizationOutputs {
  const out = outputsFor(inputs, region) as unknown as Record<string, unknown>;
  const before = stored as Record<string, unknown>;
  for (const name of REPORTED) {
    const v = before[name];
    if (v !== undefined && v !== null) out[name] = v;
  }
  return out as unknown as DataShareAuthorizationOutputs;
}

const REPORTED = [
  "producerArn",
  "status",
  "producerAllowedWrites",
  "consumerAcceptedWrites",
  "createdDate",
  "statusChangeDate",
  "managedBy",
  "dataShareType",
] as const;

export function liveInputs(
  key: AuthorizationKey,
  prior: Partial<DataShareAuthorizationInputs>,
  entry: LiveAssociation,
  defaultRegion: string | undefined,
): DataShareAuthorizationInputs {
  const inputs: DataShareAuthorizationInputs = {
    dataShareArn: key.dataShareArn,
    consumerIdentifier: key.consumerIdentifier,
  };
  if (entry.producerAllowedWrites === true) inputs.allowWrites = true;
  else if (prior.allowWrites !== undefined && prior.allowWrites !== null) inputs.allowWrites = false;
  if (typeof prior.region === "string" && prior.region !== "" && prior.region !== defaultRegion) {
    inputs.region = prior.region;
  }
  return inputs;
}

/** AuthorizeDataShare members; AllowWrites only when decided (unset at create leaves AWS's default). */
export function authorizeRequest(key: AuthorizationKey, allowWrites: boolean | undefined): AuthorizeRequest {
  const request: AuthorizeRequest = {
    DataShareArn: key.dataShareArn,
    ConsumerIdentifier: key.consumerIdentifier,
  };
  if (typeof allowWrites === "boolean") request.AllowWrites = allowWrites;
  return request;
}

export function deauthorizeRequest(key: AuthorizationKey): DeauthorizeRequest {
  return { DataShareArn: key.dataShareArn, ConsumerIdentifier: key.consumerIdentifier };
}
