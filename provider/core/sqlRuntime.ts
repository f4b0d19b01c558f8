/**
 * The skeleton of the SQL resources' providers (DataShare, DataShareGrant, DataShareDatabase): the
 * core's runtime (runtime.ts: settings, clients per region, describes, claims, warnings, the gone
 * record) typed for the Data API adapter, plus the statements: `run` and `query` through the
 * statement runner with the provider's timeout, failures explained, and mutations of a datashare
 * inside its window of the shared describe coalescer, so that no DescribeDataShares answer from
 * before a GRANT, REVOKE or DROP is reused after it.
 */
import type { dynamic } from "@pulumi/pulumi";
import type { CheckResult } from "./check";
import type { ClaimRegistry } from "./claims";
import { ProviderSettings, statementTimeoutMs } from "./config";
import { createSqlApi, SqlApi, SqlRow } from "./dataApi";
import { deleteDecision } from "./deleteDecision";
import type { DescribeCoalescer } from "./describeCoalescer";
import { AwsCallError, FailureClass } from "./errors";
import type { GoneReason } from "./goneReport";
import { requireRegion, resolveRegion } from "./regions";
import { createResourceRuntime, ProviderOptionsFor } from "./runtime";
import { SqlTarget, targetRequest } from "./sqlTarget";
import type { LiveDataShare } from "./types";
import { runStatement, RunnerOptions, StatementEvent, StatementOutcome } from "./statementRunner";
import { noteThroughPulumi } from "./warn";

/** A SQL resource provider's options: the shared ones, and the runner's clock for tests and benches. */
export interface SqlProviderOptions extends ProviderOptionsFor<SqlApi> {
  /** The runner's clock and sleep (statementRunner.ts); default real time. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Told of every statement submitted, poll and cancel (benches count them). */
  onStatement?: (event: StatementEvent) => void;
}

export interface SqlRuntime {
  readonly describes: DescribeCoalescer;
  readonly claims: ClaimRegistry;
  /** The provider's settings (throws ConfigurationError while invalid). */
  settings(): ProviderSettings;
  /** The adapter for an API region (`regionFor`'s answer). */
  apiFor(region: string): SqlApi;
  /**
   * The region calls go to: the first set of the candidates, in the caller's order (declared, then
   * recorded, then the ID's: provider/README.md, "SQL resources"), else the provider's.
   */
  regionFor(...own: unknown[]): string;
  /** The region check and diff show: the resource's, else the provider's, else undefined. */
  defaultRegion(...own: unknown[]): string | undefined;
  /** The caller's account, asked from STS once per client. */
  callerAccount(api: SqlApi): Promise<string>;
  configure(req: dynamic.ConfigureRequest): void;
  requireValid(result: CheckResult): void;
  warn(message: string): void;
  secrets(): string[];
  /** A failed call explained (AwsCallError → the resource's failure); other errors pass. */
  explain(err: unknown, action: string): Error;
  reportGone(id: string, gone: { reason: GoneReason; sentence: string }): Promise<dynamic.ReadResult>;
  /** check: the program declares this key in this run (claims.ts). */
  claim(canonicalKey: string): void;
  /** The stack holds this key in this run: a create or update succeeded, or diff found no change. */
  hold(canonicalKey: string): void;
  /**
   * DescribeDataShares of one datashare through the shared describes (reused as describeReuseSeconds
   * allows), or undefined when it does not exist; other failures explained under `action`.
   */
  describeDataShare(api: SqlApi, dataShareArn: string, action: string): Promise<LiveDataShare[] | undefined>;
  /**
   * Runs `sql` (an array: one batch, one transaction) to its end at `target`; `action` names it in
   * errors ("create datashare sales"). With `mutating`, inside that datashare ARN's mutation window.
   */
  run(
    api: SqlApi,
    target: SqlTarget,
    sql: string | readonly string[],
    action: string,
    mutating?: string,
  ): Promise<StatementOutcome>;
  /** A SELECT's rows by column name. */
  query(api: SqlApi, target: SqlTarget, sql: string, action: string): Promise<SqlRow[]>;
  /** Any mutation of a datashare (by ARN), so the describes of other resources start afresh after it. */
  whileMutating<T>(dataShareArn: string, mutate: () => Promise<T>): Promise<T>;
  /**
   * delete: runs `remove` (inside the datashare's mutation window when its ARN is known) unless a
   * check in this run claimed the key; else leaves the live object alone and says so (claims.ts).
   */
  deleteUnlessClaimed(
    key: { canonical: string; dataShareArn?: string; what: string },
    remove: () => Promise<void>,
  ): Promise<void>;
}

export function createSqlRuntime(
  resource: string,
  Failure: FailureClass,
  options: SqlProviderOptions,
): SqlRuntime {
  const rt = createResourceRuntime<SqlApi>(resource, Failure, options, createSqlApi);
  const note = options.note ?? noteThroughPulumi;
  const settingsRegionOrNone = () => {
    try {
      return rt.clients.settings().region;
    } catch {
      return undefined;
    }
  };
  const runnerOptions = (): RunnerOptions => ({
    deadlineMs: statementTimeoutMs(rt.clients.settings()),
    secrets: rt.secrets(),
    ...(options.now ? { now: options.now } : {}),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    ...(options.onStatement ? { onStatement: options.onStatement } : {}),
  });
  const whileMutating = <T>(arn: string, mutate: () => Promise<T>) => rt.describes.whileMutating(arn, mutate);

  async function run(
    api: SqlApi,
    target: SqlTarget,
    sql: string | readonly string[],
    action: string,
    mutating?: string,
  ): Promise<StatementOutcome> {
    const go = () => runStatement(api, targetRequest(target), sql, action, runnerOptions());
    try {
      return await (mutating !== undefined ? whileMutating(mutating, go) : go());
    } catch (e) {
      throw e instanceof AwsCallError ? rt.explain(e, action) : e;
    }
  }

  return {
    describes: rt.describes,
    claims: rt.claims,
    settings: () => rt.clients.settings(),
    apiFor: (region) => rt.clients.apiFor(region),
    regionFor: (...own) => requireRegion(resolveRegion(own, undefined, () => rt.clients.settings().region)),
    defaultRegion: (...own) => resolveRegion(own, undefined, settingsRegionOrNone),
    callerAccount: (api) => rt.callerAccount(api),
    configure: (req) => rt.configure(req),
    requireValid: (result) => rt.requireValid(result),
    warn: (message) => rt.warn(message),
    secrets: () => rt.secrets(),
    explain: (err, action) => rt.explain(err, action),
    reportGone: (id, gone) => rt.reportGone(id, gone),
    claim: (key) => rt.claims.claim(resource, key),
    hold: (key) => rt.hold(key),
    describeDataShare: (api, arn, action) => rt.describeForRead(api, arn, action),
    run,
    query: async (api, target, sql, action) => (await run(api, target, sql, action)).rows,
    whileMutating,
    async deleteUnlessClaimed(key, remove) {
      const decision = deleteDecision(resource, key.what, {
        claimed: rt.claims.isClaimed(resource, key.canonical),
        held: rt.claims.isHeld(resource, key.canonical),
      });
      if (decision.kind === "note") note(decision.message);
      if (decision.kind === "warn") rt.warn(decision.message);
      if (decision.kind !== "remove") return;
      await (key.dataShareArn !== undefined ? whileMutating(key.dataShareArn, remove) : remove());
    },
  };
}
