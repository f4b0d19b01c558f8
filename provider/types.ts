/**
 * Plain data shapes shared by the provider's pure functions. Nothing here knows the AWS SDK: the
 * adapter (redshiftApi.ts) converts SDK shapes into these.
 */

/** Pulumi's placeholder for a value not known yet (preview); dynamic providers receive it as this string. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** What the association grants the datashare to. */
export type Target =
  | { kind: "account" }
  | { kind: "namespace"; consumerArn: string }
  | { kind: "region"; consumerRegion: string };

/** Everything that identifies one association; the ID encodes exactly this (see id.ts). */
export interface AssociationKey {
  dataShareArn: string;
  target: Target;
  /** The `region` argument (API region), only when the user set it. */
  apiRegion?: string;
}

/** Declared inputs of a DataShareConsumer, as the engine hands them over. */
export interface DataShareConsumerInputs {
  dataShareArn: string;
  associateEntireAccount?: boolean;
  consumerArn?: string;
  consumerRegion?: string;
  allowWrites?: boolean;
  region?: string;
}

/** Stored state: the inputs plus what AWS reports about the datashare and the association. */
export interface DataShareConsumerOutputs extends DataShareConsumerInputs {
  producerArn?: string;
  allowPubliclyAccessibleConsumers?: boolean;
  managedBy?: string;
  dataShareType?: string;
  status?: string;
  consumerIdentifier?: string;
  createdDate?: string;
  statusChangeDate?: string;
  producerAllowedWrites?: boolean;
  consumerAcceptedWrites?: boolean;
}

/** One DataShareAssociation entry, as plain data. */
export interface LiveAssociation {
  consumerIdentifier?: string;
  status?: string;
  consumerRegion?: string;
  createdDate?: string;
  statusChangeDate?: string;
  producerAllowedWrites?: boolean;
  consumerAcceptedWrites?: boolean;
}

/** One DataShare, as plain data. */
export interface LiveDataShare {
  dataShareArn?: string;
  producerArn?: string;
  allowPubliclyAccessibleConsumers?: boolean;
  managedBy?: string;
  dataShareType?: string;
  associations: LiveAssociation[];
}

/** Request members in AWS spelling; members the user did not set are absent, never empty. */
export interface AssociateRequest {
  DataShareArn: string;
  AssociateEntireAccount?: boolean;
  ConsumerArn?: string;
  ConsumerRegion?: string;
  AllowWrites?: boolean;
}

export interface DisassociateRequest {
  DataShareArn: string;
  DisassociateEntireAccount?: boolean;
  ConsumerArn?: string;
  ConsumerRegion?: string;
}
