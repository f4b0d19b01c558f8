/**
 * The lifecycles plugin programs go through in the end-to-end tests, whatever their language:
 * the program declares two provider resources (profiles `producer` and `consumer`), the producer's
 * DataShareAuthorization `toConsumer` of the emulator's "finance" datashare for the consumer
 * account, and the consumer's DataShareConsumer `analytics` of that datashare with one namespace.
 */
import * as assert from "node:assert/strict";
import { PulumiStack } from "./pulumiStack";
import { runDrift } from "./crossAccount";
import { Emulator, liveAssociations, outOfBand } from "./emulatorFixture";
import { AUTHORIZATION_TOKEN, CONSUMER_TOKEN, pluginResources } from "./pluginProjects";
import { failureOf } from "./userStacks";

/** What a program of the lifecycle declares (its configuration or literal values). */
export interface LifecycleValues {
  dataShareArn: string;
  consumerAccount: string;
  consumerArn: string;
}

export function lifecycleValues(emu: Emulator): LifecycleValues {
  return {
    dataShareArn: emu.dataShareArn("finance"),
    consumerAccount: emu.accountId("consumer"),
    consumerArn: emu.namespaceArn("consumer", 0),
  };
}

/** The producer's record of the consumer's grant, from the emulator's model. */
function grant(emu: Emulator, dataShareArn: string) {
  const share = emu.admin.snapshot().dataShares.find((d) => d.arn === dataShareArn);
  return share?.consumers.find((c) => c.accountId === emu.accountId("consumer"));
}

/**
 * up; a clean `preview --refresh --expect-no-changes`; an out-of-band disassociation and the
 * producer turning writes on; the same preview failing and naming what drifted; `up --refresh`
 * healing both; a clean preview again; state holding only the plugin's types and nothing of ours
 * or of the credentials; destroy leaving nothing on the account. The drift command reports both
 * resources, the consumer's cause read from the plugin's log. One language (YAML) runs it.
 */
export async function driftLifecycle(stack: PulumiStack, emu: Emulator, values: LifecycleValues) {
  const { dataShareArn, consumerArn } = values;
  const associated = async () =>
    (await liveAssociations(emu)).filter((a) => a.dataShareArn === dataShareArn && a.status === "ACTIVE");

  await stack.up();
  assert.equal((await associated()).length, 1);
  assert.equal(grant(emu, dataShareArn)?.producerAllowedWrites, false);
  await stack.preview(["--refresh", "--expect-no-changes"]);

  await outOfBand(emu).disassociate(dataShareArn, consumerArn);
  await outOfBand(emu).authorize(dataShareArn, true);
  const drifted = await failureOf(stack.preview(["--refresh", "--expect-no-changes", "--diff"]));
  const text = drifted.result.stdout;
  assert.match(text, /~ redshift-datashare:index:DataShareAuthorization: \(update\)[\s\S]*allowWrites/);
  assert.match(text, /\+ redshift-datashare:index:DataShareConsumer: \(create\)/);
  // The package's `drift` command reports the plugin's resources as it reports the dynamic ones.
  const { code, report } = await runDrift(stack);
  assert.equal(code, 1);
  assert.deepEqual(report.drifted.map((d) => [d.resource, d.resourceType, d.property]).sort(), [
    ["analytics", "DataShareConsumer", "status"],
    ["toConsumer", "DataShareAuthorization", "allowWrites"],
  ]);
  // The cause comes from the plugin's read, through the engine's log (plugin/engineLog.ts): the
  // producer's new authorization changed the writes the stack recorded, the one trace the
  // consumer's account sees of what ended the association (provider/consumer/goneReason.ts).
  const gone = report.drifted.find((d) => d.resource === "analytics");
  assert.match(gone?.detail ?? "", /authorized the datashare again with writes allowed/);

  await stack.up(["--refresh"]);
  assert.equal((await associated()).length, 1);
  assert.equal(grant(emu, dataShareArn)?.producerAllowedWrites, false);
  await stack.preview(["--refresh", "--expect-no-changes"]);

  await assertPluginState(stack, emu, {});

  await stack.destroy();
  assert.deepEqual(await associated(), []);
  assert.notEqual(grant(emu, dataShareArn)?.status, "AUTHORIZED");
}

/**
 * The short lifecycle each language runs (the drift cycle is language-independent: the YAML
 * program runs it): up creates both resources, a `preview --refresh --expect-no-changes` is
 * clean, state holds only the plugin's types and no credentials, destroy leaves nothing.
 */
export async function shortLifecycle(
  stack: PulumiStack,
  emu: Emulator,
  values: LifecycleValues,
  options: { secretDataShareArn?: boolean } = {},
) {
  const { dataShareArn } = values;
  const associated = async () =>
    (await liveAssociations(emu)).filter((a) => a.dataShareArn === dataShareArn && a.status === "ACTIVE");
  await stack.up();
  assert.equal((await associated()).length, 1);
  assert.equal(grant(emu, dataShareArn)?.status, "AUTHORIZED");
  assert.equal(grant(emu, dataShareArn)?.producerAllowedWrites, false);
  await stack.preview(["--refresh", "--expect-no-changes"]);
  await assertPluginState(stack, emu, options);
  await stack.destroy();
  assert.deepEqual(await associated(), []);
  assert.notEqual(grant(emu, dataShareArn)?.status, "AUTHORIZED");
}

/** Only the plugin's two types in state, nothing of the dynamic provider's, no credentials. */
async function assertPluginState(
  stack: PulumiStack,
  emu: Emulator,
  options: { secretDataShareArn?: boolean },
) {
  const resources = await pluginResources(stack);
  assert.deepEqual(resources.map((r) => r.type).sort(), [AUTHORIZATION_TOKEN, CONSUMER_TOKEN]);
  if (options.secretDataShareArn) {
    // Declared secret in the program: encrypted in both resources' inputs and outputs.
    for (const r of resources) {
      for (const bag of [r.inputs, r.outputs])
        assert.equal(typeof bag?.dataShareArn, "object", `${r.urn}: ${JSON.stringify(bag?.dataShareArn)}`);
    }
  }
  const state = JSON.stringify((await stack.exportStack()).deployment);
  assert.doesNotMatch(state, /__provider|pulumi-nodejs/);
  for (const account of ["producer", "consumer"]) {
    const { accessKeyId, secretAccessKey } = emu.credentials(account);
    assert.ok(!state.includes(secretAccessKey) && !state.includes(accessKeyId), "no credentials in state");
  }
}
