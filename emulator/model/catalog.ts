import { StatementError } from "../sql/errors";
import type { SharedObjectRef } from "../sql/ast";
import type { Namespace, SchemaCatalog, SharedObject } from "./types";

/** Every namespace's local database unless its seed names another. */
export const DEFAULT_DATABASE = "dev";

/** A producer database's objects when the seed lists none: real objects for ALTER DATASHARE ... ADD. */
export const DEFAULT_SCHEMAS: readonly SchemaCatalog[] = [
  {
    name: "public",
    tables: ["customers", "orders"],
    views: ["order_summary"],
    functions: ["f_discount(double precision)"],
  },
  {
    name: "sales",
    tables: ["orders", "line_items", "regions"],
    views: ["daily_totals"],
    functions: ["f_net(integer,integer)"],
  },
];

export function databaseOf(namespace: Namespace): string {
  return namespace.database ?? DEFAULT_DATABASE;
}

/** The namespace's own copy of its catalog, made on first change so that the defaults stay intact. */
export function schemasOf(namespace: Namespace): SchemaCatalog[] {
  return namespace.schemas ?? structuredClone(DEFAULT_SCHEMAS as SchemaCatalog[]);
}

function requireSchema(namespace: Namespace, schema: string): SchemaCatalog {
  const found = schemasOf(namespace).find((s) => s.name === schema);
  if (!found) throw new StatementError(`schema "${schema}" does not exist`);
  return found;
}

function relation(schema: SchemaCatalog, name: string): SharedObject | undefined {
  if (schema.tables.includes(name)) return { type: "table", name: `${schema.name}.${name}` };
  if (schema.views.includes(name)) return { type: "view", name: `${schema.name}.${name}` };
  return undefined;
}

/** The objects a reference names in the producer database; a missing one fails as Redshift does. */
export function resolveObjects(namespace: Namespace, ref: SharedObjectRef): SharedObject[] {
  const schema = requireSchema(namespace, ref.schema);
  switch (ref.type) {
    case "schema":
      return [{ type: "schema", name: schema.name }];
    case "table": {
      const found = relation(schema, ref.table);
      if (!found) throw new StatementError(`relation "${ref.schema}.${ref.table}" does not exist`);
      return [found];
    }
    case "function": {
      const signature = `${ref.name}(${ref.argTypes.join(",")})`;
      if (!schema.functions.includes(signature)) {
        throw new StatementError(`function ${ref.schema}.${signature} does not exist`);
      }
      return [{ type: "function", name: `${schema.name}.${signature}` }];
    }
    case "allTables":
      return [...schema.tables, ...schema.views].map((t) => relation(schema, t)!);
    default:
      return schema.functions.map((f) => ({ type: "function", name: `${schema.name}.${f}` }));
  }
}

/** The schema part of a shared object's name. */
export function schemaOfObject(object: SharedObject): string {
  return object.type === "schema" ? object.name : object.name.slice(0, object.name.indexOf("."));
}

/**
 * Test hook: the producer drops a table or view (`schema.name`) from its database. Returns false
 * when there is no such object.
 */
export function dropRelation(namespace: Namespace, qualified: string): boolean {
  const schemas = schemasOf(namespace);
  const dot = qualified.indexOf(".");
  const schema = schemas.find((s) => s.name === qualified.slice(0, dot));
  const name = qualified.slice(dot + 1);
  if (!schema || !(schema.tables.includes(name) || schema.views.includes(name))) return false;
  schema.tables = schema.tables.filter((t) => t !== name);
  schema.views = schema.views.filter((v) => v !== name);
  namespace.schemas = schemas;
  return true;
}
