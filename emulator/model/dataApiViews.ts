import { ResourceNotFoundException, ValidationException } from "../faults";
import { durationNanos, statusAt, type StatementRecord, type SubStatementRecord } from "./statements";
import type { ResultSet, SqlValue } from "./systemViews";

/** What the Data API answers, member names as in its model; Dates become epoch seconds on the wire. */

export function submittedView(record: StatementRecord) {
  return { Id: record.id, CreatedAt: new Date(record.createdAt), ...record.echo };
}

function subId(record: StatementRecord, index: number): string {
  return `${record.id}:${index + 1}`;
}

function resultFacts(sub: SubStatementRecord) {
  const rows = sub.result?.rows.length ?? (sub.status === "FINISHED" ? 0 : -1);
  return {
    HasResultSet: sub.result !== undefined,
    ResultRows: rows,
    ResultSize: sub.result ? Buffer.byteLength(JSON.stringify(sub.result.rows)) : 0,
  };
}

export function describeView(record: StatementRecord, now: number) {
  const status = statusAt(record, now);
  const updatedAt = new Date(record.endedAt ?? now);
  const base = {
    Id: record.id,
    ...record.echo,
    Database: record.database,
    Status: status,
    CreatedAt: new Date(record.createdAt),
    UpdatedAt: updatedAt,
    Duration: durationNanos(record),
    RedshiftPid: 1073741824 + (record.createdAt % 100000),
    RedshiftQueryId: record.outcome ? record.createdAt % 1000000 : 0,
    ...(record.error !== undefined ? { Error: record.error } : {}),
    ResultFormat: "JSON",
  };
  if (!record.isBatch) {
    return { ...base, QueryString: record.subStatements[0].sql, ...resultFacts(record.subStatements[0]) };
  }
  return {
    ...base,
    HasResultSet: record.subStatements.some((s) => s.result !== undefined),
    SubStatements: record.subStatements.map((sub, index) => ({
      Id: subId(record, index),
      Status: record.outcome ? sub.status : status,
      CreatedAt: new Date(record.createdAt),
      UpdatedAt: new Date(sub.updatedAt),
      Duration: record.outcome ? durationNanos(record) : -1,
      QueryString: sub.sql,
      ...(sub.error !== undefined ? { Error: sub.error } : {}),
      ...resultFacts(sub),
    })),
  };
}

function field(value: SqlValue) {
  if (value === null) return { isNull: true };
  if (typeof value === "boolean") return { booleanValue: value };
  if (typeof value === "number") return { longValue: value };
  return { stringValue: value };
}

const PAGE_ROWS = 1000;

/** GetStatementResult of one statement (a batch's through its sub-statement ID), in pages. */
export function resultView(
  record: StatementRecord,
  subIndex: number | undefined,
  nextToken: string | undefined,
) {
  if (record.isBatch && subIndex === undefined) {
    throw new ValidationException(
      `${record.id} is a batch statement: ask for the result of one of its sub-statements (${record.id}:1 ...).`,
    );
  }
  const sub = record.subStatements[subIndex ?? 0];
  if (!record.outcome || record.outcome !== "FINISHED" || !sub.result) {
    throw new ResourceNotFoundException(
      "Query does not have result. Please check query status with DescribeStatement.",
      subIndex === undefined ? record.id : subId(record, subIndex),
    );
  }
  const result: ResultSet = sub.result;
  const start = nextToken === undefined ? 0 : Number(nextToken);
  if (!Number.isInteger(start) || start < 0 || start > result.rows.length) {
    throw new ValidationException("NextToken is not valid for this statement.");
  }
  const page = result.rows.slice(start, start + PAGE_ROWS);
  const next = start + page.length < result.rows.length ? String(start + page.length) : undefined;
  return {
    Records: page.map((row) => row.map(field)),
    ColumnMetadata: result.columns.map((c) => ({
      name: c.name,
      label: c.name,
      typeName: c.type,
      nullable: 1,
      isCaseSensitive: c.type === "varchar",
      isCurrency: false,
      isSigned: c.type === "int4",
      precision: c.type === "varchar" ? 256 : c.type === "int4" ? 10 : 0,
      scale: 0,
      schemaName: "pg_catalog",
      tableName: "",
    })),
    TotalNumRows: result.rows.length,
    ...(next !== undefined ? { NextToken: next } : {}),
  };
}

/** ListStatements: newest first, filtered, in pages of MaxResults (default 100). */
export function listView(
  records: StatementRecord[],
  now: number,
  input: { StatementName?: string; Status?: string; MaxResults?: number; NextToken?: string },
) {
  const matching = records.filter(
    (r) =>
      (input.StatementName === undefined || (r.statementName ?? "").startsWith(input.StatementName)) &&
      (input.Status === undefined || input.Status === "ALL" || statusAt(r, now) === input.Status),
  );
  const max = input.MaxResults ?? 100;
  if (!Number.isInteger(max) || max < 0 || max > 100)
    throw new ValidationException("MaxResults must be 0 to 100.");
  const start = input.NextToken === undefined ? 0 : Number(input.NextToken);
  const page = matching.slice(start, start + (max === 0 ? 100 : max));
  const next = start + page.length < matching.length ? String(start + page.length) : undefined;
  return {
    Statements: page.map((r) => ({
      Id: r.id,
      Status: statusAt(r, now),
      CreatedAt: new Date(r.createdAt),
      UpdatedAt: new Date(r.endedAt ?? now),
      IsBatchStatement: r.isBatch,
      ...(r.isBatch
        ? { QueryStrings: r.subStatements.map((s) => s.sql) }
        : { QueryString: r.subStatements[0].sql }),
      ...(r.statementName ? { StatementName: r.statementName } : {}),
      ...(r.echo.SecretArn ? { SecretArn: r.echo.SecretArn } : {}),
      ResultFormat: "JSON",
    })),
    ...(next !== undefined ? { NextToken: next } : {}),
  };
}
