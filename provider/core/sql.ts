/**
 * Every name and literal the provider puts in a SQL statement goes through here: checked against
 * Redshift's rules, then quoted, so that no value can change what a statement does. Pure.
 *
 * Identifiers are always written delimited (`"…"`, a `"` doubled): reserved words, spaces and
 * punctuation are then plain characters of the name. Refused, with a reason naming the property:
 * the empty name, more than 127 UTF-8 bytes, control and invisible characters (NUL, line breaks,
 * bidirectional and zero-width marks: what a reader can't see can't be reviewed), upper-case
 * letters (Redshift folds identifiers to lower case, so "Sales" would read back as "sales") and
 * spaces at either end. Literals (account IDs, namespace GUIDs) must have their exact shape.
 */
import { parseDataShareArn } from "./arn";
import type { CheckFailure } from "./check";
import { RESERVED_WORDS } from "../../identity/reservedWords";

/** Redshift's longest identifier, in UTF-8 bytes. */
export const MAX_IDENTIFIER_BYTES = 127;

/** A value refused before any statement is built; `property` is the input that holds it. */
export class SqlValueError extends Error {
  readonly code = "ERR_SQL_VALUE";
  constructor(
    readonly property: string,
    readonly reason: string,
  ) {
    super(`${property}: ${reason}`);
  }
}

/** Control (Cc), format (Cf: zero-width, bidi), separators other than the space, lone surrogates, unassigned. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Cn}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}

/** True for a word that must be quoted to be a name (the provider quotes every name anyway). */
export function isReservedWord(name: string): boolean {
  return RESERVED_WORDS.has(name.toLowerCase());
}

/** Why `name` can't be a Redshift identifier the provider writes, or undefined when it can. */
export function identifierProblem(name: unknown): string | undefined {
  if (typeof name !== "string") return "must be a string";
  if (name === "") return "must not be empty";
  const bytes = Buffer.byteLength(name, "utf8");
  if (bytes > MAX_IDENTIFIER_BYTES) {
    return `is ${bytes} bytes long in UTF-8; Redshift allows at most ${MAX_IDENTIFIER_BYTES}`;
  }
  const invisible = [...name].find((ch) => INVISIBLE.test(ch));
  if (invisible !== undefined) {
    return `contains the control or invisible character ${codePoint(invisible)}; use printable characters only`;
  }
  if (name.trim() !== name) return "starts or ends with a space";
  if (name.toLowerCase() !== name) {
    return "has upper-case letters; Redshift folds names to lower case, so write it in lower case";
  }
  return undefined;
}

/** `"name"`, with `""` for each `"`; refuses what identifierProblem refuses, naming `property`. */
export function quoteIdentifier(name: unknown, property: string): string {
  const problem = identifierProblem(name);
  if (problem !== undefined) throw new SqlValueError(property, problem);
  return `"${(name as string).replace(/"/g, '""')}"`;
}

/** `"schema"."name"`: each part quoted. */
export function quoteQualifiedName(schema: unknown, name: unknown, property: string): string {
  return `${quoteIdentifier(schema, property)}.${quoteIdentifier(name, property)}`;
}

/** A syntactically complete datashare ARN around `name`, to ask ./arn whether an ARN can carry it. */
function arnAround(name: string): string {
  return `arn:aws:redshift:us-east-1:000000000000:datashare:00000000-0000-4000-8000-000000000000/${name}`;
}

/** A datashare name is an identifier that its ARN can also carry (the ARN's rule lives in ./arn). */
export function dataShareNameProblem(name: unknown): string | undefined {
  const problem = identifierProblem(name);
  if (problem !== undefined) return problem;
  if (!parseDataShareArn(arnAround(name as string)).ok) {
    return "may hold only letters, digits, underscores, dollar signs and hyphens (the name is part of the datashare's ARN)";
  }
  return undefined;
}

export function quoteDataShareName(name: unknown, property: string): string {
  const problem = dataShareNameProblem(name);
  if (problem !== undefined) throw new SqlValueError(property, problem);
  return quoteIdentifier(name, property);
}

/** An argument type of a shared SQL function, e.g. `integer`, `double precision`, `varchar(256)`. */
const ARGUMENT_TYPE = /^[a-z][a-z0-9_]*(?: [a-z][a-z0-9_]*)*(?:\(\d{1,5}(?:,\d{1,5})?\))?$/;

/** `"schema"."name"(type, ...)` for ALTER DATASHARE ... FUNCTION; the types are checked, not quoted. */
export function functionSignature(
  schema: unknown,
  name: unknown,
  argTypes: unknown,
  property: string,
): string {
  if (!Array.isArray(argTypes) || argTypes.some((t) => typeof t !== "string" || !ARGUMENT_TYPE.test(t))) {
    throw new SqlValueError(
      property,
      "argument types must be lower-case SQL type names such as integer, double precision or varchar(256)",
    );
  }
  return `${quoteQualifiedName(schema, name, property)}(${(argTypes as string[]).join(", ")})`;
}

/** `'text'`, `'` doubled. Backslashes are refused: Redshift may read them as escapes. */
export function quoteLiteral(value: unknown, property: string): string {
  if (typeof value !== "string") throw new SqlValueError(property, "must be a string");
  const invisible = [...value].find((ch) => INVISIBLE.test(ch));
  if (invisible !== undefined) {
    throw new SqlValueError(property, `contains the control or invisible character ${codePoint(invisible)}`);
  }
  if (value.includes("\\")) throw new SqlValueError(property, "must not contain a backslash");
  return `'${value.replace(/'/g, "''")}'`;
}

const ACCOUNT_ID = /^\d{12}$/;
const NAMESPACE_GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `'123456789012'` for GRANT ... TO ACCOUNT and CREATE DATABASE ... OF ACCOUNT. */
export function accountLiteral(value: unknown, property: string): string {
  if (typeof value !== "string" || !ACCOUNT_ID.test(value)) {
    throw new SqlValueError(property, "must be a 12-digit AWS account ID");
  }
  return quoteLiteral(value, property);
}

/** `'<guid>'` for GRANT ... TO NAMESPACE and CREATE DATABASE ... NAMESPACE (lower case, as Redshift shows it). */
export function namespaceLiteral(value: unknown, property: string): string {
  if (typeof value !== "string" || !NAMESPACE_GUID.test(value)) {
    throw new SqlValueError(
      property,
      "must be a namespace GUID in lower case, e.g. 13b8833d-17c6-4f16-8fe4-1a018f5ed00d",
    );
  }
  return quoteLiteral(value, property);
}

/** For `check`: the failure for a name that can't be written, or nothing. */
export function identifierFailure(property: string, name: unknown): CheckFailure | undefined {
  const reason = identifierProblem(name);
  return reason === undefined ? undefined : { property, reason };
}
