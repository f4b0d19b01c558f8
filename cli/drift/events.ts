/**
 * Picks the DataShareConsumer and DataShareAuthorization resources out of a refresh's engine
 * events. Pure: the events are the lines of `pulumi refresh --event-log`; every other resource
 * type is ignored.
 */
import { authorizationSpec, consumerSpec, dynamicTypeToken, packageTypeToken } from "../../provider/schema";
import { EngineEvent, StepState } from "../pulumi/engineEvents";
import { ResourceState } from "./findDrift";

export type { EngineEvent } from "../pulumi/engineEvents";

export const DATASHARE_CONSUMER_TYPE = dynamicTypeToken(consumerSpec);
export const DATASHARE_AUTHORIZATION_TYPE = dynamicTypeToken(authorizationSpec);

/** The resource types the drift check reads, by the short name the report uses (the schema's name). */
export type DriftResourceType = typeof consumerSpec.name | typeof authorizationSpec.name;

/** The same resources served by the provider plugin (plugin/), reported alike. */
export const PLUGIN_CONSUMER_TYPE = packageTypeToken(consumerSpec);
export const PLUGIN_AUTHORIZATION_TYPE = packageTypeToken(authorizationSpec);

const CHECKED_TYPES: Record<string, DriftResourceType> = {
  [DATASHARE_CONSUMER_TYPE]: consumerSpec.name,
  [DATASHARE_AUTHORIZATION_TYPE]: authorizationSpec.name,
  [PLUGIN_CONSUMER_TYPE]: consumerSpec.name,
  [PLUGIN_AUTHORIZATION_TYPE]: authorizationSpec.name,
};

/** Which of the checked resources a state's type token is, if any. */
export function checkedType(type: string | undefined): DriftResourceType | undefined {
  return type === undefined ? undefined : CHECKED_TYPES[type];
}

export interface RefreshedResource {
  /** The resource's name in the program (last part of the URN). */
  name: string;
  urn: string;
  /** The resource ID in the stored state; the provider's gone reports name the resource by it. */
  id?: string;
  /** Which resource it is; unset means DataShareConsumer (the only type before authorizations). */
  type?: DriftResourceType;
  /** Stored state before the refresh: what the last `pulumi up` recorded. */
  old: ResourceState;
  /** Refreshed state; undefined when the refresh drops the resource (it is gone). */
  live?: ResourceState;
}

/** One refreshed resource of a checked type per resOutputsEvent, in event order; duplicates by URN keep the last. */
export function collectRefreshed(events: readonly EngineEvent[]): RefreshedResource[] {
  const byUrn = new Map<string, RefreshedResource>();
  for (const event of events) {
    const meta = event.resOutputsEvent?.metadata;
    const type = checkedType(meta?.type);
    if (!meta || type === undefined) continue;
    const old = meta.old;
    if (!old) continue; // not in the stored state: nothing was declared, so nothing can drift
    const live = meta.new;
    const gone = meta.op === "delete" || live === null || live === undefined;
    const entry: RefreshedResource = {
      name: resourceName(meta.urn),
      urn: meta.urn,
      type,
      old: plainState(old),
    };
    if (typeof old.id === "string" && old.id !== "") entry.id = old.id;
    if (!gone) entry.live = plainState(live);
    byUrn.set(meta.urn, entry);
  }
  return [...byUrn.values()];
}

export interface ResourceCounts {
  /** Every resource the refresh read, without the stack and provider resources. */
  all: number;
  consumers: number;
  authorizations: number;
}

/** How many resources the refresh read, from its events (one resOutputsEvent per resource). */
export function countRefreshed(events: readonly EngineEvent[]): ResourceCounts {
  const types = new Map<string, string>();
  for (const event of events) {
    const meta = event.resOutputsEvent?.metadata;
    if (meta) types.set(meta.urn, meta.type);
  }
  const all = [...types.values()];
  return {
    all: all.filter((t) => t !== "pulumi:pulumi:Stack" && !t.startsWith("pulumi:providers:")).length,
    consumers: all.filter((t) => t === DATASHARE_CONSUMER_TYPE).length,
    authorizations: all.filter((t) => t === DATASHARE_AUTHORIZATION_TYPE).length,
  };
}

export function typeOf(r: RefreshedResource): DriftResourceType {
  return r.type ?? "DataShareConsumer";
}

export function resourceName(urn: string): string {
  const i = urn.lastIndexOf("::");
  return i < 0 ? urn : urn.slice(i + 2);
}

/** Inputs and outputs without the serialized provider (`__provider`), which is code, not configuration. */
function plainState(state: StepState): ResourceState {
  return { inputs: withoutProvider(state.inputs), outputs: withoutProvider(state.outputs) };
}

function withoutProvider(bag: Record<string, unknown> | undefined): Record<string, unknown> {
  const { __provider: _provider, ...rest } = bag ?? {};
  return rest;
}
