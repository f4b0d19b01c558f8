/**
 * The `__provider` text the engine stores with each resource: the by-name shim, serialized by
 * Pulumi's closure serializer at build time (scripts/serializeProviders.ts writes
 * serializedProviders.json beside this file). Shipping the text means a program never runs the
 * closure serializer, which needs TypeScript's compiler API: JavaScript projects install no
 * TypeScript, and projects on TypeScript 7 (no compiler API) work. Run from the sources (our own
 * tests), the file is absent and the shim is serialized on the spot, as a dynamic resource would.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { authorizationShim } from "./authorizationShim";
import { providerShim } from "./providerShim";

export const SERIALIZED_PROVIDERS_FILE = "serializedProviders.json";

const shims = { DataShareConsumer: providerShim, DataShareAuthorization: authorizationShim };

export type ResourceTypeName = keyof typeof shims;

let shipped: Partial<Record<ResourceTypeName, string>> | undefined;

export function serializedProvider(type: ResourceTypeName): pulumi.Input<string> {
  shipped ??= readShipped();
  return shipped[type] ?? serializeShim(type);
}

function readShipped(): Partial<Record<ResourceTypeName, string>> {
  const file = path.join(__dirname, SERIALIZED_PROVIDERS_FILE);
  return fs.existsSync(file)
    ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<ResourceTypeName, string>)
    : {};
}

/** The closure serializer's text for one shim, as `pulumi.dynamic.Resource` would store it. */
export async function serializeShim(type: ResourceTypeName): Promise<string> {
  const shim = shims[type];
  const serialized = await pulumi.runtime.serializeFunction(() => shim, { allowSecrets: true });
  if (serialized.containsSecrets) throw new Error(`the ${type} provider shim captured a secret`);
  return serialized.text;
}

/** Every shim's text, for the build step. */
export async function serializeAllShims(): Promise<Record<ResourceTypeName, string>> {
  const entries = await Promise.all(
    (Object.keys(shims) as ResourceTypeName[]).map(
      async (type) => [type, await serializeShim(type)] as const,
    ),
  );
  return Object.fromEntries(entries) as Record<ResourceTypeName, string>;
}
