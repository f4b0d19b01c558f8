import * as pulumi from "@pulumi/pulumi";
import { consumerSpec } from "../provider/consumer/schema";
import type { InputName } from "../provider/core/schema";
import { registeredProps, typeToken } from "./resourceProps";

export const DATA_SHARE_CONSUMER_TYPE = typeToken(consumerSpec);

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

  /**
   * A replacement creates first, as through the plugin; a forced one (`pulumi up --replace`) keeps
   * the association live throughout (provider/README.md, "Replacement order").
   */
  constructor(name: string, args: DataShareConsumerArgs, opts?: pulumi.CustomResourceOptions) {
    super(DATA_SHARE_CONSUMER_TYPE, name, registeredProps(consumerSpec, args), opts);
  }
}

/** Compile-time: the Args interface names exactly the schema's inputs. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const consumerArgsMatchSchema: SameKeys<keyof DataShareConsumerArgs, InputName<typeof consumerSpec>> = true;
void consumerArgsMatchSchema;
