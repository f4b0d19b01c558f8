import { strict as assert } from "node:assert";
import { AssociateDataShareConsumerCommand, AuthorizeDataShareCommand } from "@aws-sdk/client-redshift";
import { DescribeStatementCommand, ExecuteStatementCommand } from "@aws-sdk/client-redshift-data";
import type { Behaviours, Emulator } from "../../emulator";
import { dataApiAs, runBatch, runSql, targetOf } from "../fixtures/dataApiHelpers";
import { redshiftAs, useEmulator } from "./helpers";

async function status(emu: Emulator, account: string, sql: string): Promise<string> {
  const { described } = await runSql(dataApiAs(emu, account), targetOf(emu, account), sql);
  return described.Status === "FINISHED" ? "FINISHED" : `FAILED: ${described.Error}`;
}

async function objects(emu: Emulator, account: string, share: string): Promise<unknown[]> {
  const { rows } = await runSql(
    dataApiAs(emu, account),
    targetOf(emu, account),
    `SELECT object_name FROM svv_datashare_objects WHERE share_name = '${share}'`,
  );
  return rows.map((r) => r.object_name);
}

/** Each SQL behaviour at each answer: what the statement the documentation is silent about answers. */
const CASES: {
  name: keyof Behaviours;
  setup: string[];
  probe: string;
  expect: Record<string, (outcome: string) => boolean>;
}[] = [
  {
    name: "repeatGrant",
    setup: ["CREATE DATASHARE b", "GRANT USAGE ON DATASHARE b TO ACCOUNT '444455556666'"],
    probe: "GRANT USAGE ON DATASHARE b TO ACCOUNT '444455556666'",
    expect: { succeed: (o) => o === "FINISHED", refuse: (o) => /already shared with account/.test(o) },
  },
  {
    name: "revokeAbsent",
    setup: ["CREATE DATASHARE b"],
    probe: "REVOKE USAGE ON DATASHARE b FROM ACCOUNT '444455556666'",
    expect: { succeed: (o) => o === "FINISHED", refuse: (o) => /is not shared with account/.test(o) },
  },
  {
    name: "repeatAdd",
    setup: [
      "CREATE DATASHARE b",
      "ALTER DATASHARE b ADD SCHEMA sales",
      "ALTER DATASHARE b ADD TABLE sales.orders",
    ],
    probe: "ALTER DATASHARE b ADD TABLE sales.orders",
    expect: { succeed: (o) => o === "FINISHED", refuse: (o) => /already in datashare/.test(o) },
  },
  {
    name: "removeAbsent",
    setup: ["CREATE DATASHARE b", "ALTER DATASHARE b ADD SCHEMA sales"],
    probe: "ALTER DATASHARE b REMOVE TABLE sales.orders",
    expect: { refuse: (o) => /is not in datashare/.test(o), succeed: (o) => o === "FINISHED" },
  },
];

describe("emulator Data API: the SQL behaviours, each answer", () => {
  const emu = useEmulator();
  beforeEach(() => emu().admin.reset());
  afterEach(() => emu().setBehaviours({}));

  for (const c of CASES) {
    for (const [answer, holds] of Object.entries(c.expect)) {
      it(`${c.name}=${answer}: ${c.probe}`, async () => {
        emu().setBehaviours({ [c.name]: answer } as Partial<Behaviours>);
        for (const sql of c.setup) assert.equal(await status(emu(), "producer", sql), "FINISHED", sql);
        const outcome = await status(emu(), "producer", c.probe);
        assert.ok(holds(outcome), outcome);
      });
    }
  }

  it("repeatAdd=refuse still lets ADD ALL TABLES IN SCHEMA run over a table already shared (the guide does it)", async () => {
    emu().setBehaviours({ repeatAdd: "refuse" });
    for (const sql of [
      "CREATE DATASHARE a",
      "ALTER DATASHARE a ADD SCHEMA sales",
      "ALTER DATASHARE a ADD TABLE sales.orders",
      "ALTER DATASHARE a ADD ALL TABLES IN SCHEMA sales",
    ]) {
      assert.equal(await status(emu(), "producer", sql), "FINISHED", sql);
    }
    assert.deepEqual(await objects(emu(), "producer", "a"), [
      "sales",
      "sales.orders",
      "sales.line_items",
      "sales.regions",
      "sales.daily_totals",
    ]);
  });

  for (const answer of ["allowed", "refused"] as const) {
    it(`datashareDdlInTransaction=${answer}: datashare statements in a batch's transaction`, async () => {
      emu().setBehaviours({ datashareDdlInTransaction: answer });
      const described = await runBatch(dataApiAs(emu(), "producer"), targetOf(emu(), "producer"), [
        "CREATE DATASHARE t",
        "ALTER DATASHARE t ADD SCHEMA sales",
      ]);
      if (answer === "allowed") assert.equal(described.Status, "FINISHED");
      else assert.match(described.Error ?? "", /CREATE DATASHARE cannot run inside a transaction block/);
    });
  }

  for (const answer of ["removed", "listed"] as const) {
    it(`droppedObjectInShare=${answer}: producer and consumer after the producer drops a shared table`, async () => {
      emu().setBehaviours({ droppedObjectInShare: answer });
      for (const sql of [
        "CREATE DATASHARE d",
        "ALTER DATASHARE d ADD SCHEMA sales",
        "ALTER DATASHARE d ADD TABLE sales.orders",
        "GRANT USAGE ON DATASHARE d TO ACCOUNT '444455556666'",
      ]) {
        assert.equal(await status(emu(), "producer", sql), "FINISHED", sql);
      }
      const arn = emu().dataShareArn("d");
      await redshiftAs(emu(), "producer").send(
        new AuthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: "444455556666" }),
      );
      await redshiftAs(emu(), "consumer").send(
        new AssociateDataShareConsumerCommand({ DataShareArn: arn, AssociateEntireAccount: true }),
      );
      await emu().admin.dropProducerObject("producer", 0, "sales.orders");
      const expected = answer === "removed" ? ["sales"] : ["sales", "sales.orders"];
      assert.deepEqual(await objects(emu(), "producer", "d"), expected);
      assert.deepEqual(await objects(emu(), "consumer", "d"), expected);
      assert.match(
        await status(emu(), "producer", "ALTER DATASHARE d ADD TABLE sales.orders"),
        /does not exist/,
      );
    });
  }

  for (const answer of ["honoured", "ignored"] as const) {
    it(`clientToken=${answer}: ExecuteStatement again with the same ClientToken`, async () => {
      emu().setBehaviours({ clientToken: answer });
      const api = dataApiAs(emu(), "producer");
      const request = {
        ...targetOf(emu(), "producer"),
        Sql: "CREATE DATASHARE tokened",
        ClientToken: `token-${answer}`,
      };
      const first = await api.send(new ExecuteStatementCommand(request));
      const again = await api.send(new ExecuteStatementCommand(request));
      if (answer === "honoured") assert.equal(again.Id, first.Id);
      else assert.notEqual(again.Id, first.Id);
      const described = await api.send(new DescribeStatementCommand({ Id: again.Id }));
      if (answer === "honoured") assert.equal(described.Status, "FINISHED");
      else assert.match(described.Error ?? "", /already exists/);
    });
  }
});
