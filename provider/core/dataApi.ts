/**
 * The adapter to the Redshift Data API: the only module that imports @aws-sdk/client-redshift-data.
 * Built from the same ClientSettings as redshiftApi.ts (region, attempts with the SDK's adaptive
 * retries, profile, keys, the endpoint), it turns SDK shapes into plain data and SDK exceptions
 * into AwsCallError, so the statement runner and the SQL resources stay testable without a client.
 *
 * The SDK retries a call whose answer was lost. For ExecuteStatement and BatchExecuteStatement the
 * statement may then run twice (the SDK sends an idempotency ClientToken, but nothing guarantees a
 * service honours it): callers write statements whose second run is harmless or read before they
 * write (statementRunner.ts says how).
 */
import {
  BatchExecuteStatementCommand,
  CancelStatementCommand,
  DescribeStatementCommand,
  ExecuteStatementCommand,
  Field,
  GetStatementResultCommand,
  RedshiftDataClient,
  RedshiftDataServiceException,
} from "@aws-sdk/client-redshift-data";
import { AwsCallError } from "./errors";
import {
  callAws,
  callerIdentity,
  ClientSettings,
  collectPages,
  commonClientConfig,
  createRedshiftApi,
  createStsClient,
  DataShareReader,
} from "./redshiftApi";

/** Where a statement runs, as the Data API's request members (sqlTarget.ts builds them). */
export interface SqlTargetRequest {
  ClusterIdentifier?: string;
  WorkgroupName?: string;
  Database: string;
  DbUser?: string;
  SecretArn?: string;
}

export type StatementStatus = "SUBMITTED" | "PICKED" | "STARTED" | "FINISHED" | "FAILED" | "ABORTED";

/** DescribeStatement's answer, the members the runner reads. */
export interface StatementDescription {
  id: string;
  status: StatementStatus;
  /** Redshift's error text of a FAILED statement. */
  error?: string;
  hasResultSet: boolean;
  /** A batch's sub-statements (`<id>:<n>`), in order. */
  subStatements: { id: string; status: string; error?: string; hasResultSet: boolean }[];
}

/** One cell of a result: SQL NULL is null. */
export type SqlCell = string | number | boolean | null;

/** A result row, by column name. */
export type SqlRow = Record<string, SqlCell>;

/** The Redshift Data API calls the SQL resources make, and who the caller is. */
export interface SqlApi extends DataShareReader {
  /** Submits one statement; answers its ID. */
  executeStatement(target: SqlTargetRequest, sql: string): Promise<string>;
  /** Submits statements run as one transaction; answers the batch's ID. */
  batchExecuteStatement(target: SqlTargetRequest, sqls: readonly string[]): Promise<string>;
  describeStatement(id: string): Promise<StatementDescription>;
  /** Every page of a statement's result, decoded to rows by column name. */
  getStatementResult(id: string): Promise<SqlRow[]>;
  cancelStatement(id: string): Promise<void>;
}

const SERVICES = [RedshiftDataServiceException];

const STATUSES = new Set<string>(["SUBMITTED", "PICKED", "STARTED", "FINISHED", "FAILED", "ABORTED"]);

/**
 * One Data API client, one STS client and (for describeDataShares, so a SQL resource shares the
 * describe coalescer with the Redshift API resources) a Redshift adapter, per settings.
 */
export function createSqlApi(settings: ClientSettings): SqlApi {
  const data = new RedshiftDataClient({
    ...commonClientConfig(settings),
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
  });
  const sts = createStsClient(settings);
  let redshift: ReturnType<typeof createRedshiftApi> | undefined;
  const send = <T>(operation: string, run: () => Promise<T>) => callAws(operation, run, SERVICES);

  return {
    async executeStatement(target, sql) {
      const out = await send("ExecuteStatement", () =>
        data.send(new ExecuteStatementCommand({ ...target, Sql: sql })),
      );
      return requireId("ExecuteStatement", out.Id);
    },
    async batchExecuteStatement(target, sqls) {
      const out = await send("BatchExecuteStatement", () =>
        data.send(new BatchExecuteStatementCommand({ ...target, Sqls: [...sqls] })),
      );
      return requireId("BatchExecuteStatement", out.Id);
    },
    async describeStatement(id) {
      const out = await send("DescribeStatement", () => data.send(new DescribeStatementCommand({ Id: id })));
      const status = out.Status ?? "";
      if (!STATUSES.has(status)) {
        throw new AwsCallError(
          "DescribeStatement",
          "UnexpectedResponse",
          `unknown status ${status} of ${id}`,
        );
      }
      return {
        id: out.Id ?? id,
        status: status as StatementStatus,
        ...(out.Error ? { error: out.Error } : {}),
        hasResultSet: out.HasResultSet === true,
        subStatements: (out.SubStatements ?? []).map((s) => ({
          id: s.Id ?? "",
          status: s.Status ?? "",
          ...(s.Error ? { error: s.Error } : {}),
          hasResultSet: s.HasResultSet === true,
        })),
      };
    },
    getStatementResult(id) {
      return collectPages(async (token) => {
        const out = await send("GetStatementResult", () =>
          data.send(new GetStatementResultCommand({ Id: id, NextToken: token })),
        );
        const names = (out.ColumnMetadata ?? []).map((c, i) => c.name ?? c.label ?? `column${i + 1}`);
        const items = (out.Records ?? []).map((record) =>
          Object.fromEntries(record.map((field, i) => [names[i] ?? `column${i + 1}`, cell(field)])),
        );
        return { items, marker: out.NextToken };
      }, `GetStatementResult of ${id}`);
    },
    async cancelStatement(id) {
      await send("CancelStatement", () => data.send(new CancelStatementCommand({ Id: id })));
    },
    describeDataShares(dataShareArn) {
      redshift ??= createRedshiftApi(settings);
      return redshift.describeDataShares(dataShareArn);
    },
    getCallerIdentity: () => callerIdentity(sts),
  };
}

function requireId(operation: string, id: string | undefined): string {
  if (!id) throw new AwsCallError(operation, "EmptyResponse", "no statement Id in the answer");
  return id;
}

function cell(field: Field): SqlCell {
  if (field.isNull === true) return null;
  if (field.stringValue !== undefined) return field.stringValue;
  if (field.longValue !== undefined) return field.longValue;
  if (field.doubleValue !== undefined) return field.doubleValue;
  if (field.booleanValue !== undefined) return field.booleanValue;
  // Blobs are not among the columns of the views the provider reads.
  return null;
}
