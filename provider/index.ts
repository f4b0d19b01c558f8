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

// The AWS SDK warns on Node.js 20 that its releases after January 2027 need Node.js 22. This
// package pins its SDK version, so the warning concerns nothing users run; in the provider host it
// would print into every `pulumi up`. An explicit setting of the variable is respected.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";

/** One set of shared describes and one claim registry for both providers of the host. */
const describes = createDescribeCoalescer();
const claims = createClaimRegistry();

/** The provider the engine uses: settings from `configure` (stack config) and the environment. */
export const provider = createProvider({ describes, claims });

/** The DataShareAuthorization provider the engine uses (sdk/providerModule.ts loads it); same settings. */
export const authorizationProvider = createAuthorizationProvider({ describes, claims });

export { createProvider, createAuthorizationProvider };
export { consumerSpec } from "./consumer/schema";
export { authorizationSpec } from "./authorization/schema";
export type { PropertySpec, ResourceSpec } from "./core/schema";
export { dynamicTypeToken, packageTypeToken } from "./core/schema";
export type { DataShareConsumerProvider, ProviderOptions, StoredProps } from "./consumer/provider";
export type { ProviderOptionsFor } from "./core/runtime";
export type {
  AuthorizationProviderOptions,
  DataShareAuthorizationProvider,
  StoredAuthorization,
} from "./authorization/provider";

export { checkInputs } from "./consumer/check";
export type { CheckFailure, CheckResult } from "./core/check";
export { diffAssociation } from "./consumer/diff";
export type { DiffRequest } from "./consumer/diff";
export type { DiffResult } from "./core/diff";
export { formatId, parseId, keyFromInputs, inputsFromKey } from "./consumer/id";
export { matchAssociation, collectEvidence } from "./consumer/find";
export type { MatchResult } from "./consumer/find";
export {
  AwsCallError,
  ConfigurationError,
  DataShareFailure,
  ExplainedError,
  InvalidInputsError,
  IncompleteListingError,
} from "./core/errors";
export type { FailureKind } from "./core/errors";
export {
  DataShareConsumerError,
  InvalidIdError,
  mapAssociateFailure,
  mapAwsFailure,
} from "./consumer/errors";
export { resolveSettings, readStackConfig, CONFIG_KEYS } from "./core/config";
export type { AwsCredentials, ProviderSettings, StackConfig } from "./core/config";
export { createRedshiftApi } from "./core/redshiftApi";
export type { ClientSettings, ConsumerApi, ProducerApi, RedshiftApi } from "./core/redshiftApi";
export { explainAbsence, explainGoneAssociation, lookUpAssociation } from "./consumer/absence";
export type { Absence, AssociationLookup, LookupSettings } from "./consumer/absence";
export {
  associationStatus,
  authorizationState,
  LIVE_ASSOCIATION_STATUS,
  LIVE_AUTHORIZATION_STATUS,
} from "./core/statuses";
export { dataShareIdentity, sameDataShare } from "./core/identity";
export * from "./core/types";
export * from "./consumer/types";

export { checkAuthorizationInputs } from "./authorization/check";
export { diffAuthorization } from "./authorization/diff";
export { findAuthorization } from "./authorization/find";
export { formatId as formatAuthorizationId, parseId as parseAuthorizationId } from "./authorization/id";
export { DataShareAuthorizationError, InvalidAuthorizationIdError } from "./authorization/errors";
export type * from "./authorization/types";
