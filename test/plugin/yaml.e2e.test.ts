import { driftLifecycle, lifecycleValues } from "../../harness/pluginLifecycle";
import { pluginInstall, pluginPath, pluginStack, projectDir } from "../../harness/pluginProjects";
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
