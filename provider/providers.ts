/**
 * The one composition of the resources' providers, used by the public entry (index.ts: the
 * providers of the dynamic-provider host) and by the plugin (plugin/resources.ts: one set per
 * provider resource of a program). The factory table is held by the compiler to the registry
 * (registry.ts): a resource in the registry without a factory here does not compile.
 */
import { createAuthorizationProvider } from "./authorization/provider";
import { createClaimRegistry } from "./core/claims";
import { createDescribeCoalescer } from "./core/describeCoalescer";
import type { ProviderOptionsFor } from "./core/runtime";
import { createProvider } from "./consumer/provider";
import { createDataShareProvider } from "./datashare/provider";
import { createDatabaseProvider } from "./database/provider";
import { createGrantProvider } from "./grant/provider";
import { resourceNames, type ResourceName } from "./registry";

const FACTORIES = {
  DataShareConsumer: createProvider,
  DataShareAuthorization: createAuthorizationProvider,
  DataShare: createDataShareProvider,
  DataShareDatabase: createDatabaseProvider,
  DataShareGrant: createGrantProvider,
} satisfies { [N in ResourceName]: (options: SharedOptions) => unknown };

/** Options every resource's provider takes (no resource's own AWS adapter). */
export type SharedOptions = Omit<ProviderOptionsFor<unknown>, "apiFactory">;

/** One provider per resource, by name. */
export type ResourceProviders = { [N in ResourceName]: ReturnType<(typeof FACTORIES)[N]> };

/**
 * One provider per resource, sharing one set of describes and one claim registry (unless the
 * options bring theirs): a create or delete by either keeps the other from reusing an older
 * describe of that datashare, and claims are kept per resource inside the one registry.
 */
export function createProviders(options: SharedOptions = {}): ResourceProviders {
  const shared: SharedOptions = {
    ...options,
    describes: options.describes ?? createDescribeCoalescer(),
    claims: options.claims ?? createClaimRegistry(),
  };
  return Object.fromEntries(
    resourceNames.map((name) => [name, FACTORIES[name](shared)]),
  ) as ResourceProviders;
}
