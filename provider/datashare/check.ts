/**
 * Input validation for DataShare (the provider's `check`). Pure: no AWS call. Every name that will
 * reach a statement goes through ../core/sql.ts here, so a name that could change a statement is
 * refused before any call; a failure names its place, e.g. `schemas[1].tables[0]`. Values still
 * unknown (preview) pass and are checked when known.
 */
import { CheckFailure, CheckResult, describeValue, isSet, isUnknown } from "../core/check";
import { dataShareNameProblem, functionSignature, identifierProblem, SqlValueError } from "../core/sql";
import { checkSqlTarget } from "../core/sqlTarget";
import { canonicalFunction, parseFunction } from "./contents";
import { dataShareSchemaType } from "./schema";

type Bag = Record<string, unknown>;
type Fail = (property: string, reason: string) => void;

const FIELDS = Object.keys(dataShareSchemaType.fields);
const BOOLEAN_FIELDS = ["allTables", "allFunctions", "includeNew"] as const;

export function checkDataShareInputs(news: Bag): CheckResult {
  const failures: CheckFailure[] = checkSqlTarget(news);
  const fail: Fail = (property, reason) => failures.push({ property, reason });

  if (!isSet(news.name)) fail("name", "is required: the datashare's name, e.g. sales_share");
  else if (!isUnknown(news.name)) {
    const problem = dataShareNameProblem(news.name);
    if (problem !== undefined) fail("name", problem);
  }
  if (
    isSet(news.publicAccessible) &&
    !isUnknown(news.publicAccessible) &&
    typeof news.publicAccessible !== "boolean"
  ) {
    fail(
      "publicAccessible",
      `must be a boolean (true or false), got ${describeValue(news.publicAccessible)}`,
    );
  }
  if (isSet(news.schemas) && !isUnknown(news.schemas)) checkSchemas(fail, news.schemas);
  return { inputs: news, failures };
}

function checkSchemas(fail: Fail, schemas: unknown): void {
  if (!Array.isArray(schemas)) {
    fail(
      "schemas",
      `must be a list of schemas ({ name, tables, functions, ... }), got ${describeValue(schemas)}`,
    );
    return;
  }
  const seen = new Set<string>();
  schemas.forEach((schema, i) => {
    const at = `schemas[${i}]`;
    if (isUnknown(schema)) return;
    if (typeof schema !== "object" || schema === null || Array.isArray(schema)) {
      fail(at, `must be an object with a name (and tables, functions, ...), got ${describeValue(schema)}`);
      return;
    }
    const s = schema as Bag;
    for (const key of Object.keys(s)) {
      if (!FIELDS.includes(key))
        fail(`${at}.${key}`, `is not a field of a schema; the fields are ${FIELDS.join(", ")}`);
    }
    if (!isSet(s.name)) fail(`${at}.name`, "is required: the schema's name, e.g. public");
    else if (!isUnknown(s.name)) {
      const problem = identifierProblem(s.name);
      if (problem !== undefined) fail(`${at}.name`, problem);
      else if (seen.has(s.name as string))
        fail(`${at}.name`, `names schema ${s.name as string} again; list each schema once`);
      else seen.add(s.name as string);
    }
    for (const field of BOOLEAN_FIELDS) {
      if (isSet(s[field]) && !isUnknown(s[field]) && typeof s[field] !== "boolean") {
        fail(`${at}.${field}`, `must be a boolean (true or false), got ${describeValue(s[field])}`);
      }
    }
    checkNames(fail, `${at}.tables`, s.tables, "table or view", (name) => ({
      key: name,
      problem: identifierProblem(name),
    }));
    checkNames(fail, `${at}.functions`, s.functions, "function", functionProblem);
  });
}

/** A function as written: `name(type, ...)`, the name an identifier, the types SQL type names. */
function functionProblem(text: string): { key: string; problem?: string } {
  const ref = parseFunction(text);
  if (ref === undefined) {
    return { key: text, problem: "must be a function with its argument types, e.g. f_net(integer, integer)" };
  }
  const nameProblem = identifierProblem(ref.name);
  if (nameProblem !== undefined) return { key: text, problem: `has a name that ${nameProblem}` };
  try {
    functionSignature("s", ref.name, ref.argTypes, "function");
  } catch (e) {
    if (e instanceof SqlValueError) return { key: text, problem: e.reason };
    throw e;
  }
  return { key: canonicalFunction(ref) };
}

function checkNames(
  fail: Fail,
  at: string,
  value: unknown,
  what: string,
  problemOf: (name: string) => { key: string; problem?: string },
): void {
  if (!isSet(value) || isUnknown(value)) return;
  if (!Array.isArray(value)) {
    fail(at, `must be a list of ${what} names, got ${describeValue(value)}`);
    return;
  }
  const seen = new Set<string>();
  value.forEach((item, j) => {
    if (isUnknown(item)) return;
    if (typeof item !== "string") {
      fail(`${at}[${j}]`, `must be a string, got ${describeValue(item)}`);
      return;
    }
    const { key, problem } = problemOf(item);
    if (problem !== undefined) fail(`${at}[${j}]`, problem);
    else if (seen.has(key)) fail(`${at}[${j}]`, `names the ${what} ${item} again; list each once`);
    else seen.add(key);
  });
}
