/**
 * `pulumi up --replace <urn>` through the plain CLI, for both resources: a replacement the engine
 * forces on an unchanged key ends with the live object still there (nothing lost, no outage), and
 * with state and account agreeing. A replacement whose create fails leaves the live object alone,
 * and the next `up` converges. The SQL resources (issue 29) are rows of one table, on the
 * lifecycle's two YAML stacks through the plugin.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { PulumiStack } from "../../../harness/pulumiStack";
import { DATASHARE_AUTHORIZATION_TYPE, DATASHARE_CONSUMER_TYPE } from "../../../cli/drift/events";
import { crossAccountStacks, producerEntries } from "../../../harness/crossAccount";
import { Emulator, liveAssociations, outOfBand, startSeededEmulator } from "../../../harness/emulatorFixture";
import {
  disposeSqlStacks,
  expectedLiveObjects,
  liveSqlObjects,
  SQL_RESOURCES,
  SqlStacks,
  sqlStacks,
  stateResource,
} from "../../../harness/sqlLifecycle";
import { consumersStack, defaultInstall, failureOf, useEmulatorPerTest } from "../../../harness/userStacks";

const FAST = ["--skip-preview"];

async function urnOf(stack: PulumiStack, type: string): Promise<string> {
  const resources = (await stack.exportStack()).deployment.resources ?? [];
  const found = resources.find((r) => r.type === type);
  assert.ok(found, `no ${type} in the state of ${stack.name}`);
  return found.urn;
}

async function activeAssociations(emu: Emulator): Promise<string[]> {
  return (await liveAssociations(emu)).map((a) => `${a.consumerIdentifier} ${a.status}`);
}

describe("the plain pulumi CLI forcing a replacement (`up --replace`) of a DataShareConsumer", function () {
  this.timeout(10 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  it("keeps the association ACTIVE, and state and account agree afterwards", async () => {
    const share = ctx.emu.dataShareArn("sales");
    const namespace = ctx.emu.namespaceArn("consumer", 0);
    const stack = await consumersStack(ctx.emu, {
      analytics: { dataShareArn: share, consumerArn: namespace },
    });
    ctx.stacks.push(stack);
    await stack.up(FAST);
    const before = await activeAssociations(ctx.emu);
    assert.deepEqual(before, [`${namespace} ACTIVE`]);

    await stack.up(["--replace", await urnOf(stack, DATASHARE_CONSUMER_TYPE), ...FAST]);
    assert.deepEqual(await activeAssociations(ctx.emu), before);
    await stack.preview(["--refresh", "--expect-no-changes"]);
  });

  it("when the replacement's create fails, the association stays, and the next `up` converges", async () => {
    const share = ctx.emu.dataShareArn("sales");
    const namespace = ctx.emu.namespaceArn("consumer", 0);
    const stack = await consumersStack(ctx.emu, {
      analytics: { dataShareArn: share, consumerArn: namespace },
    });
    ctx.stacks.push(stack);
    await stack.up(FAST);
    const urn = await urnOf(stack, DATASHARE_CONSUMER_TYPE);

    // Every AssociateDataShareConsumer and DescribeDataShares is throttled from now on (one token
    // per bucket, taken here; the next arrives after ~3 hours), so the create can neither associate
    // nor read the association back to adopt it: it fails, whatever the order of the steps.
    const starved = { ratePerSecond: 0.0001, burst: 1 };
    ctx.emu.setFaults({
      rateLimit: { perOperation: { AssociateDataShareConsumer: starved, DescribeDataShares: starved } },
    });
    await outOfBand(ctx.emu)
      .associate(share, namespace)
      .catch(() => undefined);
    await liveAssociations(ctx.emu).catch(() => undefined);
    await failureOf(stack.up(["--replace", urn, ...FAST]));
    ctx.emu.setFaults({});
    assert.deepEqual(await activeAssociations(ctx.emu), [`${namespace} ACTIVE`], "nothing was lost");

    await stack.up(FAST);
    assert.deepEqual(await activeAssociations(ctx.emu), [`${namespace} ACTIVE`]);
    await stack.preview(["--refresh", "--expect-no-changes"]);
  });
});

describe("the plain pulumi CLI forcing a replacement (`up --replace`) of a DataShareAuthorization with a consumer associated", function () {
  this.timeout(10 * 60 * 1000);
  let emu: Emulator;
  let producer: PulumiStack;
  let consumer: PulumiStack;
  let stateDir: string;

  before(async function () {
    this.timeout(15 * 60 * 1000); // the first run installs the packed package
    const install = await defaultInstall();
    emu = await startSeededEmulator();
    const share = emu.dataShareArn("finance"); // granted to the consumer, not yet authorized
    ({ producer, consumer, stateDir } = await crossAccountStacks(emu, install, {
      producer: { dataShareArn: share, consumerAccount: emu.accountId("consumer") },
      consumer: { consumerArn: emu.namespaceArn("consumer", 0) },
    }));
    await producer.up(FAST);
    await consumer.up(FAST);
  });

  after(async () => {
    for (const stack of [consumer, producer]) await stack?.dispose().catch(() => undefined);
    if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
    await emu?.stop();
  });

  it("the consumer's association stays ACTIVE, and both stacks agree with the accounts afterwards", async () => {
    const share = emu.dataShareArn("finance");
    assert.deepEqual(await activeAssociations(emu), [`${emu.namespaceArn("consumer", 0)} ACTIVE`]);
    const producerView = await producerEntries(emu, share);
    assert.ok(producerView.some((e) => e.status === "ACTIVE"));

    await producer.up(["--replace", await urnOf(producer, DATASHARE_AUTHORIZATION_TYPE), ...FAST]);
    assert.deepEqual(await activeAssociations(emu), [`${emu.namespaceArn("consumer", 0)} ACTIVE`]);
    assert.deepEqual(await producerEntries(emu, share), producerView, "the producer's view did not change");
    await producer.preview(["--refresh", "--expect-no-changes"]);
    await consumer.preview(["--refresh", "--expect-no-changes"]);
  });
});

describe("the plain pulumi CLI forcing a replacement (`up --replace`) of each SQL resource, from YAML through the plugin", function () {
  this.timeout(10 * 60 * 1000);
  let emu: Emulator;
  let stacks: SqlStacks | undefined;

  before(async function () {
    this.timeout(15 * 60 * 1000); // the first run installs the packed package
    emu = await startSeededEmulator();
    stacks = await sqlStacks(emu);
    await stacks.producer.up(FAST);
    await stacks.consumer.up(FAST);
  });

  after(async () => {
    await disposeSqlStacks(stacks);
    await emu?.stop();
  });

  for (const row of SQL_RESOURCES) {
    it(`${row.resource}: the live datashare, grant and database stay, state agrees, and the refreshed preview is clean`, async () => {
      const { producer, consumer } = stacks!;
      const stack = stacks![row.side];
      const live = liveSqlObjects(emu);
      assert.deepEqual(live, expectedLiveObjects(emu));
      const before = await stateResource(stack, row.name);
      assert.ok(before, `${row.name} in the state of the ${row.side}'s stack`);

      const { events } = await stack.up(["--replace", before.urn, ...FAST]);
      const ops = events
        .map((e) => e.resourcePreEvent?.metadata)
        .filter((m) => m?.urn === before.urn)
        .map((m) => m!.op);
      assert.ok(ops.includes("create-replacement"), `the engine replaced it: ${ops.join(", ")}`);
      assert.deepEqual(liveSqlObjects(emu), live, "nothing lost");
      const after = await stateResource(stack, row.name);
      assert.deepEqual([after?.id, after?.outputs], [before.id, before.outputs], "state agrees");
      await producer.preview(["--refresh", "--expect-no-changes"]);
      await consumer.preview(["--refresh", "--expect-no-changes"]);
    });
  }
});
