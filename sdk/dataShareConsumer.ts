import * as pulumi from "@pulumi/pulumi";
import { providerModuleText } from "./providerModule";

export const DATA_SHARE_CONSUMER_TYPE = "pulumi-nodejs:dynamic/redshift:DataShareConsumer";

/**
 * The properties a DataShareConsumer declares besides its inputs: the provider fills them in.
 * Exported so that a floor with the same shape (the benchmark's no-op) declares the same list.
 */
export const DATA_SHARE_CONSUMER_OUTPUTS = [
  "producerArn",
  "allowPubliclyAccessibleConsumers",
  "managedBy",
  "dataShareType",
  "status",
  "consumerIdentifier",
  "createdDate",
  "statusChangeDate",
  "producerAllowedWrites",
  "consumerAcceptedWrites",
] as const;

/** The inputs a DataShareConsumer declares, in the order it registers them. */
export const DATA_SHARE_CONSUMER_INPUTS = [
  "dataShareArn",
  "associateEntireAccount",
  "consumerArn",
  "consumerRegion",
  "allowWrites",
  "region",
] as const;

/** Inputs of a {@link DataShareConsumer}. Set exactly one of associateEntireAccount, consumerArn, consumerRegion. */
export interface DataShareConsumerArgs {
  /** ARN of the datashare: `arn:<partition>:redshift:<region>:<producer account>:datashare:<namespace guid>/<name>`. */
  dataShareArn: pulumi.Input<string>;
  /** Associate the datashare with the entire consumer account (all namespaces, all regions). */
  associateEntireAccount?: pulumi.Input<boolean>;
  /** Associate the datashare with one namespace (provisioned or serverless namespace ARN). */
  consumerArn?: pulumi.Input<string>;
  /** Associate the datashare with every namespace in one region. */
  consumerRegion?: pulumi.Input<string>;
  /** Accept writes on the datashare (the producer must have authorized writes). Unset means read-only. */
  allowWrites?: pulumi.Input<boolean>;
  /**
   * AWS region for the API calls; defaults to aws:region, then AWS_REGION / AWS_DEFAULT_REGION. The
   * region used is recorded: refresh and destroy keep using it, and a new default shows in preview
   * as an in-place update of `region` (the association itself does not depend on it).
   */
  region?: pulumi.Input<string>;
}

/**
 * An association of a Redshift datashare with the consumer account, one namespace, or one region.
 * A Pulumi dynamic resource: the engine runs its provider in the dynamic-provider host from the
 * `__provider` text, a few lines that load this package's provider by name (providerModule.ts).
 */
export class DataShareConsumer extends pulumi.CustomResource {
  declare public readonly dataShareArn: pulumi.Output<string>;
  declare public readonly associateEntireAccount: pulumi.Output<boolean | undefined>;
  declare public readonly consumerArn: pulumi.Output<string | undefined>;
  declare public readonly allowWrites: pulumi.Output<boolean | undefined>;
  declare public readonly region: pulumi.Output<string | undefined>;

  declare public readonly producerArn: pulumi.Output<string>;
  declare public readonly allowPubliclyAccessibleConsumers: pulumi.Output<boolean>;
  declare public readonly managedBy: pulumi.Output<string | undefined>;
  declare public readonly dataShareType: pulumi.Output<string | undefined>;
  /** ACTIVE when the association works; DEAUTHORIZED or REJECTED after producer or consumer action. */
  declare public readonly status: pulumi.Output<string>;
  declare public readonly consumerIdentifier: pulumi.Output<string>;
  declare public readonly consumerRegion: pulumi.Output<string | undefined>;
  declare public readonly createdDate: pulumi.Output<string>;
  declare public readonly statusChangeDate: pulumi.Output<string>;
  declare public readonly producerAllowedWrites: pulumi.Output<boolean | undefined>;
  declare public readonly consumerAcceptedWrites: pulumi.Output<boolean | undefined>;

  constructor(name: string, args: DataShareConsumerArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      DATA_SHARE_CONSUMER_TYPE,
      name,
      {
        __provider: providerModuleText("DataShareConsumer"),
        dataShareArn: args.dataShareArn,
        associateEntireAccount: args.associateEntireAccount,
        consumerArn: args.consumerArn,
        consumerRegion: args.consumerRegion,
        allowWrites: args.allowWrites,
        region: args.region,
        ...Object.fromEntries(DATA_SHARE_CONSUMER_OUTPUTS.map((name) => [name, undefined])),
      },
      opts,
    );
  }
}
