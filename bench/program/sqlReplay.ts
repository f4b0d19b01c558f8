/**
 * The SQL floor's statements (bench/README.md, "SQL resources"): statements sent and polled
 * directly with the Redshift Data API client, as a user's own script would, no provider between.
 * Used in-process by the bench and, inside the floor's dynamic resources, by the provider host:
 * so nothing here imports from bench/ (the closure serializer takes this module as it is), the SDK
 * is loaded when first called (the floor's program process never loads it, as ours doesn't), and
 * no Set or Map is captured (the serializer can't take them).
 */
import type * as Rsd from "@aws-sdk/client-redshift-data";

const sdk = (): typeof Rsd => require("@aws-sdk/client-redshift-data");

/** Where a statement runs: the Data API's request members. */
export interface StatementTarget {
  ClusterIdentifier?: string;
  WorkgroupName?: string;
  Database: string;
  DbUser?: string;
  SecretArn?: string;
}

/** One statement (an array: one batch, one transaction) and where it ran. */
export interface SentStatement {
  target: StatementTarget;
  sql: string | string[];
}

/** Statements sent side by side; a wave starts once the one before it ended. */
export type Wave = SentStatement[];

export interface ReplayCounts {
  statements: number;
  polls: number;
  results: number;
  /** Per statement: from its end (DescribeStatement's UpdatedAt) to the poll that saw it, ms. */
  lagsMs: number[];
}

const TERMINAL = ["FINISHED", "FAILED", "ABORTED"];

/** Submits one statement, polls it every `pollMs` from at once to its end, reads its result. */
async function sendAndPoll(
  client: Rsd.RedshiftDataClient,
  s: SentStatement,
  pollMs: number,
  c: ReplayCounts,
) {
  const rsd = sdk();
  const target = { ...s.target };
  const sent = Array.isArray(s.sql)
    ? await client.send(new rsd.BatchExecuteStatementCommand({ ...target, Sqls: s.sql }))
    : await client.send(new rsd.ExecuteStatementCommand({ ...target, Sql: s.sql }));
  c.statements++;
  for (let poll = 0; ; poll++) {
    if (poll > 0) await new Promise((resolve) => setTimeout(resolve, pollMs));
    const d = await client.send(new rsd.DescribeStatementCommand({ Id: sent.Id }));
    c.polls++;
    if (!TERMINAL.includes(d.Status ?? "")) continue;
    c.lagsMs.push(Date.now() - (d.UpdatedAt?.getTime() ?? Date.now()));
    if (d.Status !== "FINISHED") throw new Error(`statement ${sent.Id} ended ${d.Status}: ${d.Error ?? ""}`);
    const withResult = (d.SubStatements ?? []).filter((sub) => sub.HasResultSet).map((sub) => sub.Id);
    const resultId = d.SubStatements?.length ? withResult[withResult.length - 1] : d.HasResultSet && d.Id;
    if (resultId) {
      await client.send(new rsd.GetStatementResultCommand({ Id: resultId }));
      c.results++;
    }
    return;
  }
}

/** Every wave in turn, the statements of one wave side by side. */
export async function replayWaves(
  client: Rsd.RedshiftDataClient,
  waves: readonly Wave[],
  pollMs: number,
): Promise<ReplayCounts> {
  const counts: ReplayCounts = { statements: 0, polls: 0, results: 0, lagsMs: [] };
  for (const wave of waves) await Promise.all(wave.map((s) => sendAndPoll(client, s, pollMs, counts)));
  return counts;
}

/** The Data API client of the environment (keys, region, endpoint: AWS_ENDPOINT_URL). */
export const dataClientFromEnv = () => new (sdk().RedshiftDataClient)({});
