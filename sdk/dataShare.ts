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

const spec = resourceEntry("DataShare").spec;

export const DATA_SHARE_TYPE = typeToken(spec);

/** A schema the datashare holds, and which of its tables, views and functions it shares. */
export interface DataShareSchema {
  /** The schema's name (lower case). */
  name: string;
  /** Tables and views of the schema to share, by name (ADD TABLE). */
  tables?: string[];
  /** Share every table and view the schema holds now (ADD ALL TABLES IN SCHEMA). */
  allTables?: boolean;
  /** Functions of the schema to share, each with its argument types, e.g. `f_net(integer, integer)`. */
  functions?: string[];
  /** Share every function the schema holds now (ADD ALL FUNCTIONS IN SCHEMA). */
  allFunctions?: boolean;
  /** Share the tables, views and functions created in the schema later (SET INCLUDENEW). */
  includeNew?: boolean;
}

/** Inputs of a {@link DataShare}. A producer's Redshift datashare and the schemas, tables, views and functions it shares (CREATE / ALTER / DROP DATASHARE over the Redshift Data API). Run it with the producer account's credentials. */
export interface DataShareArgs {
  /** The datashare's name (lower case: letters, digits, `_`, `$`, `-`). */
  name: pulumi.Input<string>;
  /** The producer's provisioned cluster the statements run on. Set this or `workgroupName`. */
  clusterIdentifier?: pulumi.Input<string>;
  /** The producer's Redshift Serverless workgroup the statements run on. Set this or `clusterIdentifier`. */
  workgroupName?: pulumi.Input<string>;
  /** The producer database the statements run in, which holds the shared objects. */
  database: pulumi.Input<string>;
  /** Database user for temporary credentials (provisioned clusters only). Unset with no `secretArn`: the caller's IAM identity. */
  dbUser?: pulumi.Input<string>;
  /** ARN of a Secrets Manager secret with the database credentials. Unset with no `dbUser`: the caller's IAM identity. */
  secretArn?: pulumi.Input<string>;
  /** AWS region of the cluster or workgroup (the Data API's region); unset: the provider's. As an output, the region create used, where read, update and delete keep going when the program declares none. */
  region?: pulumi.Input<string>;
  /** Whether consumers with publicly accessible clusters or workgroups may use the datashare (SET PUBLICACCESSIBLE). Unset means false. */
  publicAccessible?: pulumi.Input<boolean>;
  /** The schemas the datashare holds, each with the objects of it to share. Changing them alters the datashare in place. */
  schemas?: pulumi.Input<DataShareSchema[]>;
}

/**
 * A producer's Redshift datashare and the schemas, tables, views and functions it shares (CREATE / ALTER / DROP DATASHARE over the Redshift Data API). Run it with the producer account's credentials.
 * A Pulumi dynamic resource: the engine runs its provider in the dynamic-provider host from the
 * `__provider` text, a few lines that load this package's provider by name (providerModule.ts).
 */
export class DataShare extends pulumi.CustomResource {
  /** The datashare's name (lower case: letters, digits, `_`, `$`, `-`). */
  declare public readonly name: pulumi.Output<string>;
  /** The producer's provisioned cluster the statements run on. Set this or `workgroupName`. */
  declare public readonly clusterIdentifier: pulumi.Output<string | undefined>;
  /** The producer's Redshift Serverless workgroup the statements run on. Set this or `clusterIdentifier`. */
  declare public readonly workgroupName: pulumi.Output<string | undefined>;
  /** The producer database the statements run in, which holds the shared objects. */
  declare public readonly database: pulumi.Output<string>;
  /** Database user for temporary credentials (provisioned clusters only). Unset with no `secretArn`: the caller's IAM identity. */
  declare public readonly dbUser: pulumi.Output<string | undefined>;
  /** ARN of a Secrets Manager secret with the database credentials. Unset with no `dbUser`: the caller's IAM identity. */
  declare public readonly secretArn: pulumi.Output<string | undefined>;
  /** AWS region of the cluster or workgroup (the Data API's region); unset: the provider's. As an output, the region create used, where read, update and delete keep going when the program declares none. */
  declare public readonly region: pulumi.Output<string>;
  /** Whether consumers with publicly accessible clusters or workgroups may use the datashare (SET PUBLICACCESSIBLE). Unset means false. */
  declare public readonly publicAccessible: pulumi.Output<boolean | undefined>;
  /** The schemas the datashare holds, each with the objects of it to share. Changing them alters the datashare in place. */
  declare public readonly schemas: pulumi.Output<DataShareSchema[] | undefined>;
  /** ARN of the datashare, which DataShareAuthorization and DataShareConsumer take. */
  declare public readonly dataShareArn: pulumi.Output<string>;
  /** The producer's AWS account ID. */
  declare public readonly producerAccount: pulumi.Output<string>;
  /** The producer namespace's GUID. */
  declare public readonly producerNamespace: pulumi.Output<string>;
  /** The service that manages the datashare, if any, e.g. ADX. */
  declare public readonly managedBy: pulumi.Output<string | undefined>;

  /**
   * A replacement creates first, as through the plugin; a forced one (`pulumi up --replace`) keeps
   * what the resource holds on AWS live throughout (provider/README.md, "Replacement order").
   */
  constructor(name: string, args: DataShareArgs, opts?: pulumi.CustomResourceOptions) {
    super(DATA_SHARE_TYPE, name, registeredProps(spec, args), opts);
  }
}

/** Compile time: the declarations are the schema's, in both directions, outputs included. */
const argsMatchSchema: SameShape<DataShareArgs, SdkArgs<typeof spec>> = true;
const outputsMatchSchema: SameShape<DeclaredOutputs<DataShare>, SdkOutputs<typeof spec>> = true;
void argsMatchSchema;
void outputsMatchSchema;
