import * as assert from "node:assert/strict";
import { DataShareConsumer } from "../../sdk";
import { createTestStack } from "../support/engine";
import { collectSteps, consumerEnv, liveAssociations, outOfBand, useEmulatorPerTest } from "./fixture";

describe("the real engine replacing and importing associations", function () {
  this.timeout(10 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  it("when the consumer namespace changes, up replaces the association and leaves only the new one", async () => {
    const declared = { namespace: 0 };
    ctx.stack = await createTestStack({
      env: consumerEnv(ctx.emu),
      program: async () => {
        new DataShareConsumer("analytics", {
          dataShareArn: ctx.emu.dataShareArn("sales"),
          consumerArn: ctx.emu.namespaceArn("consumer", declared.namespace),
        });
      },
    });
    await ctx.stack.stack.up();
    declared.namespace = 1;
    const plan = collectSteps();
    const up = await ctx.stack.stack.up({ onEvent: plan.onEvent });
    assert.equal(up.summary.result, "succeeded");
    assert.equal(up.summary.resourceChanges?.replace, 1);
    assert.ok(plan.steps.some((s) => s.diffs.includes("consumerArn")));
    const live = await liveAssociations(ctx.emu);
    assert.deepEqual(
      live.map((a) => a.consumerIdentifier),
      [ctx.emu.namespaceArn("consumer", 1)],
    );
    await ctx.stack.stack.preview({ expectNoChanges: true });
  });

  it("when allowWrites changes, up replaces in place without an overlap failure", async () => {
    const declared: { allowWrites: boolean } = { allowWrites: false };
    ctx.stack = await createTestStack({
      env: consumerEnv(ctx.emu),
      program: async () => {
        const c = new DataShareConsumer("writable", {
          dataShareArn: ctx.emu.dataShareArn("marketing"),
          consumerArn: ctx.emu.namespaceArn("consumer", 0),
          allowWrites: declared.allowWrites,
        });
        return { writes: c.consumerAcceptedWrites };
      },
    });
    assert.equal((await ctx.stack.stack.up()).outputs.writes.value, false);
    declared.allowWrites = true;
    const up = await ctx.stack.stack.up();
    assert.equal(up.summary.result, "succeeded");
    assert.equal(up.summary.resourceChanges?.replace, 1);
    assert.equal(up.outputs.writes.value, true);
    const live = await liveAssociations(ctx.emu);
    assert.equal(live.length, 1);
    assert.equal(live[0].consumerAcceptedWrites, true);
    await ctx.stack.stack.preview({ expectNoChanges: true });
  });

  it("adopts an association made outside Pulumi when the program declares it", async () => {
    const share = ctx.emu.dataShareArn("sales");
    const namespace = ctx.emu.namespaceArn("consumer", 2);
    await outOfBand(ctx.emu).associate(share, namespace);
    const before = await liveAssociations(ctx.emu);

    ctx.stack = await createTestStack({
      env: consumerEnv(ctx.emu),
      program: async () => {
        new DataShareConsumer("adopted", { dataShareArn: share, consumerArn: namespace });
      },
    });
    ctx.emu.resetRequestCounts();
    const up = await ctx.stack.stack.up();
    assert.equal(up.summary.result, "succeeded");
    assert.equal(up.summary.resourceChanges?.create, 2);
    assert.deepEqual(await liveAssociations(ctx.emu), before, "no second association, nothing changed");
    await ctx.stack.stack.preview({ expectNoChanges: true });
    await ctx.stack.stack.destroy();
    assert.deepEqual(await liveAssociations(ctx.emu), []);
  });

  // Pulumi's dynamic-provider host cannot serve imports: the engine's import read carries no
  // properties, so the host has no serialized provider to load (pulumi/pulumi#16175, #3550).
  // This canary fails the day Pulumi lifts the limit, so that import can be offered then.
  it("the import resource option still fails in Pulumi's dynamic-provider host", async () => {
    const share = ctx.emu.dataShareArn("sales");
    const namespace = ctx.emu.namespaceArn("consumer", 2);
    await outOfBand(ctx.emu).associate(share, namespace);
    ctx.stack = await createTestStack({
      env: consumerEnv(ctx.emu),
      program: async () => {
        new DataShareConsumer(
          "imported",
          { dataShareArn: share, consumerArn: namespace },
          { import: `${share},namespace,${namespace}` },
        );
      },
    });
    const err = await ctx.stack.stack.preview().then(
      () => undefined,
      (e: Error) => e,
    );
    assert.ok(err, "import through a dynamic provider unexpectedly works: offer it and update the README");
    assert.match(err.message, /toJavaScript|__provider|code must be a string/);
  });

  it("a check failure surfaces as a preview error that names the property", async () => {
    ctx.stack = await createTestStack({
      env: consumerEnv(ctx.emu),
      program: async () => {
        new DataShareConsumer("broken", {
          dataShareArn: ctx.emu.dataShareArn("sales"),
          consumerArn: "arn:aws:s3:::not-a-namespace",
        });
      },
    });
    ctx.emu.resetRequestCounts();
    const err = await ctx.stack.stack.preview().then(
      () => undefined,
      (e: Error) => e,
    );
    assert.ok(err, "preview must fail");
    assert.match(err.message, /consumerArn/);
    const calls = Object.entries(ctx.emu.requestCounts()).filter(([op]) => op !== "GetCallerIdentity");
    assert.deepEqual(calls, []);
  });
});
