/**
 * `pulumi-redshift-datashare/provider`: both resource providers. Each resource's `__provider`
 * text (sdk/providerModule.ts) requires this module by name in the provider host and hands the
 * engine `provider` (DataShareConsumer) or `authorizationProvider` (DataShareAuthorization).
 * Layout: core/ (what both share), consumer/ and authorization/ (siblings on the core).
 */
import { createAuthorizationProvider } from "./authorization/provider";
import { createClaimRegistry } from "./core/claims";
import { createDescribeCoalescer } from "./core/describeCoalescer";
import { createProvider } from "./consumer/provider";

// The AWS SDK warns on Node.js 20 that its releases after January 2027 need Node.js 22. The
// warning is about the Node.js version, not anything this provider does, and in the provider host
// it would print into every `pulumi up`. An explicit setting of the variable is respected.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** One set of shared describes and one claim registry for both providers of the host. */
const describes = createDescribeCoalescer();
const claims = createClaimRegistry();

/** The provider the engine uses: settings from `configure` (stack config) and the environment. */
export const provider = createProvider({ describes, claims });

/** The DataShareAuthorization provider the engine uses (sdk/providerModule.ts loads it); same settings. */
export const authorizationProvider = createAuthorizationProvider({ describes, claims });

// The public entry is this list and nothing else (test/provider/publicEntry.test.ts holds it to
// provider/README.md). Code inside the package imports the modules it needs directly.
export { createProvider, createAuthorizationProvider };
export type { DataShareConsumerProvider, ProviderOptions, StoredProps } from "./consumer/provider";
export type {
  AuthorizationProviderOptions,
  DataShareAuthorizationProvider,
  StoredAuthorization,
} from "./authorization/provider";
export type { AwsCredentials, ProviderSettings } from "./core/config";
export { consumerSpec } from "./consumer/schema";
export { authorizationSpec } from "./authorization/schema";
