/**
 * What a SQL provider's operation sent, as its statement hook told it (the `onStatement` option of
 * the public factories) and as the Data API describes those statements afterwards: the statements
 * the floor sends again, and when each ended against when the provider saw it end.
 */
import * as rsd from "@aws-sdk/client-redshift-data";
import type { SentStatement, Wave } from "./program/sqlReplay";

/** The hook's events this bench reads (the runner's StatementEvent, structurally). */
export type StatementEvent = { kind: string; statementId?: string; status?: string };
export type TimedEvent = { atMs: number; event: StatementEvent };

export interface RecordedStatement extends SentStatement {
  id: string;
  createdMs: number;
  endedMs: number;
}

const TERMINAL = new Set(["FINISHED", "FAILED", "ABORTED"]);

/** A hook that keeps every event with the wall-clock time it came. */
export function statementLog() {
  const events: TimedEvent[] = [];
  return { events, onStatement: (event: StatementEvent) => events.push({ atMs: Date.now(), event }) };
}

/** The statements submitted, in order. */
export const submittedIds = (events: readonly TimedEvent[]) =>
  events.flatMap(({ event: e }) => (e.kind === "submitted" && e.statementId ? [e.statementId] : []));

/** Per statement: how many DescribeStatement polls, and when the first one that saw its end came. */
export function pollsOf(events: readonly TimedEvent[]) {
  const polls = new Map<string, { polls: number; seenMs?: number }>();
  for (const { atMs, event: e } of events) {
    if (e.kind !== "polled" || !e.statementId) continue;
    const p = polls.get(e.statementId) ?? { polls: 0 };
    p.polls++;
    if (p.seenMs === undefined && TERMINAL.has(e.status ?? "")) p.seenMs = atMs;
    polls.set(e.statementId, p);
  }
  return polls;
}

/** From each statement's end to the poll that saw it, ms (statements seen ending only). */
export function lagsOf(events: readonly TimedEvent[], recorded: readonly RecordedStatement[]): number[] {
  const polls = pollsOf(events);
  return recorded.flatMap((r) => {
    const seen = polls.get(r.id)?.seenMs;
    return seen === undefined ? [] : [seen - r.endedMs];
  });
}

/** Statements in the order they were sent; one that began before the last one ended runs beside it. */
export function toWaves(recorded: readonly RecordedStatement[]): Wave[] {
  const waves: { statements: RecordedStatement[]; endMs: number }[] = [];
  for (const r of [...recorded].sort((a, b) => a.createdMs - b.createdMs)) {
    const current = waves[waves.length - 1];
    if (current && r.createdMs < current.endMs) {
      current.statements.push(r);
      current.endMs = Math.max(current.endMs, r.endedMs);
    } else waves.push({ statements: [r], endMs: r.endedMs });
  }
  return waves.map((w) => w.statements.map(({ target, sql }) => ({ target, sql })));
}

/** The statements of these IDs as the Data API describes them. */
export async function describeStatements(
  client: rsd.RedshiftDataClient,
  ids: readonly string[],
): Promise<RecordedStatement[]> {
  return Promise.all(
    ids.map(async (id) => {
      const d = await client.send(new rsd.DescribeStatementCommand({ Id: id }));
      const target = {
        Database: d.Database ?? "",
        ...(d.ClusterIdentifier ? { ClusterIdentifier: d.ClusterIdentifier } : {}),
        ...(d.WorkgroupName ? { WorkgroupName: d.WorkgroupName } : {}),
        ...(d.DbUser ? { DbUser: d.DbUser } : {}),
        ...(d.SecretArn ? { SecretArn: d.SecretArn } : {}),
      };
      const sql = d.SubStatements?.length
        ? d.SubStatements.map((s) => s.QueryString ?? "")
        : (d.QueryString ?? "");
      const [createdMs, endedMs] = [d.CreatedAt?.getTime() ?? NaN, d.UpdatedAt?.getTime() ?? NaN];
      return { id, target, sql, createdMs, endedMs };
    }),
  );
}
