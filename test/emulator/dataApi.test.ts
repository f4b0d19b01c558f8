import { strict as assert } from "node:assert";
import {
  ActiveStatementsExceededException,
  CancelStatementCommand,
  DescribeStatementCommand,
  ExecuteStatementCommand,
  GetStatementResultCommand,
  ListStatementsCommand,
  ResourceNotFoundException,
  ValidationException,
} from "@aws-sdk/client-redshift-data";
import { dataApiAs, runBatch, runSql, targetOf, waitFor } from "../fixtures/dataApiHelpers";
import { useEmulator } from "./helpers";

const SHARES = "SELECT share_name FROM svv_datashares WHERE share_type = 'OUTBOUND'";

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  assert.fail("accepted");
}

describe("emulator Data API: protocol and statement lifecycle through the real SDK", () => {
  const emu = useEmulator();
  beforeEach(async () => {
    await emu().admin.reset();
    emu().setFaults({});
  });

  it("runs a statement on a provisioned cluster with DbUser: Id and target echoed, FINISHED, listed", async () => {
    const client = dataApiAs(emu(), "producer");
    const out = await client.send(
      new ExecuteStatementCommand({
        ...targetOf(emu(), "producer"),
        Sql: "CREATE DATASHARE s1",
        StatementName: "mine",
      }),
    );
    assert.match(out.Id!, /^[0-9a-f-]{36}$/);
    assert.equal(out.ClusterIdentifier, "producer-cluster");
    assert.equal(out.DbUser, "admin");
    assert.ok(out.CreatedAt instanceof Date);
    const described = await waitFor(client, out.Id!);
    assert.equal(described.Status, "FINISHED");
    assert.equal(described.QueryString, "CREATE DATASHARE s1");
    assert.equal(described.HasResultSet, false);
    const listed = await client.send(new ListStatementsCommand({ StatementName: "mine" }));
    assert.deepEqual(
      listed.Statements?.map((s) => [s.Id, s.Status, s.IsBatchStatement]),
      [[out.Id, "FINISHED", false]],
    );
  });

  it("reaches a serverless workgroup and a cluster through a secret of the caller's account", async () => {
    const client = dataApiAs(emu(), "producer");
    const serverless = await runSql(client, targetOf(emu(), "producer", 1), SHARES);
    assert.deepEqual(serverless.rows, [{ share_name: "finance" }]);
    const secret = "arn:aws:secretsmanager:us-east-1:111122223333:secret:redshift-admin-AbCdEf";
    const viaSecret = await runSql(
      client,
      { ClusterIdentifier: "producer-cluster", SecretArn: secret },
      SHARES,
    );
    assert.deepEqual(viaSecret.rows.map((r) => r.share_name).sort(), ["marketing", "sales"]);
    assert.equal(viaSecret.described.Database, "dev", "the secret's database: the namespace's own");
  });

  for (const [title, input] of [
    [
      "both a cluster and a workgroup",
      { ClusterIdentifier: "producer-cluster", WorkgroupName: "producer-workgroup", Database: "dev" },
    ],
    ["neither a cluster nor a workgroup", { Database: "dev" }],
    [
      "DbUser with SecretArn",
      {
        ClusterIdentifier: "producer-cluster",
        Database: "dev",
        DbUser: "a",
        SecretArn: "arn:aws:secretsmanager:us-east-1:111122223333:secret:x",
      },
    ],
    ["DbUser with a workgroup", { WorkgroupName: "producer-workgroup", Database: "dev", DbUser: "a" }],
    ["no Database and no secret", { ClusterIdentifier: "producer-cluster", DbUser: "a" }],
    ["a cluster of another account", { ClusterIdentifier: "consumer-cluster", Database: "dev", DbUser: "a" }],
    [
      "a secret of another account",
      {
        ClusterIdentifier: "producer-cluster",
        SecretArn: "arn:aws:secretsmanager:us-east-1:444455556666:secret:x",
      },
    ],
  ] as [string, object][]) {
    it(`refuses ${title} with ValidationException`, async () => {
      const error = await rejection(
        dataApiAs(emu(), "producer").send(new ExecuteStatementCommand({ ...input, Sql: SHARES })),
      );
      assert.ok(error instanceof ValidationException, String(error));
    });
  }

  it("an unknown ID, or another account's, is ResourceNotFoundException", async () => {
    const { Id } = await dataApiAs(emu(), "producer").send(
      new ExecuteStatementCommand({ ...targetOf(emu(), "producer"), Sql: SHARES }),
    );
    for (const [account, id] of [
      ["producer", "00000000-0000-4000-8000-000000000000"],
      ["consumer", Id!],
    ]) {
      const error = await rejection(dataApiAs(emu(), account).send(new DescribeStatementCommand({ Id: id })));
      assert.ok(error instanceof ResourceNotFoundException, String(error));
    }
  });

  it("a statement Redshift refuses ends FAILED with the error and its position; it has no result", async () => {
    const client = dataApiAs(emu(), "producer");
    const { described } = await runSql(client, targetOf(emu(), "producer"), "CREATE DATASHARE table");
    assert.equal(described.Status, "FAILED");
    assert.equal(described.Error, 'ERROR: syntax error at or near "table" (Position 18)');
    const error = await rejection(client.send(new GetStatementResultCommand({ Id: described.Id })));
    assert.ok(error instanceof ResourceNotFoundException, String(error));
  });

  it("an unknown database fails the statement, not the call", async () => {
    const target = { ...targetOf(emu(), "producer"), Database: "nodb" };
    const { described } = await runSql(dataApiAs(emu(), "producer"), target, SHARES);
    assert.equal(described.Status, "FAILED");
    assert.match(described.Error!, /database "nodb" does not exist/);
  });

  it("with a statement time, a statement is SUBMITTED first and runs only at its end; cancelled, it never runs", async () => {
    emu().setFaults({ statementMs: { minMs: 600_000, maxMs: 600_000 } });
    const client = dataApiAs(emu(), "producer");
    const { Id } = await client.send(
      new ExecuteStatementCommand({ ...targetOf(emu(), "producer"), Sql: "CREATE DATASHARE slow" }),
    );
    assert.equal((await client.send(new DescribeStatementCommand({ Id }))).Status, "SUBMITTED");
    assert.equal((await client.send(new CancelStatementCommand({ Id }))).Status, true);
    assert.equal((await client.send(new DescribeStatementCommand({ Id }))).Status, "ABORTED");
    assert.ok(
      !emu()
        .admin.snapshot()
        .dataShares.some((s) => s.name === "slow"),
    );
    const again = await rejection(client.send(new CancelStatementCommand({ Id })));
    assert.ok(again instanceof ValidationException, String(again));
  });

  it("a short statement time: it ends FINISHED no sooner, and only then is the change there", async () => {
    emu().setFaults({ statementMs: { minMs: 40, maxMs: 40 } });
    const client = dataApiAs(emu(), "producer");
    const { described } = await runSql(client, targetOf(emu(), "producer"), "CREATE DATASHARE later");
    assert.equal(described.Status, "FINISHED");
    assert.ok(described.Duration! >= 40e6, String(described.Duration));
    assert.ok(
      emu()
        .admin.snapshot()
        .dataShares.some((s) => s.name === "later"),
    );
  });

  it("statementFailureRate fails statements as conflicts that change nothing", async () => {
    emu().setFaults({ statementFailureRate: 1 });
    const { described } = await runSql(
      dataApiAs(emu(), "producer"),
      targetOf(emu(), "producer"),
      "CREATE DATASHARE c",
    );
    assert.equal(described.Status, "FAILED");
    assert.match(described.Error!, /Serializable isolation violation/);
    assert.ok(
      !emu()
        .admin.snapshot()
        .dataShares.some((s) => s.name === "c"),
    );
  });

  it("maxActiveStatements answers ActiveStatementsExceededException while the account is at its quota", async () => {
    emu().setFaults({ statementMs: { minMs: 600_000, maxMs: 600_000 }, maxActiveStatements: 1 });
    const client = dataApiAs(emu(), "producer");
    const target = targetOf(emu(), "producer");
    const { Id } = await client.send(new ExecuteStatementCommand({ ...target, Sql: SHARES }));
    const error = await rejection(client.send(new ExecuteStatementCommand({ ...target, Sql: SHARES })));
    assert.ok(error instanceof ActiveStatementsExceededException, String(error));
    await client.send(new CancelStatementCommand({ Id }));
    await client.send(new ExecuteStatementCommand({ ...target, Sql: SHARES }));
  });

  it("rate limits and injected throttling apply per Data API operation, as for the Query API", async () => {
    emu().setFaults({
      rateLimit: { perOperation: { ExecuteStatement: { ratePerSecond: 0.001, burst: 1 } } },
    });
    const client = dataApiAs(emu(), "producer");
    const target = targetOf(emu(), "producer");
    await client.send(new ExecuteStatementCommand({ ...target, Sql: SHARES }));
    const error = await rejection(client.send(new ExecuteStatementCommand({ ...target, Sql: SHARES })));
    assert.equal(error.name, "ThrottlingException");
    assert.equal(emu().operationCounts().ExecuteStatement.rateLimited, 1);
  });

  it("a batch is one transaction: a failing statement rolls back the earlier ones", async () => {
    const client = dataApiAs(emu(), "producer");
    const described = await runBatch(client, targetOf(emu(), "producer"), [
      "CREATE DATASHARE b1",
      "ALTER DATASHARE b1 ADD TABLE sales.nope",
    ]);
    assert.equal(described.Status, "FAILED");
    assert.deepEqual(
      described.SubStatements?.map((s) => s.Status),
      ["ABORTED", "FAILED"],
    );
    assert.match(described.SubStatements![1].Error!, /relation "sales.nope" does not exist/);
    assert.ok(
      !emu()
        .admin.snapshot()
        .dataShares.some((s) => s.name === "b1"),
    );
  });

  it("in AUTO_COMMIT a batch keeps what ran before the failure", async () => {
    const client = dataApiAs(emu(), "producer");
    const described = await runBatch(
      client,
      targetOf(emu(), "producer"),
      ["CREATE DATASHARE b2", "ALTER DATASHARE b2 ADD TABLE sales.nope", "DROP DATASHARE b2"],
      "AUTO_COMMIT",
    );
    assert.deepEqual(
      described.SubStatements?.map((s) => s.Status),
      ["FINISHED", "FAILED", "ABORTED"],
    );
    assert.ok(
      emu()
        .admin.snapshot()
        .dataShares.some((s) => s.name === "b2"),
    );
  });

  it("CREATE DATABASE can't be part of a batch's transaction (documented)", async () => {
    const described = await runBatch(dataApiAs(emu(), "consumer"), targetOf(emu(), "consumer"), [
      "CREATE DATABASE x FROM DATASHARE sales OF ACCOUNT '111122223333' NAMESPACE 'a1b2c3d4-0000-4000-8000-000000000001'",
    ]);
    assert.equal(described.Status, "FAILED");
    assert.match(described.Error!, /CREATE DATABASE cannot run inside a transaction block/);
  });

  it("a batch's results are read per sub-statement; the batch ID alone is a ValidationException", async () => {
    const client = dataApiAs(emu(), "producer");
    const described = await runBatch(client, targetOf(emu(), "producer"), [
      SHARES,
      "SELECT * FROM svv_datashare_objects",
    ]);
    assert.equal(described.Status, "FINISHED");
    const error = await rejection(client.send(new GetStatementResultCommand({ Id: described.Id })));
    assert.ok(error instanceof ValidationException, String(error));
    const first = await client.send(new GetStatementResultCommand({ Id: `${described.Id}:1` }));
    assert.equal(first.TotalNumRows, 2);
    assert.deepEqual(
      first.ColumnMetadata?.map((c) => c.name),
      ["share_name"],
    );
  });
});
