/** Plain data shapes of the DataShareConsumer resource (the consumer's half). */
import type { InputsOf, StateOf } from "../core/schema";
import type { consumerSpec } from "./schema";
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

/** Declared inputs of a DataShareConsumer, as the engine hands them over (from the schema). */
export type DataShareConsumerInputs = InputsOf<typeof consumerSpec>;

/** Stored state: the inputs plus what AWS reports about the datashare and the association (from the schema). */
export type DataShareConsumerOutputs = StateOf<typeof consumerSpec>;
