/**
 * Plain data shapes of the DataShare resource (the producer's datashare and what it shares). The
 * inputs and the state come from the schema; the contents are the form the statements and the
 * diff work on (contents.ts builds them from inputs and from the system views).
 */
import type { InputsOf, ObjectValueOf, StateOf } from "../core/schema";
import type { dataShareSchemaType, dataShareSpec } from "./schema";

/** Declared inputs of a DataShare, as the engine hands them over (from the schema). */
export type DataShareInputs = InputsOf<typeof dataShareSpec>;

/** Stored state: the inputs (the schemas as live), plus the datashare's ARN, producer and manager. */
export type DataShareOutputs = StateOf<typeof dataShareSpec>;

/** One element of `schemas`, as declared (from the schema). */
export type DeclaredSchema = ObjectValueOf<(typeof dataShareSchemaType)["fields"]>;

/** A function of a schema: its name and argument types, as ALTER DATASHARE ... FUNCTION writes them. */
export interface FunctionRef {
  name: string;
  argTypes: string[];
}

/** What the datashare holds of one schema. Table and function keys are canonical (contents.ts). */
export interface SchemaContents {
  name: string;
  /** Tables and views, by name. */
  tables: string[];
  /** Functions, by canonical signature `name(type,type)`. */
  functions: string[];
  includeNew: boolean;
  /** ALL TABLES IN SCHEMA was asked for (not visible in the system views: carried in state). */
  allTables: boolean;
  allFunctions: boolean;
}

/** What a datashare holds: its schemas by name, and whether it is publicly accessible. */
export interface ShareContents {
  schemas: SchemaContents[];
  publicAccessible: boolean;
}
