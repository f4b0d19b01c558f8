// Generated from the resource registry (provider/registry.ts) by `npm run docs:generate`; do not edit.
import * as pulumi from "@pulumi/pulumi";
import { resourceEntry } from "../provider/registry";
import {
  registeredProps,
  typeToken,
  type DeclaredOutputs,
  type SameShape,
  type SdkArgs,
  type SdkOutputs,
} from "./resourceProps";

const spec = resourceEntry("DataShareAuthorization").spec;

export const DATA_SHARE_AUTHORIZATION_TYPE = typeToken(spec);

/** Inputs of a {@link DataShareAuthorization}. The producer's authorization of a Redshift datashare for one consumer (AuthorizeDataShare). Run it with the producer account's credentials. */
export interface DataShareAuthorizationArgs {
  /** ARN of the producer's datashare: `arn:<partition>:redshift:<region>:<producer account>:datashare:<namespace guid>/<name>`. */
  dataShareArn: pulumi.Input<string>;
  /** The consumer: a 12-digit account ID, `ADX` (AWS Data Exchange) or `DataCatalog/<account ID>` (Lake Formation, for a datashare published to the Glue Data Catalog). */
  consumerIdentifier: pulumi.Input<string>;
  /** Allow the consumer to write through the datashare. Unset means read-only. Changing it re-authorizes in place. */
  allowWrites?: pulumi.Input<boolean>;
  /** AWS region for the API calls; only the datashare's own region (the one in its ARN, the default) is allowed. As an output, the region the calls go to. */
  region?: pulumi.Input<string>;
}

/**
 * The producer's authorization of a Redshift datashare for one consumer (AuthorizeDataShare). Run it with the producer account's credentials.
 * A Pulumi dynamic resource: the engine runs its provider in the dynamic-provider host from the
 * `__provider` text, a few lines that load this package's provider by name (providerModule.ts).
 */
export class DataShareAuthorization extends pulumi.CustomResource {
  /** ARN of the producer's datashare: `arn:<partition>:redshift:<region>:<producer account>:datashare:<namespace guid>/<name>`. */
  declare public readonly dataShareArn: pulumi.Output<string>;
  /** The consumer: a 12-digit account ID, `ADX` (AWS Data Exchange) or `DataCatalog/<account ID>` (Lake Formation, for a datashare published to the Glue Data Catalog). */
  declare public readonly consumerIdentifier: pulumi.Output<string>;
  /** Allow the consumer to write through the datashare. Unset means read-only. Changing it re-authorizes in place. */
  declare public readonly allowWrites: pulumi.Output<boolean | undefined>;
  /** AWS region for the API calls; only the datashare's own region (the one in its ARN, the default) is allowed. As an output, the region the calls go to. */
  declare public readonly region: pulumi.Output<string>;
  /** ARN of the producer namespace. */
  declare public readonly producerArn: pulumi.Output<string>;
  /** AUTHORIZED; ACTIVE once the consumer associated the datashare; REJECTED when the consumer declined it. */
  declare public readonly status: pulumi.Output<string>;
  /** Whether the producer allows writes. */
  declare public readonly producerAllowedWrites: pulumi.Output<boolean | undefined>;
  /** Whether the consumer's association accepts writes. */
  declare public readonly consumerAcceptedWrites: pulumi.Output<boolean | undefined>;
  /** When the authorization was made. */
  declare public readonly createdDate: pulumi.Output<string>;
  /** When its status last changed. */
  declare public readonly statusChangeDate: pulumi.Output<string>;
  /** The service that manages the datashare, if any, e.g. ADX. */
  declare public readonly managedBy: pulumi.Output<string | undefined>;
  /** The datashare's type, as AWS reports it. */
  declare public readonly dataShareType: pulumi.Output<string | undefined>;

  /**
   * A replacement creates first, as through the plugin; a forced one (`pulumi up --replace`) keeps
   * what the resource holds on AWS live throughout (provider/README.md, "Replacement order").
   */
  constructor(name: string, args: DataShareAuthorizationArgs, opts?: pulumi.CustomResourceOptions) {
    super(DATA_SHARE_AUTHORIZATION_TYPE, name, registeredProps(spec, args), opts);
  }
}

/** Compile time: the declarations are the schema's, in both directions, outputs included. */
const argsMatchSchema: SameShape<DataShareAuthorizationArgs, SdkArgs<typeof spec>> = true;
const outputsMatchSchema: SameShape<DeclaredOutputs<DataShareAuthorization>, SdkOutputs<typeof spec>> = true;
void argsMatchSchema;
void outputsMatchSchema;
