import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { PulumiStack } from "../../harness/pulumiStack";
import { DATASHARE_AUTHORIZATION_TYPE, DATASHARE_CONSUMER_TYPE } from "../../cli/drift/events";
import type { DriftReport } from "../../cli/drift/report";
import { crossAccountStacks, outputsOf, producerEntries, runDrift } from "../../harness/crossAccount";
import { Emulator, liveAssociations, outOfBand, startSeededEmulator } from "../../harness/emulatorFixture";
import { defaultInstall } from "../../harness/userStacks";

/** Each engine run plans once: the preview pass would double the cost and prove nothing here. */
const FAST = ["--skip-preview"];

/** Each drifted row as [resource, type, kind, property, declared, live, remedy]. */
function rows(report: DriftReport) {
  return report.drifted.map((d) => [
    d.resource,
    d.resourceType,
    d.kind,
    d.property,
    d.declared,
    d.live,
    d.remedy,
  ]);
}

async function stateOf(stack: PulumiStack, type: string): Promise<Record<string, unknown> | undefined> {
  const resources = (await stack.exportStack()).deployment.resources ?? [];
  return resources.find((r) => r.type === type)?.outputs;
}

/**
 * examples/cross-account with the plain CLI: the producer's stack authorizes the emulator's
 * "finance" datashare for the consumer account (writes allowed) and exports its ARN; the consumer's
 * stack reads it through a StackReference and associates it (writes accepted). One backend, two
 * stacks, each run with its own account's keys. The steps build on each other, in order, so the
 * suite stops at the first failure.
 */
describe("two accounts, two stacks: examples/cross-account with the plain pulumi CLI", function () {
  this.timeout(5 * 60 * 1000);
  this.bail(true);
  let emu: Emulator;
  let producer: PulumiStack;
  let consumer: PulumiStack;
  let stateDir: string;
  let share: string;
  let namespace: string;

  before(async function () {
    this.timeout(15 * 60 * 1000); // the first run installs the packed package
    const install = await defaultInstall();
    emu = await startSeededEmulator();
    share = emu.dataShareArn("finance"); // granted to the consumer, not yet authorized
    namespace = emu.namespaceArn("consumer", 0);
    ({ producer, consumer, stateDir } = await crossAccountStacks(emu, install, {
      producer: { dataShareArn: share, consumerAccount: emu.accountId("consumer"), allowWrites: "true" },
      consumer: { consumerArn: namespace, allowWrites: "true" },
    }));
  });

  after(async () => {
    for (const stack of [consumer, producer]) await stack?.dispose().catch(() => undefined);
    if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
    await emu?.stop();
  });

  it("producer up, then consumer up through the stack reference: the association is ACTIVE with writes", async () => {
    await producer.up(FAST);
    const authorized = await producer.outputs(); // the stack outputs the consumer's reference reads
    assert.equal(authorized.status, "AUTHORIZED");
    assert.equal(authorized.producerAllowedWrites, true);
    assert.equal(authorized.dataShareArn, share);
    // The name the consumer's config gives its StackReference is the producer stack's full name.
    const fullName = await producer.run([
      "stack",
      "--show-name",
      "--fully-qualify-stack-names",
      "-s",
      producer.name,
    ]);
    assert.equal(fullName.stdout.trim(), `organization/datashare-producer/${producer.name}`);

    const associated = outputsOf((await consumer.up(FAST)).events, DATASHARE_CONSUMER_TYPE)!;
    assert.equal(associated.dataShareArn, share);
    assert.equal(associated.status, "ACTIVE");
    assert.equal(associated.producerAllowedWrites, true);
    assert.equal(associated.consumerAcceptedWrites, true);
  });

  it("after an out-of-band deauthorization, the producer's side shows the authorization gone and the consumer's DEAUTHORIZED, remedy producer", async () => {
    await outOfBand(emu).deauthorize(share);

    const [producerDrift, consumerDrift] = await Promise.all([runDrift(producer), runDrift(consumer)]);
    assert.equal(producerDrift.code, 1);
    assert.deepEqual(rows(producerDrift.report), [
      [
        "to-consumer",
        "DataShareAuthorization",
        "authorization-gone",
        "status",
        "AUTHORIZED",
        null,
        "pulumi-up",
      ],
    ]);
    assert.equal(consumerDrift.code, 1);
    assert.deepEqual(rows(consumerDrift.report), [
      ["from-producer", "DataShareConsumer", "status", "status", "ACTIVE", "DEAUTHORIZED", "producer"],
    ]);

    await Promise.all([producer.refresh(FAST), consumer.refresh(FAST)]);
    assert.equal(await stateOf(producer, DATASHARE_AUTHORIZATION_TYPE), undefined);
    assert.equal((await stateOf(consumer, DATASHARE_CONSUMER_TYPE))?.status, "DEAUTHORIZED");
  });

  it("producer up heals its stack, then consumer up heals its stack", async () => {
    assert.equal(
      outputsOf((await producer.up(FAST)).events, DATASHARE_AUTHORIZATION_TYPE)?.status,
      "AUTHORIZED",
    );
    assert.equal(outputsOf((await consumer.up(FAST)).events, DATASHARE_CONSUMER_TYPE)?.status, "ACTIVE");
    assert.deepEqual(
      (await liveAssociations(emu)).map((a) => [a.status, a.consumerAcceptedWrites]),
      [["ACTIVE", true]],
    );
  });

  it("writes turned off out-of-band: each side's drift names its own property, and each side's up heals it", async () => {
    const change = outOfBand(emu);
    await change.authorize(share, false); // the producer: read-only again
    await change.associate(share, namespace, false); // the consumer: accepts no writes

    let [producerDrift, consumerDrift] = await Promise.all([runDrift(producer), runDrift(consumer)]);
    assert.deepEqual(rows(producerDrift.report), [
      [
        "to-consumer",
        "DataShareAuthorization",
        "authorization-writes",
        "allowWrites",
        true,
        false,
        "pulumi-up",
      ],
    ]);
    // Writes cannot be accepted again until the producer allows them: both wait for the producer.
    assert.deepEqual(rows(consumerDrift.report), [
      [
        "from-producer",
        "DataShareConsumer",
        "producer-writes",
        "producerAllowedWrites",
        true,
        false,
        "producer",
      ],
      ["from-producer", "DataShareConsumer", "consumer-writes", "allowWrites", true, false, "producer"],
    ]);

    await producer.up(["--refresh", ...FAST]);
    consumerDrift = await runDrift(consumer);
    assert.deepEqual(rows(consumerDrift.report), [
      ["from-producer", "DataShareConsumer", "consumer-writes", "allowWrites", true, false, "pulumi-up"],
    ]);

    const associated = outputsOf(
      (await consumer.up(["--refresh", ...FAST])).events,
      DATASHARE_CONSUMER_TYPE,
    )!;
    assert.equal(associated.producerAllowedWrites, true);
    assert.equal(associated.consumerAcceptedWrites, true);
    [producerDrift, consumerDrift] = await Promise.all([runDrift(producer), runDrift(consumer)]);
    for (const clean of [producerDrift, consumerDrift]) {
      assert.equal(clean.code, 0);
      assert.deepEqual(clean.report.drifted, []);
    }
    assert.deepEqual(producerDrift.report.resourceCounts, {
      DataShareConsumer: 0,
      DataShareAuthorization: 1,
    });
    assert.deepEqual(consumerDrift.report.resourceCounts, {
      DataShareConsumer: 1,
      DataShareAuthorization: 0,
    });
  });

  it("destroy of the consumer, then of the producer, leaves nothing behind", async () => {
    await consumer.destroy(FAST);
    assert.deepEqual(await liveAssociations(emu), []);
    await producer.destroy(FAST);
    const left = (await producerEntries(emu, share)).filter(
      (e) => e.status === "AUTHORIZED" || e.status === "ACTIVE",
    );
    assert.deepEqual(left, []);
    for (const stack of [producer, consumer]) {
      const types = ((await stack.exportStack()).deployment.resources ?? []).map((r) => r.type);
      assert.ok(
        !types.includes(DATASHARE_AUTHORIZATION_TYPE) && !types.includes(DATASHARE_CONSUMER_TYPE),
        types.join(", "),
      );
    }
  });
});
