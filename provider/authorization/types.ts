/**
 * Plain data shapes of the DataShareAuthorization resource (the producer's half). Nothing here
 * knows the AWS SDK; the adapter (../core/redshiftApi.ts) converts SDK shapes into ../core/types.ts shapes.
 */
import type { InputsOf, StateOf } from "../core/schema";
import type { authorizationSpec } from "./schema";
export type { AuthorizeRequest, DeauthorizeRequest } from "../core/types";

/** Who the datashare is authorized for, as AuthorizeDataShare's ConsumerIdentifier documents it. */
export type Consumer =
  | { kind: "account"; accountId: string }
  /** AWS Data Exchange manages the share's consumers. */
  | { kind: "adx" }
  /** Lake Formation (the share was published to the Glue Data Catalog of that account). */
  | { kind: "dataCatalog"; accountId: string };

/** Everything that identifies one authorization; the ID encodes exactly this (see id.ts). */
export interface AuthorizationKey {
  dataShareArn: string;
  consumerIdentifier: string;
}

/** Declared inputs of a DataShareAuthorization, as the engine hands them over (from the schema). */
export type DataShareAuthorizationInputs = InputsOf<typeof authorizationSpec>;

/** Stored state: the inputs plus what AWS reports about the datashare and the authorization (from the schema). */
export type DataShareAuthorizationOutputs = StateOf<typeof authorizationSpec>;
