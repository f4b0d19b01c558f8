/**
 * `pulumi-redshift-datashare/provider`: the resources' providers. Each resource's `__provider`
 * text (sdk/providerModule.ts) requires this module by name in the provider host and hands the
 * engine the export its registry entry names (registry.ts): `provider` (DataShareConsumer),
 * `authorizationProvider` (DataShareAuthorization), `dataShareProvider` (DataShare),
 * `databaseProvider` (DataShareDatabase) or `grantProvider` (DataShareGrant).
 * Layout: core/ (what both share), consumer/ and authorization/ (siblings on the core).
 */
import { createAuthorizationProvider } from "./authorization/provider";
import { createProvider } from "./consumer/provider";
import { createDataShareProvider } from "./datashare/provider";
import { createDatabaseProvider } from "./database/provider";
import { createGrantProvider } from "./grant/provider";
import { createProviders } from "./providers";

// The AWS SDK warns on Node.js 20 that its releases after January 2027 need Node.js 22. The
// warning is about the Node.js version, not anything this provider does, and in the provider host
// it would print into every `pulumi up`. An explicit setting of the variable is respected.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/**
 * The providers the engine uses, one set per host (one set of shared describes and one claim
 * registry): settings from `configure` (stack config) and the environment.
 */
const hostProviders = createProviders();

/** The DataShareConsumer provider the engine uses. */
export const provider = hostProviders.DataShareConsumer;

/** The DataShareAuthorization provider the engine uses (sdk/providerModule.ts loads it); same settings. */
export const authorizationProvider = hostProviders.DataShareAuthorization;

/** The DataShare provider the engine uses; same settings. */
export const dataShareProvider = hostProviders.DataShare;

/** The DataShareDatabase provider the engine uses; same settings. */
export const databaseProvider = hostProviders.DataShareDatabase;

/** The DataShareGrant provider the engine uses; same settings. */
export const grantProvider = hostProviders.DataShareGrant;

// The public entry is this list and nothing else (test/provider/publicEntry.test.ts holds it to
// provider/README.md). Code inside the package imports the modules it needs directly.
export {
  createProvider,
  createAuthorizationProvider,
  createDataShareProvider,
  createDatabaseProvider,
  createGrantProvider,
};
export type { DataShareConsumerProvider, ProviderOptions, StoredProps } from "./consumer/provider";
export type {
  AuthorizationProviderOptions,
  DataShareAuthorizationProvider,
  StoredAuthorization,
} from "./authorization/provider";
export type { DataShareProvider, DataShareProviderOptions, StoredDataShare } from "./datashare/provider";
export type { DatabaseProviderOptions, DataShareDatabaseProvider, StoredDatabase } from "./database/provider";
export type { AwsCredentials, ProviderSettings } from "./core/config";
export { consumerSpec } from "./consumer/schema";
export { authorizationSpec } from "./authorization/schema";
export { dataShareSpec } from "./datashare/schema";
export { databaseSpec } from "./database/schema";
export type { DataShareGrantProvider, GrantProviderOptions, StoredGrant } from "./grant/provider";
export { grantSpec } from "./grant/schema";
