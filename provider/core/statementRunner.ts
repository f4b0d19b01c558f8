/**
 * Runs SQL through the Data API to its end: submit one statement (or a batch, one transaction),
 * poll DescribeStatement with backoff until FINISHED, FAILED or ABORTED, or the deadline; then read
 * the result rows. Clock and sleep are injected, so tests decide when time passes.
 *
 * A lost answer to ExecuteStatement is retried by the SDK, and the statement may then run twice
 * (dataApi.ts). Callers therefore send statements whose repeat is harmless, or, for one that fails
 * when repeated (CREATE DATASHARE of a name that exists, GRANT that exists), read the system views
 * after such a failure and adopt what they find rather than report it.
 */
import type { SqlApi, SqlRow, SqlTargetRequest, StatementDescription } from "./dataApi";
import { AwsCallError, ExplainedError, redact } from "./errors";

/** What the runner did, for benches and tests that count statements and polls. */
export type StatementEvent =
  | { kind: "submitted"; statementId: string; statements: number }
  | { kind: "busy"; attempt: number }
  | { kind: "polled"; statementId: string; status: string }
  | { kind: "cancelled"; statementId: string };

export interface RunnerOptions {
  /** How long a statement may take from its submission, in ms (statementTimeoutSeconds). */
  deadlineMs: number;
  /** Defaults to Date.now. */
  now?: () => number;
  /** Defaults to a timer. */
  sleep?: (ms: number) => Promise<void>;
  onStatement?: (event: StatementEvent) => void;
  /** Values that must never reach a message (credentials). */
  secrets?: readonly string[];
}

export interface StatementOutcome {
  statementId: string;
  /** The statement's rows (a batch: its last sub-statement with a result), by column name. */
  rows: SqlRow[];
}

export type StatementFailureKind = "failed" | "aborted" | "timeout" | "busy";

/** A statement that did not finish; the message is one sentence with the statement ID. */
export class SqlStatementError extends ExplainedError {
  override readonly name = "SqlStatementError";
  constructor(
    readonly kind: StatementFailureKind,
    message: string,
    readonly statementId?: string,
    /** Redshift's error text (redacted) of a FAILED statement. */
    readonly redshiftError?: string,
    /** A FAILED batch: the index of the sub-statement that failed (the others did not stay). */
    readonly failedStatement?: number,
  ) {
    super(message);
  }
}

/** First poll at once, then 50 ms growing ×1.5 up to 1 s. */
export const FIRST_POLL_DELAY_MS = 50;
export const POLL_GROWTH = 1.5;
export const MAX_POLL_DELAY_MS = 1000;

/** The wait before poll number `n` (0: the first, at once). */
export function pollDelayMs(n: number): number {
  if (n <= 0) return 0;
  return Math.min(MAX_POLL_DELAY_MS, FIRST_POLL_DELAY_MS * POLL_GROWTH ** (n - 1));
}

const TERMINAL = new Set(["FINISHED", "FAILED", "ABORTED"]);

export const isActiveStatementsExceeded = (e: unknown): boolean =>
  e instanceof AwsCallError && e.code === "ActiveStatementsExceededException";

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Submits `sql` (an array: one batch, one transaction) and waits for its end; `action` says what
 * it does ("create datashare sales"), for the error. Failures of the calls themselves reject with
 * their AwsCallError, for the caller to explain.
 */
export async function runStatement(
  api: SqlApi,
  target: SqlTargetRequest,
  sql: string | readonly string[],
  action: string,
  options: RunnerOptions,
): Promise<StatementOutcome> {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? realSleep;
  const emit = options.onStatement ?? (() => undefined);
  const clean = (text: string) => redact(text, options.secrets ?? []);
  const deadline = now() + options.deadlineMs;
  const batch = typeof sql !== "string";
  const wait = (ms: number) => sleep(Math.max(0, Math.min(ms, deadline - now())));

  let statementId: string | undefined;
  for (let attempt = 0; statementId === undefined; attempt++) {
    try {
      statementId = batch
        ? await api.batchExecuteStatement(target, sql)
        : await api.executeStatement(target, sql);
    } catch (e) {
      if (!isActiveStatementsExceeded(e)) throw e;
      emit({ kind: "busy", attempt: attempt + 1 });
      if (now() >= deadline) {
        throw new SqlStatementError(
          "busy",
          clean(
            `${action} failed: Redshift kept refusing the statement because too many statements were running ` +
              `(ActiveStatementsExceededException) for ${seconds(options.deadlineMs)}; nothing was run, try again later.`,
          ),
        );
      }
      await wait(pollDelayMs(attempt + 1));
    }
  }
  emit({ kind: "submitted", statementId, statements: batch ? sql.length : 1 });

  let described: StatementDescription | undefined;
  for (let poll = 0; ; poll++) {
    if (poll > 0) await wait(pollDelayMs(poll));
    described = await api.describeStatement(statementId);
    emit({ kind: "polled", statementId, status: described.status });
    if (TERMINAL.has(described.status)) break;
    if (now() >= deadline) {
      described = await cancelAtDeadline(api, statementId, emit);
      if (described === undefined) {
        throw new SqlStatementError(
          "timeout",
          clean(
            `${action} did not finish within ${seconds(options.deadlineMs)} (statementTimeoutSeconds), ` +
              `so statement ${statementId} was cancelled and nothing it did was kept.`,
          ),
          statementId,
        );
      }
      break;
    }
  }

  if (described.status === "FAILED") {
    const said = clean(failureText(described));
    throw new SqlStatementError(
      "failed",
      clean(`${action} failed: Redshift answered "${said}" (statement ${statementId}).`),
      statementId,
      said,
      batch ? failedSubStatement(described) : undefined,
    );
  }
  if (described.status === "ABORTED") {
    throw new SqlStatementError(
      "aborted",
      clean(
        `${action} failed: statement ${statementId} was cancelled before it finished, and nothing it did was kept.`,
      ),
      statementId,
    );
  }
  return { statementId, rows: await resultRows(api, described) };
}

/**
 * CancelStatement at the deadline. A statement that ended meanwhile cannot be cancelled: then its
 * end counts (undefined means it was cancelled).
 */
async function cancelAtDeadline(
  api: SqlApi,
  statementId: string,
  emit: (event: StatementEvent) => void,
): Promise<StatementDescription | undefined> {
  try {
    await api.cancelStatement(statementId);
    emit({ kind: "cancelled", statementId });
    return undefined;
  } catch (e) {
    const after = await api.describeStatement(statementId);
    emit({ kind: "polled", statementId, status: after.status });
    if (after.status === "FINISHED" || after.status === "FAILED") return after;
    if (after.status === "ABORTED") return undefined;
    throw e;
  }
}

/** The index of a batch's FAILED sub-statement, if DescribeStatement names one. */
function failedSubStatement(d: StatementDescription): number | undefined {
  const index = d.subStatements.findIndex((s) => s.status === "FAILED");
  return index >= 0 ? index : undefined;
}

function failureText(d: StatementDescription): string {
  const sub = d.subStatements.find((s) => s.status === "FAILED" && s.error);
  return (d.error ?? sub?.error ?? "no error text").trim().replace(/\s+/g, " ");
}

async function resultRows(api: SqlApi, d: StatementDescription): Promise<SqlRow[]> {
  if (d.subStatements.length === 0) return d.hasResultSet ? api.getStatementResult(d.id) : [];
  const withResult = d.subStatements.filter((s) => s.hasResultSet);
  const last = withResult[withResult.length - 1];
  return last ? api.getStatementResult(last.id) : [];
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}
