/**
 * Picks the registry's resources (DataShareConsumer, DataShareAuthorization) out of a refresh's
 * engine events, in either delivery form. Pure: the events are the lines of
 * `pulumi refresh --event-log`; every other resource type is ignored.
 */
import {
  authorizationSpec,
  consumerSpec,
  dynamicTypeToken,
  packageTypeToken,
  resourceNames,
  resourceOfType,
  type ResourceName,
} from "../../provider/schema";
import { EngineEvent, StepState } from "../pulumi/engineEvents";
import { ResourceState } from "./findDrift";

export type { EngineEvent } from "../pulumi/engineEvents";

export const DATASHARE_CONSUMER_TYPE = dynamicTypeToken(consumerSpec);
export const DATASHARE_AUTHORIZATION_TYPE = dynamicTypeToken(authorizationSpec);

/** The resource types the drift check reads, by the short name the report uses (the schema's name). */
export type DriftResourceType = ResourceName;

/** The same resources served by the provider plugin (plugin/), reported alike. */
export const PLUGIN_CONSUMER_TYPE = packageTypeToken(consumerSpec);
export const PLUGIN_AUTHORIZATION_TYPE = packageTypeToken(authorizationSpec);

/** Which of the checked resources a state's type token is, if any (the registry's, either form). */
export function checkedType(type: string | undefined): DriftResourceType | undefined {
  return resourceOfType(type);
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
  /** The registry's resources among them, by name, whichever delivery form serves them. */
  byType: Record<DriftResourceType, number>;
}

/** How many resources the refresh read, from its events (one resOutputsEvent per resource). */
export function countRefreshed(events: readonly EngineEvent[]): ResourceCounts {
  const types = new Map<string, string>();
  for (const event of events) {
    const meta = event.resOutputsEvent?.metadata;
    if (meta) types.set(meta.urn, meta.type);
  }
  const all = [...types.values()];
  const byType = Object.fromEntries(resourceNames.map((name) => [name, 0])) as Record<
    DriftResourceType,
    number
  >;
  for (const type of all) {
    const name = checkedType(type);
    if (name !== undefined) byType[name] += 1;
  }
  return {
    all: all.filter((t) => t !== "pulumi:pulumi:Stack" && !t.startsWith("pulumi:providers:")).length,
    byType,
  };
}

/** The counts in the progress line's words: `<all> resources, <n> <Name>, …` in the registry's order. */
export function describeCounts(counts: ResourceCounts): string {
  return [`${counts.all} resources`, ...resourceNames.map((name) => `${counts.byType[name]} ${name}`)].join(
    ", ",
  );
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
