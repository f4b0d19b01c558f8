import * as assert from "node:assert/strict";
import type { DataShareConsumerArgs } from "../../sdk";
import { authorizedShare, liveAssociations, outOfBand } from "../../harness/emulatorFixture";
import {
  consumerOutputs,
  consumersStack,
  failureOf,
  plannedSteps,
  stateOf,
  stepOutcomes,
  useEmulatorPerTest,
} from "../../harness/userStacks";

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

    // The engine runs the five steps in parallel and starts no new one after the first failure, so
    // which of the three blocked steps it reaches is not fixed. What it guarantees: the up fails,
    // each blocked step it started fails with its own reason, no other step fails, nothing is removed.
    const liveBefore = await liveAssociations(emu);
    const disassociationsBefore = emu.operationCounts().DisassociateDataShareConsumer?.received ?? 0;
    const blocked = await failureOf(stack.up());
    const outcomes = stepOutcomes(blocked.events ?? []);
    const reasons: Record<string, RegExp> = {
      deauthorized: /authoriz/i,
      rejected: /authoriz/i,
      deleted: /does not exist|doesn't exist/i,
    };
    const failed = [...outcomes].filter(([, o]) => o.errors.length > 0).map(([name]) => name);
    assert.ok(failed.length > 0, `no resource reported the failure:\n${blocked.message}`);
    for (const [name, { started, errors }] of outcomes) {
      const reason = reasons[name];
      if (!reason) {
        assert.deepEqual(errors, [], `${name} can succeed, yet failed`);
        continue;
      }
      if (started) assert.ok(errors.length > 0, `${name}'s step ran but did not fail`);
      for (const message of errors) assert.match(message, reason, name);
    }
    assert.equal(emu.operationCounts().DisassociateDataShareConsumer?.received ?? 0, disassociationsBefore);
    const liveAfter = await liveAssociations(emu);
    for (const association of liveBefore) {
      assert.ok(
        liveAfter.some((a) => a.dataShareArn === association.dataShareArn),
        `${association.dataShareArn} lost its association`,
      );
    }

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
