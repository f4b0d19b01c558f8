import * as assert from "node:assert/strict";
import { driftLifecycle, lifecycleValues } from "../../harness/pluginLifecycle";
import { pluginInstall, pluginPath, pluginStack, projectDir } from "../../harness/pluginProjects";
import {
  disposeSqlStacks,
  expectedLiveObjects,
  liveSqlObjects,
  SHARE_NAME,
  SqlStacks,
  sqlStacks,
  stateOutputs,
} from "../../harness/sqlLifecycle";
import { useEmulatorPerTest } from "../../harness/userStacks";

/**
 * A YAML program (pulumi-language-yaml v1.25.0) using the plugin from the packed package through
 * `plugins.providers` in Pulumi.yaml, with two provider resources, one per account.
 */
describe("the provider plugin from a YAML program, with the plain pulumi CLI", function () {
  this.timeout(15 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  it("declares both resources, detects drift (the drift command too) and heals it, and destroys cleanly", async () => {
    const { pluginDir } = await pluginInstall();
    const values = lifecycleValues(ctx.emu);
    const dir = projectDir("plugin-yaml", {
      "Pulumi.yaml": {
        name: "rds-plugin-yaml",
        runtime: "yaml",
        ...pluginPath(pluginDir),
        resources: {
          producer: { type: "pulumi:providers:redshift-datashare", properties: { profile: "producer" } },
          consumer: { type: "pulumi:providers:redshift-datashare", properties: { profile: "consumer" } },
          toConsumer: {
            type: "redshift-datashare:DataShareAuthorization",
            // Literal strings: pulumi-yaml reads a 12-digit account ID from config as a number.
            properties: { dataShareArn: values.dataShareArn, consumerIdentifier: values.consumerAccount },
            options: { provider: "${producer}" },
          },
          analytics: {
            type: "redshift-datashare:DataShareConsumer",
            properties: { dataShareArn: "${toConsumer.dataShareArn}", consumerArn: values.consumerArn },
            options: { provider: "${consumer}" },
          },
        },
        outputs: { status: "${analytics.status}" },
      },
    });
    const stack = await pluginStack(ctx.emu, dir, ["yaml"]);
    ctx.stacks.push(stack);
    await driftLifecycle(stack, ctx.emu, values);
  });
});

/**
 * The datashare's whole lifecycle (issue 29) from two YAML programs on the plugin: the producer's
 * stack makes the datashare with its schemas, grants it and authorizes the consumer; the
 * consumer's associates and makes a database from it (harness/sqlLifecycle.ts).
 */
describe("the datashare's whole lifecycle from two YAML programs through the provider plugin", function () {
  this.timeout(15 * 60 * 1000);
  const ctx = useEmulatorPerTest();
  let stacks: SqlStacks | undefined;
  afterEach(() => disposeSqlStacks(stacks));

  it("the producer's DataShare, DataShareGrant and DataShareAuthorization, the consumer's DataShareConsumer and DataShareDatabase: up, clean, nothing left", async () => {
    const emu = ctx.emu;
    stacks = await sqlStacks(emu);
    const { producer, consumer } = stacks;
    const before = liveSqlObjects(emu);
    assert.equal(before.objects, undefined, "no datashare of that name yet");

    await producer.up();
    await consumer.up();
    assert.deepEqual(liveSqlObjects(emu), expectedLiveObjects(emu));
    const db = await stateOutputs(consumer, "ordersDb");
    assert.equal(db?.dataShareName, SHARE_NAME);
    assert.equal(db?.producerAccount, emu.accountId("producer"));
    assert.equal(db?.producerNamespace, emu.dataApiTarget("producer", 0).namespaceId);
    await producer.preview(["--refresh", "--expect-no-changes"]);
    await consumer.preview(["--refresh", "--expect-no-changes"]);

    await consumer.destroy();
    await producer.destroy();
    assert.deepEqual(liveSqlObjects(emu), before, "nothing left");
  });
});
