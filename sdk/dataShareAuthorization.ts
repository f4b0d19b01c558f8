import * as pulumi from "@pulumi/pulumi";
import { providerModuleText } from "./providerModule";

export const DATA_SHARE_AUTHORIZATION_TYPE = "pulumi-nodejs:dynamic/redshift:DataShareAuthorization";

/** Inputs of a {@link DataShareAuthorization}. Run it with the producer account's credentials. */
export interface DataShareAuthorizationArgs {
  /** ARN of the producer's datashare: `arn:<partition>:redshift:<region>:<producer account>:datashare:<namespace guid>/<name>`. */
  dataShareArn: pulumi.Input<string>;
  /** The consumer: a 12-digit account ID, `ADX` (AWS Data Exchange) or `DataCatalog/<account ID>` (Lake Formation). */
  consumerIdentifier: pulumi.Input<string>;
  /** Allow the consumer to write through the datashare. Unset means read-only. Changing it re-authorizes in place. */
  allowWrites?: pulumi.Input<boolean>;
  /** AWS region for the API calls; defaults to aws:region, then AWS_REGION / AWS_DEFAULT_REGION. */
  region?: pulumi.Input<string>;
}

/** The producer's authorization of a Redshift datashare for one consumer (AuthorizeDataShare). */
export class DataShareAuthorization extends pulumi.CustomResource {
  declare public readonly dataShareArn: pulumi.Output<string>;
  declare public readonly consumerIdentifier: pulumi.Output<string>;
  declare public readonly allowWrites: pulumi.Output<boolean | undefined>;
  /** The region the authorization was made in (the calls go there). */
  declare public readonly region: pulumi.Output<string>;

  declare public readonly producerArn: pulumi.Output<string>;
  /** AUTHORIZED; ACTIVE once the consumer associated the datashare; REJECTED when the consumer declined it. */
  declare public readonly status: pulumi.Output<string>;
  declare public readonly producerAllowedWrites: pulumi.Output<boolean | undefined>;
  declare public readonly consumerAcceptedWrites: pulumi.Output<boolean | undefined>;
  declare public readonly createdDate: pulumi.Output<string>;
  declare public readonly statusChangeDate: pulumi.Output<string>;
  declare public readonly managedBy: pulumi.Output<string | undefined>;
  declare public readonly dataShareType: pulumi.Output<string | undefined>;

  constructor(name: string, args: DataShareAuthorizationArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      DATA_SHARE_AUTHORIZATION_TYPE,
      name,
      {
        __provider: providerModuleText("DataShareAuthorization"),
        dataShareArn: args.dataShareArn,
        consumerIdentifier: args.consumerIdentifier,
        allowWrites: args.allowWrites,
        region: args.region,
        producerArn: undefined,
        status: undefined,
        producerAllowedWrites: undefined,
        consumerAcceptedWrites: undefined,
        createdDate: undefined,
        statusChangeDate: undefined,
        managedBy: undefined,
        dataShareType: undefined,
      },
      opts,
    );
  }
}
