/** Plain, JSON-serialisable model state. Dates are ISO-8601 strings with a `Z`. */

export type NamespaceType = "provisioned" | "serverless";

export interface AccessKey {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface Namespace {
  id: string;
  type: NamespaceType;
  region: string;
  /** The Data API's ClusterIdentifier (provisioned) or WorkgroupName (serverless) for it. */
  cluster?: string;
  workgroup?: string;
  /** Its local database (default `dev`) and that database's objects (default: ./catalog). */
  database?: string;
  schemas?: SchemaCatalog[];
}

/** One schema of a producer database: what ALTER DATASHARE ... ADD can name. */
export interface SchemaCatalog {
  name: string;
  tables: string[];
  views: string[];
  /** `name(argtype,...)`, as SVV_DATASHARE_OBJECTS shows a function. */
  functions: string[];
}

/** An object in a datashare, named as SVV_DATASHARE_OBJECTS names it (`schema.table`). */
export interface SharedObject {
  type: "schema" | "table" | "view" | "function";
  name: string;
}

/** SQL CREATE DATABASE ... FROM DATASHARE on a consumer namespace. */
export interface ConsumerDatabase {
  accountId: string;
  namespaceId: string;
  name: string;
  dataShareArn: string;
  withPermissions: boolean;
  createdDate: string;
}

export interface Account {
  id: string;
  name: string;
  accessKeys: AccessKey[];
  namespaces: Namespace[];
}

/** Status of a consumer account's grant as the producer tracks it (ACTIVE is derived). */
export type GrantStatus = "PENDING_AUTHORIZATION" | "AUTHORIZED" | "DEAUTHORIZED" | "REJECTED";

export type DataShareStatus = GrantStatus | "ACTIVE" | "AVAILABLE";

export type AssociationTarget =
  | { kind: "account" }
  | { kind: "namespace"; arn: string }
  | { kind: "region"; region: string }
  /** The consumer account's AWS Glue Data Catalog (Lake Formation), `arn:aws:glue:R:A:catalog`. */
  | { kind: "catalog"; arn: string };

export interface Association {
  target: AssociationTarget;
  status: "ACTIVE" | "DEAUTHORIZED" | "REJECTED";
  consumerAcceptedWrites: boolean;
  createdDate: string;
  statusChangeDate: string;
}

/**
 * One consumer the producer granted usage to: an account (SQL GRANT USAGE ... TO ACCOUNT), an
 * account's Data Catalog (... TO ACCOUNT ... VIA DATA CATALOG, `via: "dataCatalog"`) or AWS Data
 * Exchange (CREATE DATASHARE ... MANAGEDBY ADX, `via: "adx"`, accountId "ADX").
 */
export interface ConsumerGrant {
  accountId: string;
  via?: "dataCatalog" | "adx";
  status: GrantStatus;
  producerAllowedWrites: boolean;
  createdDate: string;
  statusChangeDate: string;
  associations: Association[];
}

export interface DataShareRecord {
  arn: string;
  name: string;
  producerAccount: string;
  producerNamespace: string;
  region: string;
  allowPubliclyAccessibleConsumers: boolean;
  managedBy?: string;
  dataShareType?: "INTERNAL";
  createdDate: string;
  consumers: ConsumerGrant[];
  /** SQL state, absent on shares made through the seed or the admin API before any SQL. */
  database?: string;
  objects?: SharedObject[];
  /** Schemas with SET INCLUDENEW TRUE. */
  includeNew?: string[];
  /** GRANT USAGE ... TO NAMESPACE (no AuthorizeDataShare needed within the account). */
  namespaceGrants?: { namespace: string; createdDate: string }[];
}

export interface ModelState {
  accounts: Account[];
  dataShares: DataShareRecord[];
  /** Databases consumers made from datashares (absent in older state files). */
  consumerDatabases?: ConsumerDatabase[];
}

/** What the API returns: member names as in the AWS model. */
export interface DataShareAssociationView {
  ConsumerIdentifier: string;
  Status: DataShareStatus;
  ConsumerRegion?: string;
  CreatedDate: string;
  StatusChangeDate: string;
  ProducerAllowedWrites: boolean;
  ConsumerAcceptedWrites: boolean;
}

export interface DataShareView {
  DataShareArn: string;
  ProducerArn: string;
  AllowPubliclyAccessibleConsumers: boolean;
  DataShareAssociations: DataShareAssociationView[];
  ManagedBy?: string;
  DataShareType?: "INTERNAL";
}

export interface DataSharePage {
  DataShares: DataShareView[];
  Marker?: string;
}

export interface CallerIdentity {
  UserId: string;
  Account: string;
  Arn: string;
}
