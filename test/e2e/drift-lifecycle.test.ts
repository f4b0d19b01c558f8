import * as assert from "node:assert/strict";
import { DataShareConsumer } from "../../sdk";
import { createTestStack, TestStack } from "../support/engine";
import {
  collectSteps,
  consumerEnv,
  liveAssociations,
  outOfBand,
  PlannedStep,
  useEmulatorPerTest,
} from "./fixture";

/** The outputs recorded in state for one resource (stack outputs are not refreshed). */
async function stateOf(stack: TestStack, name: string): Promise<Record<string, unknown>> {
  const deployment = (await stack.stack.exportStack()).deployment as {
    resources: { urn: string; outputs: Record<string, unknown> }[];
  };
  const resource = deployment.resources.find((r) => r.urn.endsWith("::" + name));
  assert.ok(resource, `${name} is not in state`);
  return resource.outputs;
}

/** Names of the resources the plan replaces (a replacement shows as several steps). */
function replaceSteps(steps: PlannedStep[]): string[] {
  return steps.filter((s) => s.op === "replace").map((s) => s.name);
}

interface Declared {
  share: string;
  namespace: number;
  allowWrites?: boolean;
}

/**
 * One stack with one namespace association, taken through the whole cycle for one kind of drift:
 * up, a clean preview, the out-of-band change, refresh, a preview that names what drifted,
 * healing, a clean preview again, and destroy leaving nothing behind.
 */
describe("the real engine against drift", function () {
  this.timeout(10 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  async function deploy(declared: Declared) {
    const dataShareArn = ctx.emu.dataShareArn(declared.share);
    ctx.stack = await createTestStack({
      env: consumerEnv(ctx.emu),
      program: async () => {
        const c = new DataShareConsumer("analytics", {
          dataShareArn,
          consumerArn: ctx.emu.namespaceArn("consumer", declared.namespace),
          ...(declared.allowWrites === undefined ? {} : { allowWrites: declared.allowWrites }),
        });
        return { status: c.status, consumerAcceptedWrites: c.consumerAcceptedWrites };
      },
    });
    const up = await ctx.stack.stack.up();
    assert.equal(up.summary.result, "succeeded");
    assert.equal(up.outputs.status.value, "ACTIVE");
    await ctx.stack.stack.preview({ expectNoChanges: true });
    return ctx.stack;
  }

  async function refreshThenPlan(stack: TestStack) {
    const refresh = await stack.stack.refresh();
    assert.equal(refresh.summary.result, "succeeded");
    const plan = collectSteps();
    await stack.stack.preview({ diff: true, onEvent: plan.onEvent });
    return plan.steps;
  }

  async function healAndDestroy(stack: TestStack, expectWrites?: boolean) {
    const heal = await stack.stack.up();
    assert.equal(heal.summary.result, "succeeded");
    assert.equal(heal.outputs.status.value, "ACTIVE");
    if (expectWrites !== undefined) assert.equal(heal.outputs.consumerAcceptedWrites.value, expectWrites);
    await stack.stack.preview({ expectNoChanges: true });
    await stack.stack.destroy();
    assert.deepEqual(await liveAssociations(ctx.emu), []);
  }

  it("when the consumer disassociates by hand, refresh drops it and up associates again", async () => {
    const stack = await deploy({ share: "sales", namespace: 0 });
    await outOfBand(ctx.emu).disassociate(ctx.emu.dataShareArn("sales"), ctx.emu.namespaceArn("consumer", 0));
    const steps = await refreshThenPlan(stack);
    assert.deepEqual(
      steps.map((s) => [s.op, s.name]),
      [["create", "analytics"]],
    );
    await healAndDestroy(stack);
  });

  it("when the producer deauthorizes, refresh shows the status and up heals once it authorizes again", async () => {
    const stack = await deploy({ share: "sales", namespace: 0 });
    await outOfBand(ctx.emu).deauthorize(ctx.emu.dataShareArn("sales"));
    const steps = await refreshThenPlan(stack);
    assert.deepEqual(replaceSteps(steps), ["analytics"]);
    assert.equal((await stateOf(stack, "analytics")).status, "DEAUTHORIZED");

    const blocked = await stack.stack.up().then(
      () => undefined,
      (err: Error) => err,
    );
    assert.ok(blocked, "up must fail while the share is deauthorized");
    assert.match(blocked.message, /authoriz/i);

    await outOfBand(ctx.emu).authorize(ctx.emu.dataShareArn("sales"), false);
    await healAndDestroy(stack);
  });

  it("when the consumer rejects the share, refresh shows REJECTED and up heals after a new authorization", async () => {
    const stack = await deploy({ share: "sales", namespace: 1 });
    await outOfBand(ctx.emu).reject(ctx.emu.dataShareArn("sales"));
    const steps = await refreshThenPlan(stack);
    assert.deepEqual(replaceSteps(steps), ["analytics"]);
    assert.equal((await stateOf(stack, "analytics")).status, "REJECTED");
    await outOfBand(ctx.emu).authorize(ctx.emu.dataShareArn("sales"), false);
    await healAndDestroy(stack);
  });

  it("when writes are turned off by hand, the plan names allowWrites and up turns them back on", async () => {
    const stack = await deploy({ share: "marketing", namespace: 0, allowWrites: true });
    assert.equal((await stack.stack.outputs()).consumerAcceptedWrites.value, true);
    await outOfBand(ctx.emu).associate(
      ctx.emu.dataShareArn("marketing"),
      ctx.emu.namespaceArn("consumer", 0),
      false,
    );
    const steps = await refreshThenPlan(stack);
    assert.deepEqual(replaceSteps(steps), ["analytics"]);
    const replace = steps.find((s) => s.op === "replace")!;
    assert.ok(replace.diffs.includes("allowWrites"), `diffs: ${replace.diffs.join(",")}`);
    await healAndDestroy(stack, true);
  });

  it("when the datashare is deleted, refresh drops the association and up restores it once the share is back", async () => {
    const stack = await deploy({ share: "sales", namespace: 0 });
    const arn = ctx.emu.dataShareArn("sales");
    await ctx.emu.admin.dropDataShare(arn);
    const steps = await refreshThenPlan(stack);
    assert.deepEqual(
      steps.map((s) => s.op),
      ["create"],
    );
    const failed = await stack.stack.up().then(
      () => undefined,
      (err: Error) => err,
    );
    assert.ok(failed, "up must fail while the datashare does not exist");
    assert.match(failed.message, /does not exist|doesn't exist/i);

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
});
