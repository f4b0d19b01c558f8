import * as assert from "node:assert/strict";
import { DataShareConsumer } from "../../sdk";
import { createTestStack, TestStack } from "../support/engine";
import {
  collectSteps,
  consumerEnv,
  Emulator,
  liveAssociations,
  outOfBand,
  startSeededEmulator,
} from "./fixture";

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

  it("adopts an association made outside Pulumi when the program declares it", async () => {
    const share = emu.dataShareArn("sales");
    const namespace = emu.namespaceArn("consumer", 2);
    await outOfBand(emu).associate(share, namespace);
    const before = await liveAssociations(emu);

    t = await createTestStack({
      env: consumerEnv(emu),
      program: async () => {
        new DataShareConsumer("adopted", { dataShareArn: share, consumerArn: namespace });
      },
    });
    emu.resetRequestCounts();
    const up = await t.stack.up();
    assert.equal(up.summary.result, "succeeded");
    assert.equal(up.summary.resourceChanges?.create, 2);
    assert.deepEqual(await liveAssociations(emu), before, "no second association, nothing changed");
    await t.stack.preview({ expectNoChanges: true });
    await t.stack.destroy();
    assert.deepEqual(await liveAssociations(emu), []);
  });

  // Pulumi's dynamic-provider host cannot serve imports: the engine's import read carries no
  // properties, so the host has no serialized provider to load (pulumi/pulumi#16175, #3550).
  // This canary fails the day Pulumi lifts the limit, so that import can be offered then.
  it("the import resource option still fails in Pulumi's dynamic-provider host", async () => {
    const share = emu.dataShareArn("sales");
    const namespace = emu.namespaceArn("consumer", 2);
    await outOfBand(emu).associate(share, namespace);
    t = await createTestStack({
      env: consumerEnv(emu),
      program: async () => {
        new DataShareConsumer(
          "imported",
          { dataShareArn: share, consumerArn: namespace },
          { import: `${share},namespace,${namespace}` },
        );
      },
    });
    const err = await t.stack.preview().then(
      () => undefined,
      (e: Error) => e,
    );
    assert.ok(err, "import through a dynamic provider unexpectedly works: offer it and update the README");
    assert.match(err.message, /toJavaScript|__provider|code must be a string/);
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
