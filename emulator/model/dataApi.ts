import { randomUUID } from "node:crypto";
import { ActiveStatementsExceededException, ResourceNotFoundException, ValidationException } from "../faults";
import type { Statement } from "../sql/ast";
import { StatementError } from "../sql/errors";
import type { Behaviours } from "./behaviours";
import { databaseOf } from "./catalog";
import { resolveTarget, type DataApiTarget } from "./dataApiTarget";
import type { Caller } from "./principals";
import { checkTransactional, parseSql, runStatement } from "./sqlRunner";
import type { SqlSession } from "./sqlSession";
import { statusAt, type StatementRecord } from "./statements";
import type { StateStore } from "./store";
import type { Account, ModelState } from "./types";

export interface ExecuteStatementInput extends DataApiTarget {
  Sql?: string;
  StatementName?: string;
  ClientToken?: string;
}

export interface BatchExecuteStatementInput extends DataApiTarget {
  Sqls?: string[];
  StatementName?: string;
  ClientToken?: string;
  ExecutionMode?: "TRANSACTION" | "AUTO_COMMIT";
}

/** How statements run: drawn duration, random failures, the active-statement quota. */
export interface StatementRuntime {
  durationMs(): number;
  /** True when this statement is to fail as a concurrent-transaction conflict would make it. */
  conflict(): boolean;
  maxActiveStatements(): number | undefined;
}

const CONFLICT =
  "ERROR: 1023 DETAIL: Serializable isolation violation on a table in Redshift (an injected conflict)";

/**
 * The Data API's statements over the model: submitted at once, run on the model when their
 * drawn duration has passed (at once when it is 0), kept in memory only.
 */
export class DataApiBackend {
  private readonly statements = new Map<string, StatementRecord>();
  /** Behaviour clientToken: the statement each (account, region, ClientToken) submitted. */
  private readonly byClientToken = new Map<string, StatementRecord>();
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(
    private readonly store: StateStore,
    private readonly clock: () => Date,
    private readonly behaviours: () => Behaviours,
    private readonly runtime: StatementRuntime,
  ) {}

  private account(caller: Caller): Account {
    const account = this.store.state.accounts.find((a) => a.id === caller.principal.accountId);
    if (!account) throw new ValidationException(`Unknown account ${caller.principal.accountId}`);
    return account;
  }

  executeStatement(caller: Caller, input: ExecuteStatementInput): Promise<StatementRecord> {
    if (typeof input.Sql !== "string" || input.Sql.trim() === "") {
      throw new ValidationException("Sql must be a non-empty SQL statement.");
    }
    return this.submit(caller, input, [input.Sql], false, false);
  }

  batchExecuteStatement(caller: Caller, input: BatchExecuteStatementInput): Promise<StatementRecord> {
    const sqls = input.Sqls ?? [];
    if (sqls.length === 0 || sqls.length > 40 || sqls.some((s) => typeof s !== "string" || s.trim() === "")) {
      throw new ValidationException("Sqls must hold 1 to 40 non-empty SQL statements.");
    }
    return this.submit(caller, input, sqls, true, (input.ExecutionMode ?? "TRANSACTION") === "TRANSACTION");
  }

  private async submit(
    caller: Caller,
    input: DataApiTarget & { StatementName?: string; ClientToken?: string },
    sqls: string[],
    isBatch: boolean,
    transaction: boolean,
  ): Promise<StatementRecord> {
    const account = this.account(caller);
    const tokenKey =
      typeof input.ClientToken === "string" && this.behaviours().clientToken === "honoured"
        ? JSON.stringify([account.id, caller.region, input.ClientToken])
        : undefined;
    const earlier = tokenKey === undefined ? undefined : this.byClientToken.get(tokenKey);
    if (earlier) return earlier;
    const target = resolveTarget(account, caller, input);
    const now = this.clock().getTime();
    this.checkQuota(account.id);
    const record: StatementRecord = {
      id: randomUUID(),
      accountId: account.id,
      region: caller.region,
      namespaceId: target.namespace.id,
      database: target.database ?? databaseOf(target.namespace),
      echo: target.echo,
      isBatch,
      transaction,
      ...(input.StatementName ? { statementName: input.StatementName } : {}),
      createdAt: now,
      endsAt: now + Math.max(0, this.runtime.durationMs()),
      subStatements: sqls.map((sql) => ({ sql, status: "SUBMITTED", updatedAt: now })),
    };
    this.statements.set(record.id, record);
    if (tokenKey !== undefined) this.byClientToken.set(tokenKey, record);
    if (record.endsAt <= now) await this.complete(record);
    else {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.complete(record).catch((error: unknown) => {
          console.error("emulator: a Data API statement failed to run", error);
          this.end(record, "FAILED", this.clock().getTime(), "ERROR: internal error in the emulator", 0);
        });
      }, record.endsAt - now);
      this.timers.add(timer);
    }
    return record;
  }

  private checkQuota(accountId: string): void {
    const max = this.runtime.maxActiveStatements();
    if (max === undefined) return;
    const active = [...this.statements.values()].filter((s) => s.accountId === accountId && !s.outcome);
    if (active.length >= max) {
      throw new ActiveStatementsExceededException(`Active statements exceeded the allowed quota (${max}).`);
    }
  }

  /** Runs the statement on the model (once) and records its outcome. */
  private async complete(record: StatementRecord): Promise<void> {
    if (record.outcome) return;
    const at = Math.max(this.clock().getTime(), record.endsAt);
    if (this.runtime.conflict()) {
      this.end(record, "FAILED", at, CONFLICT, 0);
      return;
    }
    await this.store.mutate((state) => this.run(state, record, at));
  }

  private run(state: ModelState, record: StatementRecord, at: number): void {
    const account = state.accounts.find((a) => a.id === record.accountId);
    const namespace = account?.namespaces.find((n) => n.id === record.namespaceId);
    if (!account || !namespace)
      return this.end(record, "FAILED", at, "FATAL: the namespace no longer exists", 0);
    const session: SqlSession = {
      state,
      account,
      namespace,
      database: record.database,
      now: new Date(at).toISOString(),
      behaviours: this.behaviours(),
    };
    const databases = [
      databaseOf(namespace),
      ...(state.consumerDatabases ?? [])
        .filter((d) => d.accountId === account.id && d.namespaceId === namespace.id)
        .map((d) => d.name),
    ];
    if (!databases.includes(record.database)) {
      return this.end(record, "FAILED", at, `FATAL: database "${record.database}" does not exist`, 0);
    }
    const snapshot = record.transaction ? structuredClone(state) : undefined;
    let index = 0;
    try {
      const parsed: Statement[] = [];
      for (index = 0; index < record.subStatements.length; index++) {
        parsed.push(parseSql(record.subStatements[index].sql));
        if (record.transaction) checkTransactional(parsed[index], session);
      }
      for (index = 0; index < parsed.length; index++) {
        const result = runStatement(session, parsed[index]);
        Object.assign(record.subStatements[index], {
          status: "FINISHED",
          updatedAt: at,
          ...(result ? { result } : {}),
        });
      }
    } catch (caught) {
      if (!(caught instanceof StatementError)) throw caught;
      if (snapshot) Object.assign(state, snapshot);
      const position = caught.position !== undefined ? ` (Position ${caught.position})` : "";
      return this.end(record, "FAILED", at, `ERROR: ${caught.message}${position}`, index);
    }
    this.end(record, "FINISHED", at, undefined, -1);
  }

  /**
   * Ends the statement. On failure the failing sub-statement is FAILED and the later ones ABORTED;
   * the earlier ones stay FINISHED in AUTO_COMMIT and are ABORTED (rolled back) in a transaction.
   */
  private end(
    record: StatementRecord,
    outcome: "FINISHED" | "FAILED" | "ABORTED",
    at: number,
    error: string | undefined,
    failedIndex: number,
  ): void {
    record.outcome = outcome;
    record.endedAt = at;
    if (error !== undefined) record.error = error;
    record.subStatements.forEach((sub, index) => {
      sub.updatedAt = at;
      if (outcome === "FINISHED") sub.status = "FINISHED";
      else if (index === failedIndex) Object.assign(sub, { status: "FAILED", error });
      else if (index > failedIndex || record.transaction || outcome === "ABORTED") sub.status = "ABORTED";
      if (sub.status !== "FINISHED") delete sub.result;
    });
  }

  /** The caller's statement (or a batch's sub-statement `<id>:<n>`); someone else's doesn't exist. */
  find(caller: Caller, id: string | undefined): { record: StatementRecord; subIndex?: number } {
    const [base, sub] = (id ?? "").split(":");
    const record = this.statements.get(base);
    const subIndex = sub === undefined ? undefined : Number(sub) - 1;
    if (
      !record ||
      record.accountId !== caller.principal.accountId ||
      record.region !== caller.region ||
      (subIndex !== undefined &&
        (!Number.isInteger(subIndex) || !record.subStatements[subIndex] || !record.isBatch))
    ) {
      throw new ResourceNotFoundException("Query does not exist.", id ?? "");
    }
    return { record, ...(subIndex !== undefined ? { subIndex } : {}) };
  }

  /** A statement whose time has come is run before anyone looks at it, timer or not. */
  async settle(record: StatementRecord): Promise<StatementRecord> {
    if (!record.outcome && this.clock().getTime() >= record.endsAt) await this.complete(record);
    return record;
  }

  cancelStatement(caller: Caller, id: string | undefined): boolean {
    const { record } = this.find(caller, id);
    const now = this.clock().getTime();
    const status = statusAt(record, now);
    if (record.outcome) {
      throw new ValidationException(
        `Could not cancel a query that is already in ${status} state with ID: ${record.id}`,
      );
    }
    this.end(record, "ABORTED", now, undefined, -1);
    return true;
  }

  list(caller: Caller): StatementRecord[] {
    return [...this.statements.values()]
      .filter((s) => s.accountId === caller.principal.accountId && s.region === caller.region)
      .sort((a, b) => b.createdAt - a.createdAt);
  }

  now(): number {
    return this.clock().getTime();
  }

  /** Stops the pending timers (the statements stay as they are). */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
