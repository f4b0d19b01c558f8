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

const spec = resourceEntry("DataShareDatabase").spec;

export const DATA_SHARE_DATABASE_TYPE = typeToken(spec);

/** Inputs of a {@link DataShareDatabase}. A consumer database made from an associated Redshift datashare (SQL `CREATE DATABASE … FROM DATASHARE`), run through the Redshift Data API on the consumer's cluster or workgroup. Set exactly one of clusterIdentifier and workgroupName. */
export interface DataShareDatabaseArgs {
  /** The database to create (a Redshift identifier, lower case). Changing it replaces the database. */
  name: pulumi.Input<string>;
  /** ARN of the producer's datashare the database is made from, already associated with the consumer (DataShareConsumer). A database cannot be re-pointed: changing it replaces the database. */
  dataShareArn: pulumi.Input<string>;
  /** Create the database `WITH PERMISSIONS` (users need object-level grants to query it). Changing it replaces the database. */
  withPermissions?: pulumi.Input<boolean>;
  /** The consumer's provisioned cluster the statements run on. Set this or `workgroupName`. */
  clusterIdentifier?: pulumi.Input<string>;
  /** The consumer's Redshift Serverless workgroup the statements run on. Set this or `clusterIdentifier`. */
  workgroupName?: pulumi.Input<string>;
  /** An existing database of the consumer to connect to, e.g. `dev`; not the one being created. */
  database: pulumi.Input<string>;
  /** Database user for temporary credentials (provisioned clusters only). Unset with no `secretArn`: the caller's IAM identity. */
  dbUser?: pulumi.Input<string>;
  /** ARN of a Secrets Manager secret with the database credentials. Unset with no `dbUser`: the caller's IAM identity. */
  secretArn?: pulumi.Input<string>;
  /** AWS region of the cluster or workgroup (the Data API's region); unset: the provider's. As an output, the region create used, where read, update and delete keep going when the program declares none. */
  region?: pulumi.Input<string>;
}

/**
 * A consumer database made from an associated Redshift datashare (SQL `CREATE DATABASE … FROM DATASHARE`), run through the Redshift Data API on the consumer's cluster or workgroup. Set exactly one of clusterIdentifier and workgroupName.
 * A Pulumi dynamic resource: the engine runs its provider in the dynamic-provider host from the
 * `__provider` text, a few lines that load this package's provider by name (providerModule.ts).
 */
export class DataShareDatabase extends pulumi.CustomResource {
  /** The database to create (a Redshift identifier, lower case). Changing it replaces the database. */
  declare public readonly name: pulumi.Output<string>;
  /** ARN of the producer's datashare the database is made from, already associated with the consumer (DataShareConsumer). A database cannot be re-pointed: changing it replaces the database. */
  declare public readonly dataShareArn: pulumi.Output<string>;
  /** Create the database `WITH PERMISSIONS` (users need object-level grants to query it). Changing it replaces the database. */
  declare public readonly withPermissions: pulumi.Output<boolean | undefined>;
  /** The consumer's provisioned cluster the statements run on. Set this or `workgroupName`. */
  declare public readonly clusterIdentifier: pulumi.Output<string | undefined>;
  /** The consumer's Redshift Serverless workgroup the statements run on. Set this or `clusterIdentifier`. */
  declare public readonly workgroupName: pulumi.Output<string | undefined>;
  /** An existing database of the consumer to connect to, e.g. `dev`; not the one being created. */
  declare public readonly database: pulumi.Output<string>;
  /** Database user for temporary credentials (provisioned clusters only). Unset with no `secretArn`: the caller's IAM identity. */
  declare public readonly dbUser: pulumi.Output<string | undefined>;
  /** ARN of a Secrets Manager secret with the database credentials. Unset with no `dbUser`: the caller's IAM identity. */
  declare public readonly secretArn: pulumi.Output<string | undefined>;
  /** AWS region of the cluster or workgroup (the Data API's region); unset: the provider's. As an output, the region create used, where read, update and delete keep going when the program declares none. */
  declare public readonly region: pulumi.Output<string>;
  /** The producer's account ID, as the consumer's views report it; unset while the datashare no longer feeds the database. */
  declare public readonly producerAccount: pulumi.Output<string | undefined>;
  /** The producer namespace GUID, as the consumer's views report it; unset while the datashare no longer feeds the database. */
  declare public readonly producerNamespace: pulumi.Output<string | undefined>;
  /** The datashare's name, as the consumer's views report it; unset while the datashare no longer feeds the database. */
  declare public readonly dataShareName: pulumi.Output<string | undefined>;

  /**
   * A replacement creates first, as through the plugin; a forced one (`pulumi up --replace`) keeps
   * what the resource holds on AWS live throughout (provider/README.md, "Replacement order").
   */
  constructor(name: string, args: DataShareDatabaseArgs, opts?: pulumi.CustomResourceOptions) {
    super(DATA_SHARE_DATABASE_TYPE, name, registeredProps(spec, args), opts);
  }
}

/** Compile time: the declarations are the schema's, in both directions, outputs included. */
const argsMatchSchema: SameShape<DataShareDatabaseArgs, SdkArgs<typeof spec>> = true;
const outputsMatchSchema: SameShape<DeclaredOutputs<DataShareDatabase>, SdkOutputs<typeof spec>> = true;
void argsMatchSchema;
void outputsMatchSchema;
