import * as assert from "node:assert/strict";
import { DataShareConsumer } from "../../sdk";
import { createTestStack, TestStack } from "../support/engine";
import { collectSteps, consumerEnv, Emulator, liveAssociations, outOfBand, startSeededEmulator } from "./fixture";

describe("the real engine replacing and importing associations", function () {
  this.timeout(10 * 60 * 1000);
  let emu: Emulator;
  let t: TestStack | undefined;

  beforeEach(async () => {
    emu = await startSeededEmulator();
  });
  afterEach(async () => {
    await t?.dispose().catch(() => undefined);
    t = undefined;
    await emu.stop();
  });

  it("when the consumer namespace changes, up replaces the association and leaves only the new one", async () => {
    const declared = { namespace: 0 };
    t = await createTestStack({
      env: consumerEnv(emu),
      program: async () => {
        new DataShareConsumer("analytics", {
          dataShareArn: emu.dataShareArn("sales"),
          consumerArn: emu.namespaceArn("consumer", declared.namespace),
        });
      },
    });
    await t.stack.up();
    declared.namespace = 1;
    const plan = collectSteps();
    const up = await t.stack.up({ onEvent: plan.onEvent });
    assert.equal(up.summary.result, "succeeded");
    assert.equal(up.summary.resourceChanges?.replace, 1);
    assert.ok(plan.steps.some((s) => s.diffs.includes("consumerArn")));
    const live = await liveAssociations(emu);
    assert.deepEqual(
      live.map((a) => a.consumerIdentifier),
      [emu.namespaceArn("consumer", 1)],
    );
    await t.stack.preview({ expectNoChanges: true });
  });

  it("when allowWrites changes, up replaces in place without an overlap failure", async () => {
    const declared: { allowWrites: boolean } = { allowWrites: false };
    t = await createTestStack({
      env: consumerEnv(emu),
      program: async () => {
        const c = new DataShareConsumer("writable", {
          dataShareArn: emu.dataShareArn("marketing"),
          consumerArn: emu.namespaceArn("consumer", 0),
          allowWrites: declared.allowWrites,
        });
        return { writes: c.consumerAcceptedWrites };
      },
    });
    assert.equal((await t.stack.up()).outputs.writes.value, false);
    declared.allowWrites = true;
    const up = await t.stack.up();
    assert.equal(up.summary.result, "succeeded");
    assert.equal(up.summary.resourceChanges?.replace, 1);
    assert.equal(up.outputs.writes.value, true);
    const live = await liveAssociations(emu);
    assert.equal(live.length, 1);
    assert.equal(live[0].consumerAcceptedWrites, true);
    await t.stack.preview({ expectNoChanges: true });
  });

  it("imports an association made outside Pulumi with the import resource option", async () => {
    const share = emu.dataShareArn("sales");
    const namespace = emu.namespaceArn("consumer", 2);
    await outOfBand(emu).associate(share, namespace);
    const before = await liveAssociations(emu);

    // The ID of an association is what create returns; learn it from a throwaway stack's format
    // by reading the documented one: `DataShareConsumer.formatId` would couple the test to code,
    // so the test builds it from the README's documented format instead.
    const id = `${share},namespace,${namespace}`;
    t = await createTestStack({
      env: consumerEnv(emu),
      program: async () => {
        new DataShareConsumer("imported", { dataShareArn: share, consumerArn: namespace }, { import: id });
      },
    });
    const up = await t.stack.up();
    assert.equal(up.summary.result, "succeeded");
    assert.equal(up.summary.resourceChanges?.import, 1);
    assert.deepEqual(await liveAssociations(emu), before);
    await t.stack.preview({ expectNoChanges: true });
    await t.stack.destroy();
    assert.deepEqual(await liveAssociations(emu), []);
  });

  it("a check failure surfaces as a preview error that names the property", async () => {
    t = await createTestStack({
      env: consumerEnv(emu),
      program: async () => {
        new DataShareConsumer("broken", {
          dataShareArn: emu.dataShareArn("sales"),
          consumerArn: "arn:aws:s3:::not-a-namespace",
        });
      },
    });
    emu.resetRequestCounts();
    const err = await t.stack.preview().then(
      () => undefined,
      (e: Error) => e,
    );
    assert.ok(err, "preview must fail");
    assert.match(err.message, /consumerArn/);
    const calls = Object.entries(emu.requestCounts()).filter(([op]) => op !== "GetCallerIdentity");
    assert.deepEqual(calls, []);
  });
});
