import * as assert from "node:assert/strict";
import type { SqlApi } from "../../../provider/core/dataApi";
import { DataShareFailure } from "../../../provider/core/errors";
import { createSqlRuntime, SqlProviderOptions } from "../../../provider/core/sqlRuntime";
import type { SqlTarget } from "../../../provider/core/sqlTarget";
import { SqlStatementError, StatementEvent } from "../../../provider/core/statementRunner";
import { decodeDataShareRow, selectOutboundDataShare } from "../../../provider/core/systemViews";
import type { SharedOptions } from "../../../provider/providers";
import { Emulator, REGION, startSeededEmulator } from "../../../harness/emulatorFixture";
import { emulatorProviderOptions, NEW_RUN } from "../shared/resources";

class TestSqlError extends DataShareFailure {
  override readonly name = "TestSqlError";
}

/** The one-line registration the SQL resources rely on: shared options are SQL provider options. */
const registersWithSharedOptions: (options: SharedOptions) => unknown = (options) =>
  createSqlRuntime("DataShare", TestSqlError, options);

describe("sqlRuntime: a SQL resource provider's skeleton, against the emulator", function () {
  let emu: Emulator;
  let target: SqlTarget;
  let events: StatementEvent[];
  let notes: string[];
  let at: number;

  const runtime = (extra: Partial<SqlProviderOptions> = {}) => {
    const rt = createSqlRuntime("DataShare", TestSqlError, {
      ...emulatorProviderOptions(emu, "producer", { note: (m) => notes.push(m) }),
      now: () => at,
      sleep: async (ms) => void (at += ms),
      onStatement: (e) => events.push(e),
      ...extra,
    });
    rt.configure(NEW_RUN);
    return rt;
  };

  before(async () => {
    emu = await startSeededEmulator();
  });
  after(async () => emu.stop());
  beforeEach(async () => {
    await emu.admin.reset();
    emu.setFaults({});
    const t = emu.dataApiTarget("producer", 0);
    target = { clusterIdentifier: t.clusterIdentifier, database: t.database };
    events = [];
    notes = [];
    at = 0;
  });

  it("registers from the shared options", () => {
    assert.equal(typeof registersWithSharedOptions({}), "object");
  });

  it("runs statements and queries the system views in the resource's region", async () => {
    const rt = runtime();
    assert.equal(rt.regionFor(undefined, ""), REGION);
    assert.equal(rt.regionFor("eu-west-1"), "eu-west-1");
    const api = rt.apiFor(rt.regionFor());
    assert.equal(rt.apiFor(REGION), api, "one adapter per region");
    await rt.run(api, target, "CREATE DATASHARE rt_share", "create datashare rt_share");
    const rows = await rt.query(api, target, selectOutboundDataShare("rt_share"), "read datashare rt_share");
    assert.deepEqual(rows.map(decodeDataShareRow), [
      {
        shareName: "rt_share",
        shareType: "OUTBOUND",
        sourceDatabase: "dev",
        publicAccessible: false,
        producerAccount: emu.accountId("producer"),
        producerNamespace: emu.dataApiTarget("producer", 0).namespaceId,
      },
    ]);
    assert.equal(await rt.callerAccount(api), emu.accountId("producer"));
  });

  it("explains a refused call as the resource's failure, and passes a FAILED statement's error on", async () => {
    const rt = runtime();
    const api = rt.apiFor(REGION);
    await assert.rejects(
      rt.run(api, { database: "dev" }, "SELECT 1", "read datashare x"),
      (e: unknown) =>
        e instanceof TestSqlError &&
        /^read datashare x/.test(e.message) &&
        /ValidationException/.test(e.message),
    );
    await assert.rejects(
      rt.run(api, target, "DROP DATASHARE rt_missing", "drop datashare rt_missing"),
      (e: unknown) => e instanceof SqlStatementError && e.kind === "failed",
    );
  });

  it("takes the statement timeout from the settings (statementTimeoutSeconds)", async () => {
    emu.setFaults({ statementMs: { minMs: 600_000, maxMs: 600_000 } });
    const rt = runtime({ env: { REDSHIFT_DATASHARE_STATEMENT_TIMEOUT_SECONDS: "3" } });
    await assert.rejects(
      rt.run(rt.apiFor(REGION), target, "CREATE DATASHARE rt_slow", "create datashare rt_slow"),
      (e: unknown) => e instanceof SqlStatementError && e.kind === "timeout" && /within 3 s/.test(e.message),
    );
    assert.equal(at, 3_000);
    assert.ok(events.some((e) => e.kind === "cancelled"));
  });

  it("a mutation of a datashare keeps reads from reusing a describe made before it", async () => {
    const rt = runtime({ describeReuseSeconds: 60 });
    const api: SqlApi = rt.apiFor(REGION);
    const arn = emu.dataShareArn("sales");
    const describe = () => rt.describes.describeDataShares(api, arn, 60_000);
    const before = await describe();
    assert.equal(before[0].allowPubliclyAccessibleConsumers, false);
    assert.equal(await describe(), before, "reused while nothing changed");
    await rt.run(
      api,
      target,
      "ALTER DATASHARE sales SET PUBLICACCESSIBLE TRUE",
      "alter datashare sales",
      arn,
    );
    const after = await describe();
    assert.equal(after[0].allowPubliclyAccessibleConsumers, true, "described afresh after the mutation");
    assert.equal(
      await rt.describeDataShare(api, arn, "read"),
      after,
      "the runtime's describe shares the answer",
    );
    await rt.run(api, target, "DROP DATASHARE sales", "drop datashare sales", arn);
    assert.equal(await rt.describeDataShare(api, arn, "read"), undefined, "a datashare gone is undefined");
  });

  it("deletes unless a check in this run claimed the key; then it leaves it and says so", async () => {
    const rt = runtime();
    let removed = 0;
    const key = { canonical: "k1", what: "datashare k1", dataShareArn: emu.dataShareArn("sales") };
    await rt.deleteUnlessClaimed(key, async () => void removed++);
    assert.equal(removed, 1);
    rt.claim("k1");
    rt.hold("k1");
    await rt.deleteUnlessClaimed(key, async () => void removed++);
    assert.equal(removed, 1);
    assert.equal(notes.length, 1);
    assert.match(notes[0], /left datashare k1 in place/);
    rt.configure(NEW_RUN);
    await rt.deleteUnlessClaimed({ canonical: "k1", what: "datashare k1" }, async () => void removed++);
    assert.equal(removed, 2, "a new run forgets the claims");
  });
});
