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
}

export interface ModelState {
  accounts: Account[];
  dataShares: DataShareRecord[];
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
