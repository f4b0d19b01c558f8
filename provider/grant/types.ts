/**
 * Plain data shapes of the DataShareGrant resource. Nothing here knows the AWS SDK or SQL text.
 */
import type { InputsOf, StateOf } from "../core/schema";
import type { grantSpec } from "./schema";

/** Who gets usage, as GRANT USAGE ON DATASHARE names the grantee. */
export type Grantee =
  /** TO ACCOUNT '<account>' */
  | { kind: "account"; accountId: string }
  /** TO ACCOUNT '<account>' VIA DATA CATALOG (Lake Formation) */
  | { kind: "dataCatalog"; accountId: string }
  /** TO NAMESPACE '<guid>' (a namespace of the producer's own account) */
  | { kind: "namespace"; namespaceId: string };

/** Declared inputs of a DataShareGrant, as the engine hands them over (from the schema). */
export type DataShareGrantInputs = InputsOf<typeof grantSpec>;

/** Stored state: the inputs plus what the producer database reports (from the schema). */
export type DataShareGrantOutputs = StateOf<typeof grantSpec>;
