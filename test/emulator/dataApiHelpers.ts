import {
  BatchExecuteStatementCommand,
  DescribeStatementCommand,
  ExecuteStatementCommand,
  GetStatementResultCommand,
  RedshiftDataClient,
  type DescribeStatementCommandOutput,
  type RedshiftDataClientConfig,
} from "@aws-sdk/client-redshift-data";
import type { Emulator } from "../../emulator";
import { REGION } from "./helpers";

/** A Data API client signed as one of the emulator's accounts; no retries unless asked. */
export function dataApiAs(emu: Emulator, account: string, extra: Partial<RedshiftDataClientConfig> = {}) {
  return new RedshiftDataClient({
    endpoint: emu.endpoint,
    region: REGION,
    credentials: emu.credentials(account),
    maxAttempts: 1,
    ...extra,
  });
}

/** Where a statement runs: a namespace's cluster or workgroup and database, as the banner prints them. */
export function targetOf(emu: Emulator, account: string, namespaceIndex = 0) {
  const t = emu.dataApiTarget(account, namespaceIndex);
  return {
    ...(t.clusterIdentifier ? { ClusterIdentifier: t.clusterIdentifier, DbUser: "admin" } : {}),
    ...(t.workgroupName ? { WorkgroupName: t.workgroupName } : {}),
    Database: t.database,
  };
}

const ENDED = new Set(["FINISHED", "FAILED", "ABORTED"]);

/** Polls DescribeStatement until the statement ends (no sleeping: the emulator settles due statements). */
export async function waitFor(
  client: RedshiftDataClient,
  id: string,
): Promise<DescribeStatementCommandOutput> {
  for (;;) {
    const described = await client.send(new DescribeStatementCommand({ Id: id }));
    if (ENDED.has(described.Status ?? "")) return described;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Runs one statement to its end; returns the description and, for a SELECT that finished, its rows. */
export async function runSql(client: RedshiftDataClient, target: object, sql: string) {
  const { Id } = await client.send(new ExecuteStatementCommand({ ...target, Sql: sql }));
  const described = await waitFor(client, Id!);
  let rows: Record<string, unknown>[] = [];
  if (described.Status === "FINISHED" && described.HasResultSet) {
    const result = await client.send(new GetStatementResultCommand({ Id }));
    const names = (result.ColumnMetadata ?? []).map((c) => c.name!);
    rows = (result.Records ?? []).map((record) =>
      Object.fromEntries(
        record.map((field, i) => [
          names[i],
          field.isNull
            ? null
            : (field.stringValue ?? field.longValue ?? field.booleanValue ?? field.doubleValue),
        ]),
      ),
    );
  }
  return { described, rows };
}

export async function runBatch(
  client: RedshiftDataClient,
  target: object,
  sqls: string[],
  mode?: "AUTO_COMMIT",
) {
  const { Id } = await client.send(
    new BatchExecuteStatementCommand({ ...target, Sqls: sqls, ...(mode ? { ExecutionMode: mode } : {}) }),
  );
  return waitFor(client, Id!);
}
