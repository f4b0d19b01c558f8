import type { DataApiTarget } from "./dataApiTarget";
import type { ResultSet } from "./systemViews";

export type StatementStatus = "SUBMITTED" | "PICKED" | "STARTED" | "FINISHED" | "FAILED" | "ABORTED";

export interface SubStatementRecord {
  sql: string;
  status: StatementStatus;
  error?: string;
  result?: ResultSet;
  updatedAt: number;
}

/**
 * One ExecuteStatement or BatchExecuteStatement. Times are epoch milliseconds. Until `endsAt`
 * it is SUBMITTED, PICKED, then STARTED (a quarter and a half of the way); it ends when the
 * model runs it, at `endsAt` (FINISHED or FAILED), or when cancelled (ABORTED).
 */
export interface StatementRecord {
  id: string;
  accountId: string;
  region: string;
  namespaceId: string;
  database: string;
  echo: DataApiTarget;
  isBatch: boolean;
  transaction: boolean;
  statementName?: string;
  createdAt: number;
  endsAt: number;
  /** Set when it ended: FINISHED, FAILED or ABORTED. */
  outcome?: "FINISHED" | "FAILED" | "ABORTED";
  endedAt?: number;
  error?: string;
  subStatements: SubStatementRecord[];
}

/** The status at `now`: the outcome once ended, else the phase the latency model puts it in. */
export function statusAt(record: StatementRecord, now: number): StatementStatus {
  if (record.outcome) return record.outcome;
  const span = record.endsAt - record.createdAt;
  const elapsed = now - record.createdAt;
  if (elapsed < span / 4) return "SUBMITTED";
  if (elapsed < span / 2) return "PICKED";
  return "STARTED";
}

/** AWS reports durations in nanoseconds; -1 before the statement ends. */
export function durationNanos(record: StatementRecord): number {
  return record.endedAt === undefined ? -1 : Math.round((record.endedAt - record.createdAt) * 1e6);
}
