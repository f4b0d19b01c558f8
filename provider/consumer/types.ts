/** Plain data shapes of the DataShareConsumer resource (the consumer's half). */
export type { AssociateRequest, DisassociateRequest } from "../core/types";

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
