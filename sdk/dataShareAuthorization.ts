import * as pulumi from "@pulumi/pulumi";
import { authorizationSpec } from "../provider/authorization/schema";
import type { InputName } from "../provider/core/schema";
import { registeredProps, typeToken } from "./resourceProps";

export const DATA_SHARE_AUTHORIZATION_TYPE = typeToken(authorizationSpec);

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

  /**
   * A replacement creates first, as through the plugin; a forced one (`pulumi up --replace`) keeps
   * the authorization, and the consumer's associations, live throughout (provider/README.md,
   * "Replacement order").
   */
  constructor(name: string, args: DataShareAuthorizationArgs, opts?: pulumi.CustomResourceOptions) {
    super(DATA_SHARE_AUTHORIZATION_TYPE, name, registeredProps(authorizationSpec, args), opts);
  }
}

/** Compile-time: the Args interface names exactly the schema's inputs. */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const authorizationArgsMatchSchema: SameKeys<
  keyof DataShareAuthorizationArgs,
  InputName<typeof authorizationSpec>
> = true;
void authorizationArgsMatchSchema;
