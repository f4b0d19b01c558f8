/**
 * The plugin's one adapter to the provider core: every import of `provider/` lives here, so the
 * merge with the core's restructuring (provider/core/, provider/consumer/, provider/authorization/)
 * touches this file only. The rest of `plugin/` sees specs, tokens and delegates with the
 * dynamic-provider signatures.
 */
import type { dynamic } from "@pulumi/pulumi";
import { createAuthorizationProvider, createProvider } from "../provider";
import type { ProviderSettings } from "../provider";
import { createDescribeCoalescer } from "../provider/describeCoalescer";

// ---- MERGE: replace from here to "END MERGE" by the core's imports:
//   import type { PropertySpec, ResourceSpec } from "../provider/core/schema";
//   import { consumerSpec, authorizationSpec } from "../provider";
// and the token helpers from provider/core/schema.ts. Until then the two specs are written here, in
// exactly the shape the core will export, from sdk/, provider/types.ts, provider/authorization/types.ts
// and the README.

export interface PropertySpec {
  type: "string" | "boolean";
  description: string;
  input?: { required?: boolean };
  output: boolean;
  secret?: boolean;
}

export interface ResourceSpec {
  name: string;
  description: string;
  properties: Record<string, PropertySpec>;
}

const DATASHARE_ARN_FORM =
  "`arn:<partition>:redshift:<region>:<producer account>:datashare:<namespace guid>/<name>`";

export const consumerSpec: ResourceSpec = {
  name: "DataShareConsumer",
  description:
    "An association of a Redshift datashare with the consumer account, one namespace, or every namespace of one " +
    "region (AssociateDataShareConsumer). Set exactly one of associateEntireAccount, consumerArn and consumerRegion. " +
    "Import ID: `<dataShareArn>,account`, `<dataShareArn>,namespace,<consumerArn>`, `<dataShareArn>,region,<consumerRegion>` " +
    "(a fourth part is the API region), or Terraform's `<dataShareArn>,<true|>,<consumerArn>,<consumerRegion>`.",
  properties: {
    dataShareArn: {
      type: "string",
      description: `ARN of the datashare: ${DATASHARE_ARN_FORM}.`,
      input: { required: true },
      output: true,
    },
    associateEntireAccount: {
      type: "boolean",
      description: "Associate the datashare with the entire consumer account (all namespaces, all regions).",
      input: {},
      output: true,
    },
    consumerArn: {
      type: "string",
      description: "Associate the datashare with one namespace (provisioned or serverless namespace ARN).",
      input: {},
      output: true,
    },
    consumerRegion: {
      type: "string",
      description: "Associate the datashare with every namespace in one region.",
      input: {},
      output: true,
    },
    allowWrites: {
      type: "boolean",
      description:
        "Accept writes on the datashare (the producer must have authorized writes). Unset means read-only.",
      input: {},
      output: true,
    },
    region: {
      type: "string",
      description:
        "AWS region for the API calls; only the datashare's own region (the one in its ARN, the default) is allowed. " +
        "The region used is recorded: refresh and destroy keep using it.",
      input: {},
      output: true,
    },
    producerArn: { type: "string", description: "The producer namespace's ARN.", output: true },
    allowPubliclyAccessibleConsumers: {
      type: "boolean",
      description: "Whether the datashare may be associated with publicly accessible consumers.",
      output: true,
    },
    managedBy: {
      type: "string",
      description: "The service that manages the datashare, if any.",
      output: true,
    },
    dataShareType: { type: "string", description: "The datashare's type (e.g. INTERNAL).", output: true },
    status: {
      type: "string",
      description:
        "ACTIVE when the association works; DEAUTHORIZED or REJECTED after producer or consumer action.",
      output: true,
    },
    consumerIdentifier: {
      type: "string",
      description: "The consumer the association names (account ID or namespace ARN).",
      output: true,
    },
    createdDate: { type: "string", description: "When the association was made.", output: true },
    statusChangeDate: {
      type: "string",
      description: "When the association's status last changed.",
      output: true,
    },
    producerAllowedWrites: {
      type: "boolean",
      description: "Whether the producer authorized writes.",
      output: true,
    },
    consumerAcceptedWrites: {
      type: "boolean",
      description: "Whether the consumer accepted writes.",
      output: true,
    },
  },
};

export const authorizationSpec: ResourceSpec = {
  name: "DataShareAuthorization",
  description:
    "The producer's authorization of a Redshift datashare for one consumer (AuthorizeDataShare). Run it with the " +
    "producer account's credentials. Import ID: `<dataShareArn>,<consumerIdentifier>` (Terraform's form).",
  properties: {
    dataShareArn: {
      type: "string",
      description: `ARN of the producer's datashare: ${DATASHARE_ARN_FORM}.`,
      input: { required: true },
      output: true,
    },
    consumerIdentifier: {
      type: "string",
      description:
        "The consumer: a 12-digit account ID, `ADX` (AWS Data Exchange) or `DataCatalog/<account ID>` (Lake Formation).",
      input: { required: true },
      output: true,
    },
    allowWrites: {
      type: "boolean",
      description:
        "Allow the consumer to write through the datashare. Unset means read-only. Changing it re-authorizes in place.",
      input: {},
      output: true,
    },
    region: {
      type: "string",
      description:
        "AWS region for the API calls; only the datashare's own region (the one in its ARN, the default) is allowed.",
      input: {},
      output: true,
    },
    producerArn: { type: "string", description: "The producer namespace's ARN.", output: true },
    status: {
      type: "string",
      description:
        "AUTHORIZED; ACTIVE once the consumer associated the datashare; REJECTED when the consumer declined it.",
      output: true,
    },
    producerAllowedWrites: {
      type: "boolean",
      description: "Whether the producer authorized writes.",
      output: true,
    },
    consumerAcceptedWrites: {
      type: "boolean",
      description: "Whether the consumer accepted writes.",
      output: true,
    },
    createdDate: { type: "string", description: "When the authorization was made.", output: true },
    statusChangeDate: { type: "string", description: "When the status last changed.", output: true },
    managedBy: {
      type: "string",
      description: "The service that manages the datashare, if any.",
      output: true,
    },
    dataShareType: { type: "string", description: "The datashare's type (e.g. INTERNAL).", output: true },
  },
};

/** The dynamic provider's type token of a resource (what its state records). */
export const dynamicToken = (name: string): string => `pulumi-nodejs:dynamic/redshift:${name}`;

/** The plugin package's type token of a resource. */
export const packageToken = (name: string): string => `redshift-datashare:index:${name}`;

// ---- END MERGE

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
