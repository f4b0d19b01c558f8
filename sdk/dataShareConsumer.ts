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

const spec = resourceEntry("DataShareConsumer").spec;

export const DATA_SHARE_CONSUMER_TYPE = typeToken(spec);

/** Inputs of a {@link DataShareConsumer}. An association of a Redshift datashare with the consumer account, one namespace, or one region (AssociateDataShareConsumer). Set exactly one of associateEntireAccount, consumerArn, consumerRegion. */
export interface DataShareConsumerArgs {
  /** ARN of the producer's datashare: `arn:<partition>:redshift:<region>:<producer account>:datashare:<namespace guid>/<name>`. */
  dataShareArn: pulumi.Input<string>;
  /** Associate the datashare with the entire consumer account (every namespace, in every region). */
  associateEntireAccount?: pulumi.Input<boolean>;
  /** Associate the datashare with one namespace: provisioned `arn:…:redshift:<region>:<account>:namespace:<guid>` or serverless `arn:…:redshift-serverless:<region>:<account>:namespace/<guid>`. */
  consumerArn?: pulumi.Input<string>;
  /** Associate the datashare with every namespace of the consumer account in one region; as an output, the region AWS reports. */
  consumerRegion?: pulumi.Input<string>;
  /** Accept writes on the datashare (takes effect only where the producer authorized writes). Unset means read-only. */
  allowWrites?: pulumi.Input<boolean>;
  /** AWS region for the API calls; only the datashare's own region (the one in its ARN, the default) is allowed, the only one that answers for it. The region used is recorded: refresh and destroy keep using it. */
  region?: pulumi.Input<string>;
}

/**
 * An association of a Redshift datashare with the consumer account, one namespace, or one region (AssociateDataShareConsumer). Set exactly one of associateEntireAccount, consumerArn, consumerRegion.
 * A Pulumi dynamic resource: the engine runs its provider in the dynamic-provider host from the
 * `__provider` text, a few lines that load this package's provider by name (providerModule.ts).
 */
export class DataShareConsumer extends pulumi.CustomResource {
  /** ARN of the producer's datashare: `arn:<partition>:redshift:<region>:<producer account>:datashare:<namespace guid>/<name>`. */
  declare public readonly dataShareArn: pulumi.Output<string>;
  /** Associate the datashare with the entire consumer account (every namespace, in every region). */
  declare public readonly associateEntireAccount: pulumi.Output<boolean | undefined>;
  /** Associate the datashare with one namespace: provisioned `arn:…:redshift:<region>:<account>:namespace:<guid>` or serverless `arn:…:redshift-serverless:<region>:<account>:namespace/<guid>`. */
  declare public readonly consumerArn: pulumi.Output<string | undefined>;
  /** Associate the datashare with every namespace of the consumer account in one region; as an output, the region AWS reports. */
  declare public readonly consumerRegion: pulumi.Output<string | undefined>;
  /** Accept writes on the datashare (takes effect only where the producer authorized writes). Unset means read-only. */
  declare public readonly allowWrites: pulumi.Output<boolean | undefined>;
  /** AWS region for the API calls; only the datashare's own region (the one in its ARN, the default) is allowed, the only one that answers for it. The region used is recorded: refresh and destroy keep using it. */
  declare public readonly region: pulumi.Output<string | undefined>;
  /** ARN of the producer namespace. */
  declare public readonly producerArn: pulumi.Output<string>;
  /** Whether the datashare may be shared with publicly accessible clusters. */
  declare public readonly allowPubliclyAccessibleConsumers: pulumi.Output<boolean>;
  /** The service that manages the datashare, if any, e.g. ADX. */
  declare public readonly managedBy: pulumi.Output<string | undefined>;
  /** The datashare's type, as AWS reports it. */
  declare public readonly dataShareType: pulumi.Output<string | undefined>;
  /** ACTIVE when the association works; DEAUTHORIZED or REJECTED after producer or consumer action. */
  declare public readonly status: pulumi.Output<string>;
  /** The consumer AWS reports: the account ID or the namespace ARN. */
  declare public readonly consumerIdentifier: pulumi.Output<string>;
  /** When the association was made. */
  declare public readonly createdDate: pulumi.Output<string>;
  /** When its status last changed. */
  declare public readonly statusChangeDate: pulumi.Output<string>;
  /** Whether the producer authorized writes. */
  declare public readonly producerAllowedWrites: pulumi.Output<boolean | undefined>;
  /** Whether this association accepts writes. */
  declare public readonly consumerAcceptedWrites: pulumi.Output<boolean | undefined>;

  /**
   * A replacement creates first, as through the plugin; a forced one (`pulumi up --replace`) keeps
   * what the resource holds on AWS live throughout (provider/README.md, "Replacement order").
   */
  constructor(name: string, args: DataShareConsumerArgs, opts?: pulumi.CustomResourceOptions) {
    super(DATA_SHARE_CONSUMER_TYPE, name, registeredProps(spec, args), opts);
  }
}

/** Compile time: the declarations are the schema's, in both directions, outputs included. */
const argsMatchSchema: SameShape<DataShareConsumerArgs, SdkArgs<typeof spec>> = true;
const outputsMatchSchema: SameShape<DeclaredOutputs<DataShareConsumer>, SdkOutputs<typeof spec>> = true;
void argsMatchSchema;
void outputsMatchSchema;
