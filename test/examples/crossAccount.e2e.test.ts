import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { PulumiStack, type EngineEvent } from "../../harness/pulumiStack";
import { DATASHARE_AUTHORIZATION_TYPE, DATASHARE_CONSUMER_TYPE } from "../../cli/drift/events";
import type { DriftReport } from "../../cli/drift/report";
import { answerOf, API_BEHAVIOURS } from "../../emulator";
import { resourceNames } from "../../provider/schema";
import { crossAccountStacks, outputsOf, producerEntries, runDrift } from "../../harness/crossAccount";
import {
  Emulator,
  liveAssociations,
  outOfBand,
  REGION,
  setBehavioursOverHttp,
  startSeededEmulator,
} from "../../harness/emulatorFixture";
import { defaultInstall, failureOf } from "../../harness/userStacks";
import { CROSS_ACCOUNT_FLOWS, flowSettings } from "./crossAccountFlows";

/** Each engine run plans once: the preview pass would double the cost and prove nothing here. */
const FAST = ["--skip-preview"];
const CLEAN = ["--refresh", "--expect-no-changes"];
const OUR_TYPES: Record<string, string> = {
  [DATASHARE_CONSUMER_TYPE]: "DataShareConsumer",
  [DATASHARE_AUTHORIZATION_TYPE]: "DataShareAuthorization",
};

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

/** The changes a run planned for our resources, as "Type name op [diffs]" (refresh steps excluded). */
function changes(events: readonly EngineEvent[] | undefined): string[] {
  return (events ?? [])
    .map((e) => e.resourcePreEvent?.metadata)
    .filter((m) => m !== undefined && OUR_TYPES[m.type] && !["same", "refresh", "read"].includes(m.op))
    .map((m) => `${OUR_TYPES[m!.type]} ${m!.urn.split("::").pop()} ${m!.op} [${(m!.diffs ?? []).join(",")}]`);
}

async function stateOf(stack: PulumiStack, type: string): Promise<Record<string, unknown> | undefined> {
  const resources = (await stack.exportStack()).deployment.resources ?? [];
  return resources.find((r) => r.type === type)?.outputs;
}

async function resourceTypes(stack: PulumiStack): Promise<string[]> {
  return ((await stack.exportStack()).deployment.resources ?? []).map((r) => r.type);
}

/**
 * examples/cross-account with the plain CLI, once per flow of crossAccountFlows.ts (the emulator's
 * answers): the producer's stack authorizes the emulator's "finance" datashare for the consumer
 * account and exports its ARN; the consumer's stack reads it through a StackReference and
 * associates it. One backend, two stacks, each run with its own account's keys. The steps build on
 * each other, in order, so a flow stops at its first failure.
 */
for (const flow of CROSS_ACCOUNT_FLOWS) {
  describe(`two accounts, two stacks: examples/cross-account with the plain pulumi CLI, ${flow.name}`, function () {
    this.timeout(5 * 60 * 1000);
    this.bail(true);
    let emu: Emulator;
    let producer: PulumiStack;
    let consumer: PulumiStack;
    let stateDir: string;
    let share: string;
    let namespace: string;
    const writes: Record<string, string> = flow.writes ? { allowWrites: "true" } : {};

    before(async function () {
      this.timeout(15 * 60 * 1000); // the first run installs the packed package
      const install = await defaultInstall();
      emu = await startSeededEmulator(flowSettings(flow));
      share = emu.dataShareArn("finance"); // granted to the consumer, not yet authorized
      namespace = emu.namespaceArn("consumer", 0);
      ({ producer, consumer, stateDir } = await crossAccountStacks(emu, install, {
        producer: { dataShareArn: share, consumerAccount: emu.accountId("consumer"), ...writes },
        consumer: { consumerArn: namespace, ...writes },
      }));
    });

    after(async () => {
      for (const stack of [consumer, producer]) await stack?.dispose().catch(() => undefined);
      if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
      await emu?.stop();
    });

    it(`the emulator gives every API behaviour the flow's answer (${flow.name})`, async () => {
      // Through the admin API, as another process would: what is in force, not what was asked for.
      const inForce = await setBehavioursOverHttp(emu.endpoint, flowSettings(flow));
      const given = Object.fromEntries(
        API_BEHAVIOURS.map((b) => [b.name, answerOf(inForce, b.name, REGION)]),
      );
      assert.deepEqual(
        given,
        flow.answers,
        "a behaviour the flow does not name: add it to crossAccountFlows.ts",
      );
      const atDefault = API_BEHAVIOURS.filter((b) => given[b.name] === b.default).map((b) => b.name);
      assert.deepEqual(atDefault, flow.nonDefault ? [] : API_BEHAVIOURS.map((b) => b.name));
    });

    it("producer up, then consumer up through the stack reference: the association is ACTIVE, both refresh-previews clean", async () => {
      await producer.up(FAST);
      const authorized = await producer.outputs(); // the stack outputs the consumer's reference reads
      assert.equal(authorized.status, "AUTHORIZED");
      assert.equal(authorized.producerAllowedWrites, flow.writes);
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
      assert.equal(associated.producerAllowedWrites, flow.writes);
      assert.equal(associated.consumerAcceptedWrites, flow.writes);
      assert.deepEqual(
        (await liveAssociations(emu)).map((a) => [a.dataShareArn, a.consumerIdentifier, a.status]),
        [[share, namespace, "ACTIVE"]],
      );
      await producer.preview(CLEAN);
      await consumer.preview(CLEAN);
    });

    if (flow.nonDefault) {
      // At the default answers, every kind of drift (test/cli/drift) proves this one.
      it("a disassociation by the consumer: its refresh-preview fails naming the create, up --refresh heals it", async () => {
        await outOfBand(emu).disassociate(share, namespace);
        const drifted = await failureOf(consumer.preview(CLEAN));
        assert.deepEqual(changes(drifted.events), ["DataShareConsumer from-producer create []"]);
        await producer.preview(CLEAN); // the producer's side is untouched

        const healed = outputsOf(
          (await consumer.up(["--refresh", ...FAST])).events,
          DATASHARE_CONSUMER_TYPE,
        )!;
        assert.equal(healed.status, "ACTIVE");
        await consumer.preview(CLEAN);
      });
    }

    it("after an out-of-band deauthorization, both sides' drift, previews and refresh show it, remedy producer; the consumer's up fails changing nothing", async () => {
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
        [
          "from-producer",
          "DataShareConsumer",
          "status",
          "status",
          "ACTIVE",
          flow.deauthorizedStatus,
          "producer",
        ],
      ]);

      const producerPreview = await failureOf(producer.preview(CLEAN));
      assert.deepEqual(changes(producerPreview.events), ["DataShareAuthorization to-consumer create []"]);
      // The association is kept as status drift (an output: no input diff), not as gone, and
      // diff's warning names who must act.
      const consumerPreview = await failureOf(consumer.preview(CLEAN));
      assert.deepEqual(changes(consumerPreview.events), ["DataShareConsumer from-producer update []"]);
      for (const advice of flow.advice)
        assert.match(consumerPreview.result.stdout + consumerPreview.result.stderr, advice);

      await Promise.all([producer.refresh(FAST), consumer.refresh(FAST)]);
      assert.equal(await stateOf(producer, DATASHARE_AUTHORIZATION_TYPE), undefined);
      assert.equal((await stateOf(consumer, DATASHARE_CONSUMER_TYPE))?.status, flow.deauthorizedStatus);

      const refused = await failureOf(consumer.up(["--refresh", ...FAST]));
      assert.match(refused.result.stdout + refused.result.stderr, /must authorize/i);
      assert.deepEqual(
        (await liveAssociations(emu)).map((a) => a.status),
        flow.consumerSeesAfterDeauthorization,
      );
      assert.ok(
        (await resourceTypes(consumer)).includes(DATASHARE_CONSUMER_TYPE),
        "the consumer's stack still claims the association",
      );
    });

    it("producer up heals its stack, then consumer up heals its stack; both refresh-previews clean", async () => {
      assert.equal(
        outputsOf((await producer.up(["--refresh", ...FAST])).events, DATASHARE_AUTHORIZATION_TYPE)?.status,
        "AUTHORIZED",
      );
      assert.equal(
        outputsOf((await consumer.up(["--refresh", ...FAST])).events, DATASHARE_CONSUMER_TYPE)?.status,
        "ACTIVE",
      );
      assert.deepEqual(
        (await liveAssociations(emu)).map((a) => [
          a.dataShareArn,
          a.consumerIdentifier,
          a.status,
          a.consumerAcceptedWrites,
        ]),
        [[share, namespace, "ACTIVE", flow.writes]],
      );
      await producer.preview(CLEAN);
      await consumer.preview(CLEAN);
    });

    if (flow.writes) {
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
        const noneOfEach = Object.fromEntries(resourceNames.map((name) => [name, 0]));
        assert.deepEqual(producerDrift.report.resourceCounts, {
          ...noneOfEach,
          DataShareAuthorization: 1,
        });
        assert.deepEqual(consumerDrift.report.resourceCounts, {
          ...noneOfEach,
          DataShareConsumer: 1,
        });
      });
    }

    it("destroy of the consumer, then of the producer, leaves nothing behind", async () => {
      await consumer.destroy(FAST);
      assert.deepEqual(await liveAssociations(emu), []);
      await producer.destroy(FAST);
      const left = (await producerEntries(emu, share)).filter(
        (e) => e.status === "AUTHORIZED" || e.status === "ACTIVE",
      );
      assert.deepEqual(left, []);
      for (const stack of [producer, consumer]) {
        const types = await resourceTypes(stack);
        assert.ok(
          !types.includes(DATASHARE_AUTHORIZATION_TYPE) && !types.includes(DATASHARE_CONSUMER_TYPE),
          types.join(", "),
        );
      }
    });
  });
}
