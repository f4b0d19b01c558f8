/**
 * `pulumi-redshift-datashare/provider`: the DataShareConsumer provider. Each resource's `__provider`
 * text (sdk/providerModule.ts) requires this module by name in the provider host and hands the
 * engine `provider` (DataShareConsumer) or `authorizationProvider` (DataShareAuthorization).
 */
import { createAuthorizationProvider } from "./authorization/provider";
import { createDescribeCoalescer } from "./describeCoalescer";
import { createProvider } from "./provider";

// The AWS SDK warns on Node.js 20 that its releases after January 2027 need Node.js 22. This
// package pins its SDK version, so the warning concerns nothing users run; in the provider host it
// would print into every `pulumi up`. An explicit setting of the variable is respected.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** One set of shared describes for both providers of the host (see ProviderOptions.describes). */
const describes = createDescribeCoalescer();

/** The provider the engine uses: settings from `configure` (stack config) and the environment. */
export const provider = createProvider({ describes });

export { createProvider };
export type { DataShareConsumerProvider, ProviderOptions, StoredProps } from "./provider";
export { checkInputs } from "./check";
export type { CheckFailure, CheckResult } from "./check";
export { diffAssociation } from "./diff";
export type { DiffRequest, DiffResult } from "./diff";
export { formatId, parseId, keyFromInputs, inputsFromKey } from "./id";
export { matchAssociation, collectEvidence } from "./find";
export type { MatchResult } from "./find";
export {
  AwsCallError,
  ConfigurationError,
  DataShareConsumerError,
  InvalidIdError,
  InvalidInputsError,
  mapAssociateFailure,
  mapAwsFailure,
} from "./errors";
export type { FailureKind } from "./errors";
export { resolveSettings, readStackConfig, CONFIG_KEYS } from "./config";
export type { AwsCredentials, ProviderSettings, StackConfig } from "./config";
export { createRedshiftApi } from "./redshiftApi";
export { explainAbsence, explainGoneAssociation, lookUpAssociation } from "./absence";
export type { Absence, AssociationLookup, LookupSettings } from "./absence";
export type { ClientSettings, RedshiftApi } from "./redshiftApi";
export * from "./types";

/** The DataShareAuthorization provider the engine uses (sdk/providerModule.ts loads it); same settings. */
export const authorizationProvider = createAuthorizationProvider({ describes });

export { createAuthorizationProvider };
export type {
  AuthorizationProviderOptions,
  DataShareAuthorizationProvider,
  StoredAuthorization,
} from "./authorization/provider";
export { checkAuthorizationInputs } from "./authorization/check";
export { diffAuthorization } from "./authorization/diff";
export { findAuthorization } from "./authorization/find";
export { formatId as formatAuthorizationId, parseId as parseAuthorizationId } from "./authorization/id";
export {
  DataShareAuthorizationError,
  InvalidAuthorizationIdError,
  InvalidAuthorizationInputsError,
} from "./authorization/errors";
export type * from "./authorization/types";
export type { ProducerApi } from "./redshiftApi";
