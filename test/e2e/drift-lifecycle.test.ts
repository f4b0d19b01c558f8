import * as assert from "node:assert/strict";
import { PulumiCommandError, PulumiStack } from "../../dev/pulumiStack";
import { liveAssociations, outOfBand } from "../support/emulatorFixture";
import {
  consumerOutputs,
  consumersStack,
  PlannedStep,
  plannedSteps,
  stateOf,
  useEmulatorPerTest,
} from "../support/userStacks";

/** Names of the resources the plan replaces (a replacement shows as several steps). */
function replaceSteps(steps: PlannedStep[]): string[] {
  return steps.filter((s) => s.op === "replace").map((s) => s.name);
}

interface Declared {
  share: string;
  namespace: number;
  allowWrites?: boolean;
}

async function failureOf(run: Promise<unknown>): Promise<PulumiCommandError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(err instanceof PulumiCommandError, "the command was expected to fail");
  return err;
}

/**
 * One stack with one namespace association, taken through the whole cycle for one kind of drift
 * with the commands a user's CI runs: `up`, a clean `preview --refresh --expect-no-changes`, the
 * out-of-band change, the same preview failing, `refresh`, a plan that names what drifted,
 * healing, a clean preview again, and `destroy` leaving nothing behind.
 */
describe("the plain pulumi CLI against drift", function () {
  this.timeout(10 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  async function deploy(declared: Declared): Promise<PulumiStack> {
    const stack = await consumersStack(ctx.emu, {
      analytics: {
        dataShareArn: ctx.emu.dataShareArn(declared.share),
        consumerArn: ctx.emu.namespaceArn("consumer", declared.namespace),
        ...(declared.allowWrites === undefined ? {} : { allowWrites: declared.allowWrites }),
      },
    });
    ctx.stacks.push(stack);
    await stack.up();
    assert.equal((await consumerOutputs(stack, "analytics")).status, "ACTIVE");
    await stack.preview(["--refresh", "--expect-no-changes"]);
    return stack;
  }

  /** What CI sees: the refreshing preview fails on drift, then refresh records it. */
  async function detectThenRefresh(stack: PulumiStack): Promise<PlannedStep[]> {
    await failureOf(stack.preview(["--refresh", "--expect-no-changes"]));
    await stack.refresh();
    return plannedSteps((await stack.preview(["--diff"])).events);
  }

  async function healAndDestroy(stack: PulumiStack, expectWrites?: boolean): Promise<void> {
    await stack.up();
    const outputs = await consumerOutputs(stack, "analytics");
    assert.equal(outputs.status, "ACTIVE");
    if (expectWrites !== undefined) assert.equal(outputs.consumerAcceptedWrites, expectWrites);
    await stack.preview(["--refresh", "--expect-no-changes"]);
    await stack.destroy();
    assert.deepEqual(await liveAssociations(ctx.emu), []);
  }

  it("when the consumer disassociates by hand, refresh drops it and up associates again", async () => {
    const stack = await deploy({ share: "sales", namespace: 0 });
    await outOfBand(ctx.emu).disassociate(ctx.emu.dataShareArn("sales"), ctx.emu.namespaceArn("consumer", 0));
    const steps = await detectThenRefresh(stack);
    assert.deepEqual(
      steps.map((s) => [s.op, s.name]),
      [["create", "analytics"]],
    );
    await healAndDestroy(stack);
  });

  it("when the producer deauthorizes, refresh shows the status and up heals once it authorizes again", async () => {
    const stack = await deploy({ share: "sales", namespace: 0 });
    await outOfBand(ctx.emu).deauthorize(ctx.emu.dataShareArn("sales"));
    const steps = await detectThenRefresh(stack);
    assert.deepEqual(replaceSteps(steps), ["analytics"]);
    assert.equal((await stateOf(stack, "analytics"))?.status, "DEAUTHORIZED");

    const blocked = await failureOf(stack.up());
    assert.match(blocked.result.stdout, /authoriz/i);

    await outOfBand(ctx.emu).authorize(ctx.emu.dataShareArn("sales"), false);
    await healAndDestroy(stack);
  });

  it("when the consumer rejects the share, refresh shows REJECTED and up heals after a new authorization", async () => {
    const stack = await deploy({ share: "sales", namespace: 1 });
    await outOfBand(ctx.emu).reject(ctx.emu.dataShareArn("sales"));
    const steps = await detectThenRefresh(stack);
    assert.deepEqual(replaceSteps(steps), ["analytics"]);
    assert.equal((await stateOf(stack, "analytics"))?.status, "REJECTED");
    await outOfBand(ctx.emu).authorize(ctx.emu.dataShareArn("sales"), false);
    await healAndDestroy(stack);
  });

  it("when writes are turned off by hand, the plan names allowWrites and up turns them back on", async () => {
    const stack = await deploy({ share: "marketing", namespace: 0, allowWrites: true });
    assert.equal((await consumerOutputs(stack, "analytics")).consumerAcceptedWrites, true);
    await outOfBand(ctx.emu).associate(
      ctx.emu.dataShareArn("marketing"),
      ctx.emu.namespaceArn("consumer", 0),
      false,
    );
    const steps = await detectThenRefresh(stack);
    assert.deepEqual(replaceSteps(steps), ["analytics"]);
    const replace = steps.find((s) => s.op === "replace")!;
    assert.ok(replace.diffs.includes("allowWrites"), `diffs: ${replace.diffs.join(",")}`);
    await healAndDestroy(stack, true);
  });

  it("when the datashare is deleted, refresh drops the association and up restores it once the share is back", async () => {
    const stack = await deploy({ share: "sales", namespace: 0 });
    const arn = ctx.emu.dataShareArn("sales");
    await ctx.emu.admin.dropDataShare(arn);
    const steps = await detectThenRefresh(stack);
    assert.deepEqual(
      steps.map((s) => s.op),
      ["create"],
    );
    const failed = await failureOf(stack.up());
    assert.match(failed.result.stdout, /does not exist|doesn't exist/i);

    const recreated = await ctx.emu.admin.createDataShare({
      producerAccount: ctx.emu.accountId("producer"),
      producerNamespace: "a1b2c3d4-0000-4000-8000-000000000001",
      name: "sales",
    });
    assert.equal(recreated, arn);
    await ctx.emu.admin.grantUsage(arn, ctx.emu.accountId("consumer"));
    await outOfBand(ctx.emu).authorize(arn, false);
    await healAndDestroy(stack);
  });

  it("up --refresh heals a hand-made disassociation in one step", async () => {
    const stack = await deploy({ share: "sales", namespace: 0 });
    await outOfBand(ctx.emu).disassociate(ctx.emu.dataShareArn("sales"), ctx.emu.namespaceArn("consumer", 0));
    const healed = await stack.up(["--refresh"]);
    assert.deepEqual(
      plannedSteps(healed.events)
        .filter((s) => s.op !== "same" && s.op !== "refresh")
        .map((s) => s.op),
      ["create"],
    );
    assert.equal((await liveAssociations(ctx.emu)).length, 1);
    await stack.preview(["--refresh", "--expect-no-changes"]);
  });
});
