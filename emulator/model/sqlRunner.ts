import type { Statement } from "../sql/ast";
import { StatementError } from "../sql/errors";
import { parseStatement } from "../sql/grammar";
import {
  alterDatashareObjects,
  alterDatashareSet,
  createDatashare,
  dropDatashare,
  grantUsage,
  revokeUsage,
} from "./sqlDataShares";
import { createDatabaseFromDatashare, dropDatabase } from "./sqlDatabases";
import type { SqlSession } from "./sqlSession";
import { selectFromView, type ResultSet } from "./systemViews";

/** The documentation: CREATE DATABASE and DROP DATABASE can't run inside a transaction block. */
const NEVER_IN_TRANSACTION = new Set<Statement["kind"]>(["createDatabaseFromDatashare", "dropDatabase"]);

/** Behaviour datashareDdlInTransaction: the statements the documentation is silent about. */
const DATASHARE_DDL = new Set<Statement["kind"]>([
  "createDatashare",
  "alterDatashareObjects",
  "alterDatashareSet",
  "dropDatashare",
  "grantUsage",
  "revokeUsage",
]);

/** Parses one statement; a syntax error is a StatementError with its position. */
export function parseSql(sql: string): Statement {
  return parseStatement(sql);
}

/** Refuses, before anything runs, a statement that can't be part of a batch's transaction. */
export function checkTransactional(statement: Statement, session: SqlSession): void {
  const refused =
    NEVER_IN_TRANSACTION.has(statement.kind) ||
    (DATASHARE_DDL.has(statement.kind) && session.behaviours.datashareDdlInTransaction === "refused");
  if (refused) {
    throw new StatementError(`${describe(statement)} cannot run inside a transaction block`);
  }
}

function describe(statement: Statement): string {
  switch (statement.kind) {
    case "createDatabaseFromDatashare":
      return "CREATE DATABASE";
    case "dropDatabase":
      return "DROP DATABASE";
    case "createDatashare":
      return "CREATE DATASHARE";
    case "dropDatashare":
      return "DROP DATASHARE";
    case "grantUsage":
      return "GRANT";
    case "revokeUsage":
      return "REVOKE";
    case "select":
      return "SELECT";
    default:
      return "ALTER DATASHARE";
  }
}

/** Runs one parsed statement on the model; a SELECT returns its rows. */
export function runStatement(session: SqlSession, statement: Statement): ResultSet | undefined {
  if (statement.kind === "select") {
    return selectFromView(session, statement.view, statement.columns, statement.where);
  }
  change(session, statement);
  return undefined;
}

function change(session: SqlSession, statement: Exclude<Statement, { kind: "select" }>): void {
  switch (statement.kind) {
    case "createDatashare":
      return createDatashare(session, statement);
    case "alterDatashareObjects":
      return alterDatashareObjects(session, statement);
    case "alterDatashareSet":
      return alterDatashareSet(session, statement);
    case "dropDatashare":
      return dropDatashare(session, statement.name);
    case "grantUsage":
      return grantUsage(session, statement);
    case "revokeUsage":
      return revokeUsage(session, statement);
    case "createDatabaseFromDatashare":
      return createDatabaseFromDatashare(session, statement);
    case "dropDatabase":
      return dropDatabase(session, statement.database);
  }
}
