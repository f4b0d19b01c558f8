/**
 * A hold on an AWS call (emulator/server/callHolds.ts): the held call has arrived and is counted,
 * has not run, and answers only when released; other calls pass; stop releases it.
 */
import { strict as assert } from "node:assert";
import { CallHolds } from "../../emulator/server/callHolds";
import { Emulator, liveAssociations, outOfBand, startSeededEmulator } from "../../harness/emulatorFixture";
import { dataApiAs, runSql, targetOf } from "../fixtures/dataApiHelpers";

const settled = async (p: Promise<unknown>) => {
  let done = false;
  void p.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return done;
};

describe("emulator: holding a call in flight (pure)", () => {
  it("holds the nth call of the operation only, until released", async () => {
    const holds = new CallHolds();
    const hold = holds.hold("AssociateDataShareConsumer", 2);
    assert.equal(await settled(holds.pass("DescribeDataShares")), true, "another operation passes");
    assert.equal(await settled(holds.pass("AssociateDataShareConsumer")), true, "the first call passes");
    assert.equal(await settled(hold.arrived), false);
    const second = holds.pass("AssociateDataShareConsumer");
    assert.equal(await settled(hold.arrived), true);
    assert.equal(await settled(second), false, "the second call waits");
    assert.equal(await settled(holds.pass("AssociateDataShareConsumer")), true, "the third passes");
    hold.release();
    assert.equal(await settled(second), true);
  });

  it("releaseAll lets a held call go and drops a hold not reached", async () => {
    const holds = new CallHolds();
    holds.hold("AssociateDataShareConsumer");
    holds.hold("DisassociateDataShareConsumer");
    const held = holds.pass("AssociateDataShareConsumer");
    holds.releaseAll();
    assert.equal(await settled(held), true);
    assert.equal(await settled(holds.pass("DisassociateDataShareConsumer")), true);
  });

  it("refuses an nth that is not a whole number from 1", () => {
    assert.throws(() => new CallHolds().hold("X", 0), /nth must be a whole number >= 1/);
  });
});

describe("emulator: holding a call in flight (over HTTP)", () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startSeededEmulator();
  });
  afterEach(() => emu.stop());

  it("the held Associate is counted, runs only when released, and is then answered", async () => {
    const share = emu.dataShareArn("sales");
    const namespace = emu.namespaceArn("consumer", 0);
    const hold = emu.holdCall("AssociateDataShareConsumer");
    const call = outOfBand(emu).associate(share, namespace);
    await hold.arrived;
    assert.equal(emu.operationCounts().AssociateDataShareConsumer?.received, 1);
    assert.deepEqual(await liveAssociations(emu), [], "not run while held");
    hold.release();
    await call;
    assert.deepEqual(
      (await liveAssociations(emu)).map((a) => a.status),
      ["ACTIVE"],
    );
  });

  it("a Data API call is held too: the held ExecuteStatement runs only when released", async () => {
    const hold = emu.holdCall("ExecuteStatement");
    const statement = runSql(
      dataApiAs(emu, "producer"),
      targetOf(emu, "producer"),
      "CREATE DATASHARE held_share",
    );
    await hold.arrived;
    assert.equal(emu.operationCounts().ExecuteStatement?.received, 1);
    assert.ok(!emu.admin.snapshot().dataShares.some((d) => d.name === "held_share"), "not run while held");
    hold.release();
    assert.equal((await statement).described.Status, "FINISHED");
    assert.ok(emu.admin.snapshot().dataShares.some((d) => d.name === "held_share"));
  });

  it("stop releases a call still held", async () => {
    const hold = emu.holdCall("AssociateDataShareConsumer");
    const call = outOfBand(emu)
      .associate(emu.dataShareArn("sales"), emu.namespaceArn("consumer", 0))
      .catch(() => "ended");
    await hold.arrived;
    await emu.stop();
    emu = await startSeededEmulator();
    assert.ok(await call);
  });
});
