/**
 * A datashare's contents in one canonical form, from the declared `schemas` and from the rows of
 * SVV_DATASHARE_OBJECTS, so that the diff and the statements compare like with like: a function
 * is `name(type,type)` whatever the spacing, and a list's order never matters. Pure.
 */
import type { DataShareObjectRow } from "../core/systemViews";
import type { DeclaredSchema, FunctionRef, SchemaContents, ShareContents } from "./types";

/** The index of the `(` that opens the argument list closing at the end of `text`, or -1. */
function argumentListStart(text: string): number {
  if (!text.endsWith(")")) return -1;
  let depth = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    if (text[i] === ")") depth++;
    else if (text[i] === "(" && --depth === 0) return i;
  }
  return -1;
}

/** The arguments split at the commas outside parentheses (`numeric(10,2), integer`). */
function splitArguments(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  return [...parts, current];
}

/** An argument type with its spacing made canonical: `double  precision` → `double precision`, `numeric(10, 2)` → `numeric(10,2)`. */
function canonicalType(type: string): string {
  return type
    .trim()
    .replace(/\s+/g, " ")
    .replace(/\s*([(),])\s*/g, "$1");
}

/** `f_net(integer, integer)` → its name and argument types; undefined when there is no argument list. */
export function parseFunction(signature: string): FunctionRef | undefined {
  const open = argumentListStart(signature);
  if (open < 0) return undefined;
  const inside = signature.slice(open + 1, -1);
  const argTypes = inside.trim() === "" ? [] : splitArguments(inside).map(canonicalType);
  return { name: signature.slice(0, open), argTypes };
}

/** The one spelling of a function the diff compares: `name(type,type)`. */
export function canonicalFunction(ref: FunctionRef): string {
  return `${ref.name}(${ref.argTypes.join(",")})`;
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/** The declared schemas (checked: check.ts) as contents. */
export function declaredContents(
  schemas: DeclaredSchema[] | undefined,
  publicAccessible: unknown,
): ShareContents {
  return {
    publicAccessible: publicAccessible === true,
    schemas: (schemas ?? []).map((s) => ({
      name: s.name,
      tables: sorted(s.tables ?? []),
      functions: sorted(
        (s.functions ?? []).map((f) => canonicalFunction(parseFunction(f) ?? { name: f, argTypes: [] })),
      ),
      includeNew: s.includeNew === true,
      allTables: s.allTables === true,
      allFunctions: s.allFunctions === true,
    })),
  };
}

/** The schema a qualified object name (`schema.rest`) belongs to: the longest shared schema that prefixes it. */
function schemaOf(objectName: string, schemas: string[]): string | undefined {
  return schemas.filter((s) => objectName.startsWith(`${s}.`)).sort((a, b) => b.length - a.length)[0];
}

/**
 * The live contents from the share's object rows. What the views can't show (ALL TABLES / ALL
 * FUNCTIONS asked for) is taken from `recorded`, for the schemas still shared.
 */
export function liveContents(
  rows: Pick<DataShareObjectRow, "objectType" | "objectName" | "includeNew">[],
  publicAccessible: boolean,
  recorded: SchemaContents[] = [],
): ShareContents {
  const schemaRows = rows.filter((r) => r.objectType.toLowerCase() === "schema");
  const names = schemaRows.map((r) => r.objectName);
  const byName = new Map<string, SchemaContents>(
    schemaRows.map((r) => {
      const before = recorded.find((s) => s.name === r.objectName);
      return [
        r.objectName,
        {
          name: r.objectName,
          tables: [],
          functions: [],
          includeNew: r.includeNew === true,
          allTables: before?.allTables === true,
          allFunctions: before?.allFunctions === true,
        },
      ];
    }),
  );
  for (const row of rows) {
    const type = row.objectType.toLowerCase();
    if (type === "schema") continue;
    const schema = schemaOf(row.objectName, names);
    if (schema === undefined) continue;
    const entry = byName.get(schema)!;
    const rest = row.objectName.slice(schema.length + 1);
    if (type === "function") {
      entry.functions.push(canonicalFunction(parseFunction(rest) ?? { name: rest, argTypes: [] }));
    } else entry.tables.push(rest);
  }
  return {
    publicAccessible,
    schemas: [...byName.values()].map((s) => ({
      ...s,
      tables: sorted(s.tables),
      functions: sorted(s.functions),
    })),
  };
}

/** Contents as the `schemas` output records them: only what is set, so that an unchanged program reads the same. */
export function schemasOutput(contents: ShareContents): DeclaredSchema[] {
  return contents.schemas.map((s) => ({
    name: s.name,
    ...(s.tables.length > 0 ? { tables: s.tables } : {}),
    ...(s.allTables ? { allTables: true } : {}),
    ...(s.functions.length > 0 ? { functions: s.functions } : {}),
    ...(s.allFunctions ? { allFunctions: true } : {}),
    ...(s.includeNew ? { includeNew: true } : {}),
  }));
}

/** The contents a stored `schemas` output describes (the live ones, as of the last read). */
export function recordedContents(schemas: unknown, publicAccessible: unknown): ShareContents {
  return declaredContents(Array.isArray(schemas) ? (schemas as DeclaredSchema[]) : [], publicAccessible);
}
