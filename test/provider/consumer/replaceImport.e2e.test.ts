import * as assert from "node:assert/strict";
import { liveAssociations, outOfBand } from "../../../harness/emulatorFixture";
import {
  consumerOutputs,
  consumersStack,
  declare,
  failureOf,
  plannedSteps,
  useEmulatorPerTest,
} from "../../../harness/userStacks";

describe("the plain pulumi CLI replacing, adopting and refusing", function () {
  this.timeout(10 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  it("replaces the association when the consumer namespace changes, and updates it in place when allowWrites changes", async () => {
    const sales = ctx.emu.dataShareArn("marketing");
    const ns = (i: number) => ctx.emu.namespaceArn("consumer", i);
    const stack = await consumersStack(ctx.emu, { analytics: { dataShareArn: sales, consumerArn: ns(0) } });
    ctx.stacks.push(stack);
    await stack.up();

    await declare(stack, { analytics: { dataShareArn: sales, consumerArn: ns(1) } });
    const moved = plannedSteps((await stack.up()).events);
    assert.ok(moved.some((s) => s.op === "replace" && s.diffs.includes("consumerArn")));
    assert.deepEqual(
      (await liveAssociations(ctx.emu)).map((a) => a.consumerIdentifier),
      [ns(1)],
    );

    await declare(stack, { analytics: { dataShareArn: sales, consumerArn: ns(1), allowWrites: true } });
    const writes = plannedSteps((await stack.up()).events);
    assert.deepEqual(
      writes.map((s) => [s.op, s.diffs]),
      [["update", ["allowWrites"]]],
    );
    assert.equal((await consumerOutputs(stack, "analytics")).consumerAcceptedWrites, true);
    const live = await liveAssociations(ctx.emu);
    assert.equal(live.length, 1);
    assert.equal(live[0].consumerAcceptedWrites, true);
    await stack.preview(["--expect-no-changes"]);
  });

  it("adopts an association made outside Pulumi when the program declares it", async () => {
    const share = ctx.emu.dataShareArn("sales");
    const namespace = ctx.emu.namespaceArn("consumer", 2);
    await outOfBand(ctx.emu).associate(share, namespace);
    const before = await liveAssociations(ctx.emu);

    const stack = await consumersStack(ctx.emu, { adopted: { dataShareArn: share, consumerArn: namespace } });
    ctx.stacks.push(stack);
    const up = await stack.up();
    assert.deepEqual(
      plannedSteps(up.events).map((s) => s.op),
      ["create"],
    );
    assert.deepEqual(await liveAssociations(ctx.emu), before, "no second association, nothing changed");
    await stack.preview(["--refresh", "--expect-no-changes"]);
    await stack.destroy();
    assert.deepEqual(await liveAssociations(ctx.emu), []);
  });

  // Pulumi's dynamic-provider host cannot serve imports: the engine's import read carries no
  // properties, so the host has no serialized provider to load (pulumi/pulumi#16175, #3550).
  // This canary fails the day Pulumi lifts the limit, so that import can be offered then.
  it("the import resource option still fails in Pulumi's dynamic-provider host", async () => {
    const share = ctx.emu.dataShareArn("sales");
    const namespace = ctx.emu.namespaceArn("consumer", 2);
    await outOfBand(ctx.emu).associate(share, namespace);
    const stack = await consumersStack(ctx.emu, {
      imported: { dataShareArn: share, consumerArn: namespace },
    });
    ctx.stacks.push(stack);
    await stack.setConfig({ imports: JSON.stringify({ imported: `${share},namespace,${namespace}` }) });
    const err = await failureOf(stack.preview());
    assert.match(
      err.result.stdout + err.result.stderr,
      /toJavaScript|__provider|code must be a string/,
      "import through a dynamic provider unexpectedly works: offer it and update the README",
    );
  });

  it("a check failure fails the preview, names the property, and calls no AWS API", async () => {
    const stack = await consumersStack(ctx.emu, {
      broken: { dataShareArn: ctx.emu.dataShareArn("sales"), consumerArn: "arn:aws:s3:::not-a-namespace" },
    });
    ctx.stacks.push(stack);
    ctx.emu.resetRequestCounts();
    const err = await failureOf(stack.preview());
    assert.match(err.result.stdout, /consumerArn/);
    assert.doesNotMatch(err.result.stdout + err.result.stderr, /\n\s+at .*\.(js|ts):\d+/, "no stack trace");
    const calls = Object.entries(ctx.emu.requestCounts()).filter(([op]) => op !== "GetCallerIdentity");
    assert.deepEqual(calls, []);
  });
});
