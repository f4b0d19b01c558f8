import { ValidationException } from "../faults";
import type { DataApiBackend } from "../model/dataApi";
import { describeView, listView, resultView, submittedView } from "../model/dataApiViews";
import type { Caller } from "../model/principals";

type Input = Record<string, unknown>;

function optionalString(input: Input, name: string): string | undefined {
  const value = input[name];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw new ValidationException(`${name} must be a string.`);
  return value;
}

function requiredString(input: Input, name: string): string {
  const value = optionalString(input, name);
  if (value === undefined || value === "") throw new ValidationException(`${name} is required.`);
  return value;
}

function target(input: Input) {
  const names = [
    "ClusterIdentifier",
    "WorkgroupName",
    "Database",
    "DbUser",
    "SecretArn",
    "StatementName",
  ] as const;
  return Object.fromEntries(
    names.map((n) => [n, optionalString(input, n)]).filter(([, v]) => v !== undefined),
  );
}

/** Every Data API operation the emulator answers: JSON input in, plain result out. */
export const DATA_API_OPERATIONS: Record<
  string,
  (api: DataApiBackend, caller: Caller, input: Input) => Promise<object>
> = {
  ExecuteStatement: async (api, caller, input) =>
    submittedView(
      await api.executeStatement(caller, {
        ...target(input),
        Sql: optionalString(input, "Sql"),
        ClientToken: optionalString(input, "ClientToken"),
      }),
    ),
  BatchExecuteStatement: async (api, caller, input) => {
    const sqls = input.Sqls;
    if (!Array.isArray(sqls)) throw new ValidationException("Sqls must be a list of SQL statements.");
    const mode = optionalString(input, "ExecutionMode");
    if (mode !== undefined && mode !== "TRANSACTION" && mode !== "AUTO_COMMIT") {
      throw new ValidationException("ExecutionMode must be TRANSACTION or AUTO_COMMIT.");
    }
    return submittedView(
      await api.batchExecuteStatement(caller, {
        ...target(input),
        Sqls: sqls as string[],
        ClientToken: optionalString(input, "ClientToken"),
        ...(mode ? { ExecutionMode: mode } : {}),
      }),
    );
  },
  DescribeStatement: async (api, caller, input) => {
    const { record } = api.find(caller, requiredString(input, "Id"));
    return describeView(await api.settle(record), api.now());
  },
  GetStatementResult: async (api, caller, input) => {
    const { record, subIndex } = api.find(caller, requiredString(input, "Id"));
    return resultView(await api.settle(record), subIndex, optionalString(input, "NextToken"));
  },
  CancelStatement: async (api, caller, input) => {
    const { record } = api.find(caller, requiredString(input, "Id"));
    await api.settle(record);
    return { Status: api.cancelStatement(caller, record.id) };
  },
  ListStatements: async (api, caller, input) => {
    const records = api.list(caller);
    await Promise.all(records.map((r) => api.settle(r)));
    const max = input.MaxResults;
    if (max !== undefined && typeof max !== "number")
      throw new ValidationException("MaxResults must be a number.");
    return listView(records, api.now(), {
      StatementName: optionalString(input, "StatementName"),
      Status: optionalString(input, "Status"),
      MaxResults: max,
      NextToken: optionalString(input, "NextToken"),
    });
  },
};
