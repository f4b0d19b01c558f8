/**
 * Plain data shapes both resources share: what DescribeDataShares reports. Nothing here knows the
 * AWS SDK: the adapter (redshiftApi.ts) converts SDK shapes into these.
 */

/** Pulumi's placeholder for a value not known yet (preview); dynamic providers receive it as this string. */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

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

/** Consumer requests in AWS spelling; members the user did not set are absent, never empty. */
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

/** Producer requests in AWS spelling; AllowWrites only when it was decided. */
export interface AuthorizeRequest {
  DataShareArn: string;
  ConsumerIdentifier: string;
  AllowWrites?: boolean;
}

export interface DeauthorizeRequest {
  DataShareArn: string;
  ConsumerIdentifier: string;
}
