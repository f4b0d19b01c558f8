import * as assert from "node:assert/strict";
import { createSqlApi, SqlApi, SqlTargetRequest } from "../../../provider/core/dataApi";
import { AwsCallError } from "../../../provider/core/errors";
import {
  MAX_POLL_DELAY_MS,
  pollDelayMs,
  runStatement,
  RunnerOptions,
  SqlStatementError,
  StatementEvent,
} from "../../../provider/core/statementRunner";
import { selectOutboundDataShare } from "../../../provider/core/systemViews";
import { Emulator, REGION, startSeededEmulator } from "../../../harness/emulatorFixture";

/** A statement that outlives any test: it ends only when cancelled. */
const FOREVER = { minMs: 600_000, maxMs: 600_000 };

/** Time passes only when the runner sleeps: each sleep moves the clock by what it asked for. */
function virtualTime() {
  let at = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => at,
    sleep: async (ms: number) => {
      slept.push(ms);
      at += ms;
    },
  };
}

describe("statementRunner against the emulator's Data API", function () {
  let emu: Emulator;
  let api: SqlApi;
  let target: SqlTargetRequest;
  let events: StatementEvent[];
  let secret: string;

  const options = (extra: Partial<RunnerOptions> = {}): RunnerOptions => {
    const time = virtualTime();
    return {
      deadlineMs: 10_000,
      now: time.now,
      sleep: time.sleep,
      onStatement: (e) => events.push(e),
      secrets: [secret],
      ...extra,
    };
  };

  before(async () => {
    emu = await startSeededEmulator();
  });
  after(async () => emu.stop());
  beforeEach(async () => {
    await emu.admin.reset();
    emu.setFaults({});
    const credentials = emu.credentials("producer");
    secret = credentials.secretAccessKey;
    api = createSqlApi({
      region: REGION,
      endpoint: emu.endpoint,
      stsEndpoint: emu.endpoint,
      credentials,
      maxAttempts: 1,
    });
    const t = emu.dataApiTarget("producer", 0);
    target = { ClusterIdentifier: t.clusterIdentifier, Database: t.database };
    events = [];
  });

  it("runs a statement to FINISHED and reads its rows by column name", async () => {
    await runStatement(
      api,
      target,
      "CREATE DATASHARE runner_rows",
      "create datashare runner_rows",
      options(),
    );
    const out = await runStatement(
      api,
      target,
      selectOutboundDataShare("runner_rows"),
      "read datashare runner_rows",
      options(),
    );
    assert.match(out.statementId, /\S/);
    assert.equal(out.rows.length, 1);
    assert.equal(out.rows[0].share_name, "runner_rows");
    assert.equal(out.rows[0].share_type, "OUTBOUND");
    assert.equal(out.rows[0].is_publicaccessible, false);
    assert.deepEqual(
      events.filter((e) => e.kind === "submitted").map((e) => e.kind),
      ["submitted", "submitted"],
    );
  });

  it("reports a FAILED statement as one sentence with Redshift's error and the statement ID, never a credential", async () => {
    const word = "hiddenvalue12345";
    const err = await runStatement(api, target, `${word} ${secret}`, "create datashare x", {
      ...options(),
      secrets: [secret, word],
    }).then(
      () => assert.fail("expected a failure"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof SqlStatementError);
    assert.equal(err.kind, "failed");
    assert.ok(err.statementId);
    assert.match(
      err.message,
      /^create datashare x failed: Redshift answered ".*syntax error.*" \(statement \S+\)\.$/,
    );
    assert.ok(err.message.includes(err.statementId!));
    assert.doesNotMatch(err.message, new RegExp(word));
    assert.ok(!err.message.includes(secret));
    assert.equal(err.message.split(/\.\s/).length, 1, "one sentence");
  });

  it("reports a statement that ended FAILED by a conflict with the statement ID", async () => {
    emu.setFaults({ statementFailureRate: 1 });
    await assert.rejects(
      runStatement(
        api,
        target,
        "CREATE DATASHARE runner_conflict",
        "create datashare runner_conflict",
        options(),
      ),
      (e: unknown) =>
        e instanceof SqlStatementError &&
        e.kind === "failed" &&
        /Serializable isolation violation/.test(e.message) &&
        e.message.includes(e.statementId!),
    );
  });

  it("cancels a statement still running at the deadline and fails, nothing kept", async () => {
    emu.setFaults({ statementMs: FOREVER });
    const time = virtualTime();
    const err = await runStatement(
      api,
      target,
      "CREATE DATASHARE runner_slow",
      "create datashare runner_slow",
      {
        ...options(),
        deadlineMs: 2_000,
        now: time.now,
        sleep: time.sleep,
      },
    ).then(
      () => assert.fail("expected a timeout"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof SqlStatementError);
    assert.equal(err.kind, "timeout");
    assert.match(err.message, /did not finish within 2 s .* was cancelled/);
    assert.ok(events.some((e) => e.kind === "cancelled" && e.statementId === err.statementId));
    assert.equal((await api.describeStatement(err.statementId!)).status, "ABORTED");
    assert.equal(time.now(), 2_000, "the runner waits no longer than the deadline");
    emu.setFaults({});
    const rows = await runStatement(api, target, selectOutboundDataShare("runner_slow"), "read", options());
    assert.deepEqual(rows.rows, []);
  });

  it("polls at once, then from 50 ms growing by half each time to 1 s", () => {
    assert.equal(pollDelayMs(0), 0);
    assert.equal(pollDelayMs(1), 50);
    assert.equal(pollDelayMs(2), 75);
    assert.equal(pollDelayMs(3), 112.5);
    assert.equal(pollDelayMs(50), MAX_POLL_DELAY_MS);
  });

  it("retries a submission refused with ActiveStatementsExceededException until a slot frees", async () => {
    emu.setFaults({ maxActiveStatements: 1, statementMs: FOREVER });
    const blocker = await api.executeStatement(target, "CREATE DATASHARE runner_blocker");
    const time = virtualTime();
    const out = await runStatement(
      api,
      target,
      "CREATE DATASHARE runner_busy",
      "create datashare runner_busy",
      {
        ...options(),
        now: time.now,
        // The slot frees during the first wait: the blocking statement is cancelled.
        sleep: async (ms) => {
          if (time.slept.length === 0) {
            await api.cancelStatement(blocker);
            emu.setFaults({ maxActiveStatements: 1 });
          }
          await time.sleep(ms);
        },
      },
    );
    assert.match(out.statementId, /\S/);
    assert.deepEqual(
      events.filter((e) => e.kind === "busy"),
      [{ kind: "busy", attempt: 1 }],
    );
  });

  it("gives up on a refused submission at the deadline with a sentence that says nothing ran", async () => {
    emu.setFaults({ maxActiveStatements: 1, statementMs: FOREVER });
    await api.executeStatement(target, "CREATE DATASHARE runner_blocker2");
    await assert.rejects(
      runStatement(api, target, "CREATE DATASHARE runner_never", "create datashare runner_never", {
        ...options(),
        deadlineMs: 1_000,
      }),
      (e: unknown) =>
        e instanceof SqlStatementError && e.kind === "busy" && /nothing was run/.test(e.message),
    );
  });

  it("runs a batch as one transaction: a failure keeps none of its statements", async () => {
    const err = await runStatement(
      api,
      target,
      ["CREATE DATASHARE runner_batch_a", "CREATE DATASHARE runner_batch_a"],
      "create datashares",
      options(),
    ).then(
      () => assert.fail("expected the batch to fail"),
      (e: unknown) => e,
    );
    assert.ok(err instanceof SqlStatementError && err.kind === "failed");
    assert.match(err.message, /already exists/);
    assert.equal(err.failedStatement, 1, "the error names the sub-statement that failed");
    const rows = await runStatement(
      api,
      target,
      selectOutboundDataShare("runner_batch_a"),
      "read",
      options(),
    );
    assert.deepEqual(rows.rows, [], "the first statement was rolled back with the failure");

    const ok = await runStatement(
      api,
      target,
      ["CREATE DATASHARE runner_batch_b", selectOutboundDataShare("runner_batch_b")],
      "create and read",
      options(),
    );
    assert.equal(ok.rows.length, 1, "a batch answers the rows of its last statement with a result");
    assert.deepEqual(
      events.filter((e) => e.kind === "submitted").map((e) => (e.kind === "submitted" ? e.statements : 0)),
      [2, 1, 2],
    );
  });

  const retryingApi = () =>
    createSqlApi({
      region: REGION,
      endpoint: emu.endpoint,
      stsEndpoint: emu.endpoint,
      credentials: emu.credentials("producer"),
      maxAttempts: 2,
    });

  it("a lost ExecuteStatement answer, retried by the SDK with its ClientToken (clientToken=honoured): the one statement's answer", async () => {
    emu.setBehaviours({ clientToken: "honoured" });
    const droppedBefore = emu.injectedFaults().droppedResponses;
    emu.setFaults({ dropResponse: ["ExecuteStatement"], dropResponseCount: 1 });
    const outcome = await runStatement(
      retryingApi(),
      target,
      "CREATE DATASHARE runner_token",
      "create datashare runner_token",
      options(),
    );
    assert.match(outcome.statementId, /^[0-9a-f-]{36}$/);
    assert.equal(emu.injectedFaults().droppedResponses, droppedBefore + 1);
  });

  it("a lost ExecuteStatement answer, retried where the token is not honoured (clientToken=ignored): the statement runs twice; the caller reads the views and adopts", async () => {
    emu.setBehaviours({ clientToken: "ignored" });
    const droppedBefore = emu.injectedFaults().droppedResponses;
    emu.setFaults({ dropResponse: ["ExecuteStatement"], dropResponseCount: 1 });
    const retrying = retryingApi();
    // The first run created the datashare; the SDK's retry ran it again, which fails as a repeat.
    await assert.rejects(
      runStatement(
        retrying,
        target,
        "CREATE DATASHARE runner_lost",
        "create datashare runner_lost",
        options(),
      ),
      (e: unknown) =>
        e instanceof SqlStatementError && e.kind === "failed" && /already exists/.test(e.message),
    );
    const rows = await runStatement(
      retrying,
      target,
      selectOutboundDataShare("runner_lost"),
      "read",
      options(),
    );
    assert.equal(
      rows.rows.length,
      1,
      "the datashare exists: a caller that reads after such a failure adopts it",
    );
    assert.equal(emu.injectedFaults().droppedResponses, droppedBefore + 1);
  });

  it("passes a refused submission on as the AwsCallError, for the provider to explain", async () => {
    await assert.rejects(
      runStatement(api, { Database: "dev" }, "SELECT 1", "read", options()),
      (e: unknown) => e instanceof AwsCallError && e.code === "ValidationException",
    );
  });
});

describe("statementRunner's decisions, on a scripted Data API", () => {
  /** Answers DescribeStatement from `statuses` in order (the last one repeats). */
  function scripted(statuses: string[], cancel: () => Promise<void>) {
    const calls: string[] = [];
    let i = 0;
    const api: SqlApi = {
      executeStatement: async () => (calls.push("execute"), "s1"),
      batchExecuteStatement: async () => (calls.push("batch"), "b1"),
      describeStatement: async (id) => {
        calls.push("describe");
        const status = statuses[Math.min(i++, statuses.length - 1)];
        return { id, status: status as never, hasResultSet: status === "FINISHED", subStatements: [] };
      },
      getStatementResult: async () => (calls.push("result"), [{ n: 1 }]),
      cancelStatement: async () => (calls.push("cancel"), cancel()),
      describeDataShares: async () => [],
      getCallerIdentity: async () => ({ account: "111122223333" }),
    };
    return { api, calls };
  }

  it("keeps the end of a statement that finished while it was being cancelled at the deadline", async () => {
    const { api, calls } = scripted(["STARTED", "STARTED", "FINISHED"], async () => {
      throw new AwsCallError(
        "CancelStatement",
        "ValidationException",
        "Could not cancel a query that is already in FINISHED state",
      );
    });
    const time = virtualTime();
    const out = await runStatement(api, { Database: "dev" }, "SELECT 1", "read", {
      deadlineMs: 50,
      now: time.now,
      sleep: time.sleep,
    });
    assert.deepEqual(out, { statementId: "s1", rows: [{ n: 1 }] });
    assert.deepEqual(calls, ["execute", "describe", "describe", "cancel", "describe", "result"]);
    assert.deepEqual(time.slept, [50]);
  });

  it("passes on a cancel that failed while the statement still runs", async () => {
    const refused = new AwsCallError("CancelStatement", "InternalServerException", "try later");
    const { api } = scripted(["STARTED"], async () => {
      throw refused;
    });
    const time = virtualTime();
    await assert.rejects(
      runStatement(api, { Database: "dev" }, "SELECT 1", "read", {
        deadlineMs: 10,
        now: time.now,
        sleep: time.sleep,
      }),
      (e: unknown) => e === refused,
    );
  });

  it("waits between polls as the backoff says, never past the deadline", async () => {
    const { api } = scripted(
      ["SUBMITTED", "PICKED", "STARTED", "STARTED", "FINISHED"],
      async () => undefined,
    );
    const time = virtualTime();
    await runStatement(api, { Database: "dev" }, "SELECT 1", "read", {
      deadlineMs: 10_000,
      now: time.now,
      sleep: time.sleep,
    });
    assert.deepEqual(time.slept, [50, 75, 112.5, 168.75]);
  });
});
