/**
 * The SQL of a datashare: CREATE, the ALTER DATASHARE statements that take the live contents to
 * the declared ones, and DROP. Pure: every name goes through ../core/sql.ts. One object per
 * statement, so that a statement's failure names its object and a REMOVE of an object already
 * gone can count as done on its own (provider.ts).
 *
 * Order: the objects of a schema leave before the schema (whether REMOVE SCHEMA takes its objects
 * along is not documented), schemas come before their objects (the guide's rule), INCLUDENEW is
 * set once its schema is in, PUBLICACCESSIBLE last.
 */
import { functionSignature, quoteDataShareName, quoteIdentifier, quoteQualifiedName } from "../core/sql";
import { parseFunction } from "./contents";
import type { SchemaContents, ShareContents } from "./types";

/** One planned statement: its SQL, and whether it removes something (an absent object is then done). */
export interface PlannedStatement {
  sql: string;
  removes: boolean;
}

const bool = (value: boolean) => (value ? "TRUE" : "FALSE");

export function createStatement(name: string, publicAccessible: boolean): string {
  const share = quoteDataShareName(name, "name");
  return publicAccessible
    ? `CREATE DATASHARE ${share} SET PUBLICACCESSIBLE = TRUE`
    : `CREATE DATASHARE ${share}`;
}

export function dropStatement(name: string): string {
  return `DROP DATASHARE ${quoteDataShareName(name, "name")}`;
}

function functionSql(schema: string, canonical: string): string {
  const ref = parseFunction(canonical);
  if (ref === undefined) throw new Error(`not a function signature: ${canonical}`);
  return functionSignature(schema, ref.name, ref.argTypes, "schemas");
}

const EMPTY = (name: string): SchemaContents => ({
  name,
  tables: [],
  functions: [],
  includeNew: false,
  allTables: false,
  allFunctions: false,
});

/** The ALTER DATASHARE statements that take `live` to `declared`; none when they agree. */
export function alterStatements(
  name: string,
  live: ShareContents,
  declared: ShareContents,
): PlannedStatement[] {
  const share = quoteDataShareName(name, "name");
  const out: PlannedStatement[] = [];
  const alter = (rest: string, removes = false) =>
    out.push({ sql: `ALTER DATASHARE ${share} ${rest}`, removes });
  const wanted = new Map(declared.schemas.map((s) => [s.name, s]));
  const shared = new Map(live.schemas.map((s) => [s.name, s]));

  for (const was of live.schemas) {
    const want = wanted.get(was.name);
    const schema = quoteIdentifier(was.name, "schemas");
    for (const table of was.tables) {
      if (want === undefined || (!want.allTables && !want.tables.includes(table))) {
        alter(`REMOVE TABLE ${quoteQualifiedName(was.name, table, "schemas")}`, true);
      }
    }
    for (const fn of was.functions) {
      if (want === undefined || (!want.allFunctions && !want.functions.includes(fn))) {
        alter(`REMOVE FUNCTION ${functionSql(was.name, fn)}`, true);
      }
    }
    if (want === undefined) alter(`REMOVE SCHEMA ${schema}`, true);
  }

  for (const want of declared.schemas) {
    const was = shared.get(want.name) ?? EMPTY(want.name);
    const schema = quoteIdentifier(want.name, "schemas");
    if (!shared.has(want.name)) alter(`ADD SCHEMA ${schema}`);
    for (const table of want.tables) {
      if (!was.tables.includes(table)) alter(`ADD TABLE ${quoteQualifiedName(want.name, table, "schemas")}`);
    }
    if (want.allTables && !was.allTables) alter(`ADD ALL TABLES IN SCHEMA ${schema}`);
    for (const fn of want.functions) {
      if (!was.functions.includes(fn)) alter(`ADD FUNCTION ${functionSql(want.name, fn)}`);
    }
    if (want.allFunctions && !was.allFunctions) alter(`ADD ALL FUNCTIONS IN SCHEMA ${schema}`);
    if (want.includeNew !== was.includeNew) {
      alter(`SET INCLUDENEW = ${bool(want.includeNew)} FOR SCHEMA ${schema}`);
    }
  }

  if (declared.publicAccessible !== live.publicAccessible) {
    alter(`SET PUBLICACCESSIBLE = ${bool(declared.publicAccessible)}`);
  }
  return out;
}
