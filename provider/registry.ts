/**
 * The one list of resources: each resource's schema and the name under which the public entry
 * (index.ts) exports the provider the engine uses. Pure, without the providers or the AWS SDK, so
 * the schema entry and the SDK read it cheaply; the providers' factories are in providers.ts,
 * whose table the compiler holds to this list. Everything that goes over every resource (the
 * dynamic composition, the plugin, the SDK's provider module, the drift command, the harness, the
 * README's tables) reads it. Adding a resource: provider/README.md, "Adding a resource".
 */
import { authorizationSpec } from "./authorization/schema";
import { consumerSpec } from "./consumer/schema";
import { dataShareSpec } from "./datashare/schema";
import { databaseSpec } from "./database/schema";
import { grantSpec } from "./grant/schema";
import { dynamicTypeToken, packageTypeToken, type ResourceSpec } from "./core/schema";

export const RESOURCES = [
  { spec: consumerSpec, providerExport: "provider" },
  { spec: authorizationSpec, providerExport: "authorizationProvider" },
  { spec: dataShareSpec, providerExport: "dataShareProvider" },
  { spec: databaseSpec, providerExport: "databaseProvider" },
  { spec: grantSpec, providerExport: "grantProvider" },
] as const satisfies readonly { spec: ResourceSpec; providerExport: string }[];

export type RegisteredResource = (typeof RESOURCES)[number];

/** A resource's name (its schema's `name`), e.g. "DataShareConsumer". */
export type ResourceName = RegisteredResource["spec"]["name"];

/** The registry entry of one resource, by name. */
export type ResourceEntry<N extends ResourceName> = Extract<RegisteredResource, { spec: { name: N } }>;

/** Every resource's schema, in the registry's order. */
export const resourceSpecs: readonly RegisteredResource["spec"][] = RESOURCES.map((r) => r.spec);

/** Every resource's name, in the registry's order. */
export const resourceNames: readonly ResourceName[] = RESOURCES.map((r) => r.spec.name);

/** The registry entry of the resource with this name. */
export function resourceEntry<N extends ResourceName>(name: N): ResourceEntry<N> {
  return RESOURCES.find((r) => r.spec.name === name) as ResourceEntry<N>;
}

const BY_TYPE_TOKEN = new Map<string, ResourceName>(
  RESOURCES.flatMap((r) => [
    [dynamicTypeToken(r.spec), r.spec.name],
    [packageTypeToken(r.spec), r.spec.name],
  ]),
);

/** Which resource a state's type token is, in either delivery form (dynamic provider or plugin). */
export function resourceOfType(type: string | undefined): ResourceName | undefined {
  return type === undefined ? undefined : BY_TYPE_TOKEN.get(type);
}
