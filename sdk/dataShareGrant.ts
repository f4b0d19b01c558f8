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

const spec = resourceEntry("DataShareGrant").spec;

export const DATA_SHARE_GRANT_TYPE = typeToken(spec);

/** Inputs of a {@link DataShareGrant}. The producer's grant of usage of a Redshift datashare (GRANT USAGE ON DATASHARE … TO ACCOUNT, … VIA DATA CATALOG, or TO NAMESPACE), run through the Redshift Data API in the producer database. A grant to an account is what AuthorizeDataShare (DataShareAuthorization) then authorizes. */
export interface DataShareGrantArgs {
  /** The producer's provisioned cluster the statements run on. Set this or `workgroupName`. */
  clusterIdentifier?: pulumi.Input<string>;
  /** The producer's Redshift Serverless workgroup the statements run on. Set this or `clusterIdentifier`. */
  workgroupName?: pulumi.Input<string>;
  /** The database the statements run in: the one that holds the datashare. */
  database: pulumi.Input<string>;
  /** Database user for temporary credentials (provisioned clusters only). Unset with no `secretArn`: the caller's IAM identity. */
  dbUser?: pulumi.Input<string>;
  /** ARN of a Secrets Manager secret with the database credentials. Unset with no `dbUser`: the caller's IAM identity. */
  secretArn?: pulumi.Input<string>;
  /** AWS region of the cluster or workgroup (the Data API's region); unset: the provider's. As an output, the region create used, where read, update and delete keep going when the program declares none. */
  region?: pulumi.Input<string>;
  /** The datashare's name, in lower case, as CREATE DATASHARE made it. */
  dataShareName: pulumi.Input<string>;
  /** Who gets usage: a 12-digit account ID (TO ACCOUNT), `DataCatalog/<account ID>` (TO ACCOUNT … VIA DATA CATALOG, for Lake Formation) or a consumer namespace GUID in lower case (TO NAMESPACE). */
  consumerIdentifier: pulumi.Input<string>;
}

/**
 * The producer's grant of usage of a Redshift datashare (GRANT USAGE ON DATASHARE … TO ACCOUNT, … VIA DATA CATALOG, or TO NAMESPACE), run through the Redshift Data API in the producer database. A grant to an account is what AuthorizeDataShare (DataShareAuthorization) then authorizes.
 * A Pulumi dynamic resource: the engine runs its provider in the dynamic-provider host from the
 * `__provider` text, a few lines that load this package's provider by name (providerModule.ts).
 */
export class DataShareGrant extends pulumi.CustomResource {
  /** The producer's provisioned cluster the statements run on. Set this or `workgroupName`. */
  declare public readonly clusterIdentifier: pulumi.Output<string | undefined>;
  /** The producer's Redshift Serverless workgroup the statements run on. Set this or `clusterIdentifier`. */
  declare public readonly workgroupName: pulumi.Output<string | undefined>;
  /** The database the statements run in: the one that holds the datashare. */
  declare public readonly database: pulumi.Output<string>;
  /** Database user for temporary credentials (provisioned clusters only). Unset with no `secretArn`: the caller's IAM identity. */
  declare public readonly dbUser: pulumi.Output<string | undefined>;
  /** ARN of a Secrets Manager secret with the database credentials. Unset with no `dbUser`: the caller's IAM identity. */
  declare public readonly secretArn: pulumi.Output<string | undefined>;
  /** AWS region of the cluster or workgroup (the Data API's region); unset: the provider's. As an output, the region create used, where read, update and delete keep going when the program declares none. */
  declare public readonly region: pulumi.Output<string>;
  /** The datashare's name, in lower case, as CREATE DATASHARE made it. */
  declare public readonly dataShareName: pulumi.Output<string>;
  /** Who gets usage: a 12-digit account ID (TO ACCOUNT), `DataCatalog/<account ID>` (TO ACCOUNT … VIA DATA CATALOG, for Lake Formation) or a consumer namespace GUID in lower case (TO NAMESPACE). */
  declare public readonly consumerIdentifier: pulumi.Output<string>;
  /** ARN of the datashare: what DataShareAuthorization and DataShareConsumer take. */
  declare public readonly dataShareArn: pulumi.Output<string>;

  /**
   * A replacement creates first, as through the plugin; a forced one (`pulumi up --replace`) keeps
   * what the resource holds on AWS live throughout (provider/README.md, "Replacement order").
   */
  constructor(name: string, args: DataShareGrantArgs, opts?: pulumi.CustomResourceOptions) {
    super(DATA_SHARE_GRANT_TYPE, name, registeredProps(spec, args), opts);
  }
}

/** Compile time: the declarations are the schema's, in both directions, outputs included. */
const argsMatchSchema: SameShape<DataShareGrantArgs, SdkArgs<typeof spec>> = true;
const outputsMatchSchema: SameShape<DeclaredOutputs<DataShareGrant>, SdkOutputs<typeof spec>> = true;
void argsMatchSchema;
void outputsMatchSchema;
