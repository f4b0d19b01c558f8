/** Plain data shapes of the DataShareDatabase resource (the consumer's database from a datashare). */
import type { InputsOf, StateOf } from "../core/schema";
import type { SqlIdTarget } from "../core/sqlId";
import type { databaseSpec } from "./schema";

/** Everything the resource ID carries (id.ts): where the statements run and the database's name. */
export interface DatabaseKey {
  target: SqlIdTarget;
  /** The database the statements connect to. */
  database: string;
  /** The database made from the datashare. */
  name: string;
  /** The `region` input, only when the user set it. */
  region?: string;
}

/** Declared inputs of a DataShareDatabase, as the engine hands them over (from the schema). */
export type DataShareDatabaseInputs = InputsOf<typeof databaseSpec>;

/** Stored state: the inputs plus what the consumer's views report (from the schema). */
export type DataShareDatabaseOutputs = StateOf<typeof databaseSpec>;

/** What the consumer's views say about the database of a name (find.ts reads it from the rows). */
export type LiveDatabase =
  | { exists: false }
  /** A database of that name that no datashare made (a local one). */
  | { exists: true; fromDataShare: false }
  | {
      exists: true;
      fromDataShare: true;
      /**
       * The INBOUND datashare that feeds it (SVV_DATASHARES' consumer_database); absent when none
       * does any more: the producer dropped the share, or it is no longer granted, authorized or
       * associated.
       */
      share?: InboundShare;
      /** What SVV_REDSHIFT_DATABASES' options name as its datashare, when Redshift says. */
      origin?: InboundShare;
    };

/** A datashare as the consumer's SVV_DATASHARES lists it (INBOUND). */
export interface InboundShare {
  dataShareName: string;
  producerAccount: string;
  producerNamespace: string;
}
