import type { Condition, Grantee, SharedObjectRef, Statement } from "./ast";
import { TokenCursor } from "./cursor";
import { tokenize } from "./tokenizer";

/**
 * Recursive descent over the datashare statements of Redshift's SQL reference (CREATE / ALTER /
 * DROP DATASHARE, GRANT / REVOKE USAGE ON DATASHARE, CREATE DATABASE … FROM DATASHARE, DROP
 * DATABASE) and simple SELECTs from system views. Anything else is a syntax error with its position.
 */
export function parseStatement(sql: string): Statement {
  const c = new TokenCursor(tokenize(sql));
  const statement = parseBody(c);
  c.finish();
  return statement;
}

function parseBody(c: TokenCursor): Statement {
  const verb = c.expectWord("create", "alter", "drop", "grant", "revoke", "select");
  switch (verb) {
    case "create":
      return c.acceptWord("datashare") ? createDatashare(c) : createDatabase(c);
    case "alter":
      c.expectWord("datashare");
      return alterDatashare(c, c.identifier());
    case "drop":
      if (c.acceptWord("datashare")) return { kind: "dropDatashare", name: c.identifier() };
      c.expectWord("database");
      return { kind: "dropDatabase", database: c.identifier() };
    case "grant":
    case "revoke":
      return usage(c, verb);
    default:
      return select(c);
  }
}

function optionalEquals(c: TokenCursor): void {
  c.acceptSymbol("=");
}

function createDatashare(c: TokenCursor): Statement {
  const name = c.identifier();
  const statement: Statement & { kind: "createDatashare" } = { kind: "createDatashare", name };
  let first = true;
  while (first ? c.isWord("set", "publicaccessible", "managedby") : c.acceptSymbol(",")) {
    first = false;
    c.acceptWord("set");
    if (c.acceptWord("publicaccessible")) {
      optionalEquals(c);
      statement.publicAccessible = c.booleanLiteral();
    } else {
      c.expectWord("managedby");
      statement.managedBy = c.expectWord("adx").toUpperCase();
    }
  }
  return statement;
}

function alterDatashare(c: TokenCursor, name: string): Statement {
  if (c.acceptWord("set")) {
    if (c.acceptWord("publicaccessible")) {
      optionalEquals(c);
      return { kind: "alterDatashareSet", name, publicAccessible: c.booleanLiteral() };
    }
    c.expectWord("includenew");
    optionalEquals(c);
    const value = c.booleanLiteral();
    c.expectWord("for");
    c.expectWord("schema");
    return { kind: "alterDatashareSet", name, includeNew: { value, schema: c.identifier() } };
  }
  const action = c.expectWord("add", "remove") as "add" | "remove";
  return { kind: "alterDatashareObjects", name, action, objects: sharedObjects(c) };
}

/** `{ TABLE | SCHEMA | FUNCTION | ALL TABLES IN SCHEMA | ALL FUNCTIONS IN SCHEMA } x [, ...]` */
function sharedObjects(c: TokenCursor): SharedObjectRef[] {
  const type = c.expectWord("table", "schema", "function", "all");
  const objects: SharedObjectRef[] = [];
  if (type === "all") {
    const what = c.expectWord("tables", "functions");
    c.expectWord("in");
    c.expectWord("schema");
    do {
      const schema = c.identifier();
      objects.push(what === "tables" ? { type: "allTables", schema } : { type: "allFunctions", schema });
    } while (c.acceptSymbol(","));
    return objects;
  }
  do {
    if (type === "schema") objects.push({ type: "schema", schema: c.identifier() });
    else {
      const [schema, name] = qualifiedName(c);
      if (type === "table") objects.push({ type: "table", schema, table: name });
      else objects.push({ type: "function", schema, name, argTypes: argumentTypes(c) });
    }
  } while (c.acceptSymbol(","));
  return objects;
}

/** `schema.name`, or `name` in the default schema `public`. */
function qualifiedName(c: TokenCursor): [string, string] {
  const first = c.identifier();
  return c.acceptSymbol(".") ? [first, c.identifier()] : ["public", first];
}

/** `( type [, type ...] )` where a type is words with an optional `(n[, m])`. */
function argumentTypes(c: TokenCursor): string[] {
  c.expectSymbol("(");
  const types: string[] = [];
  if (c.acceptSymbol(")")) return types;
  do {
    const words = [c.word()];
    while (c.current.kind === "word") words.push(c.word());
    let type = words.join(" ");
    if (c.acceptSymbol("(")) {
      const sizes = [c.numberLiteral() ?? c.fail()];
      while (c.acceptSymbol(",")) sizes.push(c.numberLiteral() ?? c.fail());
      c.expectSymbol(")");
      type += `(${sizes.join(",")})`;
    }
    types.push(type);
  } while (c.acceptSymbol(","));
  c.expectSymbol(")");
  return types;
}

function usage(c: TokenCursor, verb: "grant" | "revoke"): Statement {
  c.expectWord("usage");
  c.expectWord("on");
  c.expectWord("datashare");
  const name = c.identifier();
  c.expectWord(verb === "grant" ? "to" : "from");
  let grantee: Grantee;
  if (c.acceptWord("namespace")) grantee = { kind: "namespace", namespace: c.stringLiteral() };
  else {
    c.expectWord("account");
    const account = c.stringLiteral();
    let viaDataCatalog = false;
    if (c.acceptWord("via")) {
      c.expectWord("data");
      c.expectWord("catalog");
      viaDataCatalog = true;
    }
    grantee = { kind: "account", account, viaDataCatalog };
  }
  return verb === "grant" ? { kind: "grantUsage", name, grantee } : { kind: "revokeUsage", name, grantee };
}

/** `CREATE DATABASE db [WITH PERMISSIONS] FROM DATASHARE s OF [ACCOUNT 'a'] NAMESPACE 'n'` */
function createDatabase(c: TokenCursor): Statement {
  c.expectWord("database");
  const database = c.identifier();
  let withPermissions = false;
  if (c.acceptWord("with")) {
    c.expectWord("permissions");
    withPermissions = true;
  }
  c.expectWord("from");
  c.expectWord("datashare");
  const share = c.identifier();
  c.expectWord("of");
  const account = c.acceptWord("account") ? c.stringLiteral() : undefined;
  c.expectWord("namespace");
  const namespace = c.stringLiteral();
  return {
    kind: "createDatabaseFromDatashare",
    database,
    share,
    ...(account !== undefined ? { account } : {}),
    namespace,
    withPermissions,
  };
}

/** `SELECT * | col [, col] FROM view [WHERE col = literal [AND ...]]` */
function select(c: TokenCursor): Statement {
  let columns: string[] | "*" = "*";
  if (!c.acceptSymbol("*")) {
    columns = [];
    do columns.push(c.identifier());
    while (c.acceptSymbol(","));
  }
  c.expectWord("from");
  let view = c.identifier();
  if (view === "pg_catalog" && c.acceptSymbol(".")) view = c.identifier();
  const where: Condition[] = [];
  if (c.acceptWord("where")) {
    do where.push(condition(c));
    while (c.acceptWord("and"));
  }
  return { kind: "select", columns, view, where };
}

function condition(c: TokenCursor): Condition {
  const column = c.identifier();
  c.expectSymbol("=");
  if (c.current.kind === "string") return { column, value: c.stringLiteral() };
  const number = c.numberLiteral();
  if (number !== undefined) return { column, value: number };
  return { column, value: c.booleanLiteral() };
}
