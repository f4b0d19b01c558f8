import * as assert from "node:assert/strict";
import type { DataShareConsumerArgs } from "../../sdk";
import { authorizedShare, liveAssociations, outOfBand } from "../support/emulatorFixture";
import {
  consumerOutputs,
  consumersStack,
  failureOf,
  plannedSteps,
  stateOf,
  useEmulatorPerTest,
} from "../support/userStacks";

/**
 * One stack with one association per kind of drift, each on its own datashare, taken through
 * the cycle a user's CI runs with the plain CLI: `up`, a clean `preview --refresh
 * --expect-no-changes`, the out-of-band changes, the same preview failing, `refresh`, a plan that
 * names what drifted, an `up` that cannot heal what only the producer can, then `up --refresh`
 * once the producer acted, a clean preview, and `destroy` leaving nothing behind.
 */
describe("the plain pulumi CLI against every kind of drift", function () {
  this.timeout(10 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  it("detects, records, plans and heals each kind, then destroys cleanly", async () => {
    const emu = ctx.emu;
    const shares = {
      disassociated: emu.dataShareArn("sales"),
      writesOff: emu.dataShareArn("marketing"),
      deauthorized: await authorizedShare(emu, "deauthorized_share"),
      rejected: await authorizedShare(emu, "rejected_share"),
      deleted: await authorizedShare(emu, "deleted_share"),
    };
    const namespace = emu.namespaceArn("consumer", 0);
    const declared: Record<string, DataShareConsumerArgs> = Object.fromEntries(
      Object.entries(shares).map(([name, dataShareArn]) => [
        name,
        { dataShareArn, consumerArn: namespace, ...(name === "writesOff" ? { allowWrites: true } : {}) },
      ]),
    );
    const stack = await consumersStack(emu, declared);
    ctx.stacks.push(stack);
    await stack.up();
    for (const name of Object.keys(shares))
      assert.equal((await consumerOutputs(stack, name)).status, "ACTIVE");
    await stack.preview(["--refresh", "--expect-no-changes"]);

    const change = outOfBand(emu);
    await change.disassociate(shares.disassociated, namespace);
    await change.associate(shares.writesOff, namespace, false);
    await change.deauthorize(shares.deauthorized);
    await change.reject(shares.rejected);
    await emu.admin.dropDataShare(shares.deleted);

    await failureOf(stack.preview(["--refresh", "--expect-no-changes"]));
    await stack.refresh();
    assert.equal(await stateOf(stack, "disassociated"), undefined);
    assert.equal(await stateOf(stack, "deleted"), undefined);
    assert.equal((await stateOf(stack, "deauthorized"))?.status, "DEAUTHORIZED");
    assert.equal((await stateOf(stack, "rejected"))?.status, "REJECTED");
    assert.equal((await stateOf(stack, "writesOff"))?.consumerAcceptedWrites, false);

    const plan = plannedSteps((await stack.preview(["--diff"])).events).filter((s) => s.op !== "same");
    const opOf = (name: string) => plan.filter((s) => s.name === name).map((s) => s.op);
    assert.deepEqual(opOf("disassociated"), ["create"]);
    assert.deepEqual(opOf("deleted"), ["create"]);
    // Status and write drift heal in place: nothing plans to delete an association the stack claims.
    for (const name of ["deauthorized", "rejected", "writesOff"])
      assert.deepEqual(opOf(name), ["update"], name);
    assert.ok(plan.find((s) => s.name === "writesOff")!.diffs.includes("allowWrites"));

    const blocked = await failureOf(stack.up());
    assert.match(blocked.result.stdout, /authoriz/i);
    assert.match(blocked.result.stdout, /does not exist|doesn't exist/i);

    await change.authorize(shares.deauthorized, false);
    await change.authorize(shares.rejected, false);
    const recreated = await authorizedShare(emu, "deleted_share");
    assert.equal(recreated, shares.deleted);
    await stack.up(["--refresh"]);
    for (const name of Object.keys(shares))
      assert.equal((await consumerOutputs(stack, name)).status, "ACTIVE");
    assert.equal((await consumerOutputs(stack, "writesOff")).consumerAcceptedWrites, true);
    assert.equal((await liveAssociations(emu)).length, 5);
    await stack.preview(["--refresh", "--expect-no-changes"]);

    await stack.destroy();
    assert.deepEqual(await liveAssociations(emu), []);
  });
});
