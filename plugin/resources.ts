/**
 * The plugin's one adapter to the provider core: every import of `provider/` lives here. The rest
 * of `plugin/` sees the resources' specs (the core's one schema per resource), the settings and
 * delegates with the dynamic-provider signatures.
 */
import type { dynamic } from "@pulumi/pulumi";
import { createAuthorizationProvider, createProvider } from "../provider";
import type { ProviderSettings } from "../provider";
import { createDescribeCoalescer } from "../provider/core/describeCoalescer";
import { authorizationSpec, consumerSpec } from "../provider/schema";
import type { ResourceSpec } from "../provider/schema";

export { authorizationSpec, consumerSpec } from "../provider/schema";
export type { PropertySpec, ResourceSpec } from "../provider/schema";
export { dynamicTypeToken, packageTypeToken } from "../provider/schema";

/** Both resources' specs, in the order the schema lists them. */
export const resourceSpecs: readonly ResourceSpec[] = [consumerSpec, authorizationSpec];

/** The provider resource's settings, as the schema declares them (also stack config `redshift-datashare:<name>`). */
export interface SettingSpec {
  type: "string" | "integer" | "number";
  description: string;
  /** The key under which the provider core reads this setting from a stack config. */
  coreKey: string;
}

export const settingSpecs: Record<string, SettingSpec> = {
  region: {
    type: "string",
    description:
      "The region for calls when a datashare ARN names none usable (calls go to the datashare's own region); " +
      "else AWS_REGION / AWS_DEFAULT_REGION.",
    coreKey: "aws:region",
  },
  profile: {
    type: "string",
    description:
      "The AWS shared-config profile whose credentials the calls use; else the SDK's default chain.",
    coreKey: "aws:profile",
  },
  endpoint: {
    type: "string",
    description:
      "The Redshift endpoint URL instead of AWS's (STS keeps the SDK's); else REDSHIFT_DATASHARE_ENDPOINT.",
    coreKey: "redshift-datashare:endpoint",
  },
  maxAttempts: {
    type: "integer",
    description:
      "Attempts per API call with the SDK's adaptive retry mode, 1 to 50; else REDSHIFT_DATASHARE_MAX_ATTEMPTS, default 10.",
    coreKey: "redshift-datashare:maxAttempts",
  },
  describeReuseSeconds: {
    type: "number",
    description:
      "How old (seconds, 0 to 60) a DescribeDataShares answer may be for a read of the same datashare to reuse it; " +
      "else REDSHIFT_DATASHARE_DESCRIBE_REUSE_SECONDS, default 5.",
    coreKey: "redshift-datashare:describeReuseSeconds",
  },
};

/** One resource's provider, with the dynamic-provider signatures (no URN). */
export interface ResourceDelegate {
  configure(req: dynamic.ConfigureRequest): Promise<void>;
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.CheckResult>;
  diff(id: string, olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.DiffResult>;
  create(inputs: Record<string, unknown>): Promise<dynamic.CreateResult>;
  read(id: string, props?: Record<string, unknown>): Promise<dynamic.ReadResult>;
  update(
    id: string,
    olds: Record<string, unknown>,
    news: Record<string, unknown>,
  ): Promise<dynamic.UpdateResult>;
  delete(id: string, props: Record<string, unknown>): Promise<void>;
}

/**
 * Options for in-process use (tests): explicit settings (endpoint, credentials…) win over what
 * `configure` hands over, exactly as for the dynamic providers; `env` replaces process.env.
 */
export interface DelegateOptions extends ProviderSettings {
  env?: Record<string, string | undefined>;
  warn?: (message: string) => void;
}

/**
 * The two resources' providers of one plugin process (one provider resource of the program). They
 * share describes, so a create or delete by either keeps the other from reusing an older answer.
 */
export function createDelegates(options: DelegateOptions = {}): Record<string, ResourceDelegate> {
  const describes = createDescribeCoalescer();
  return {
    [consumerSpec.name]: createProvider({ ...options, describes }),
    [authorizationSpec.name]: createAuthorizationProvider({ ...options, describes }),
  };
}
