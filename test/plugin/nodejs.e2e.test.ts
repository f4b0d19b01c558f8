import * as fs from "node:fs";
import * as path from "node:path";
import { PulumiStack } from "../../harness/pulumiStack";
import { createUserProject } from "../../harness/userProject";
import { lifecycleValues, shortLifecycle } from "../../harness/pluginLifecycle";
import { pluginInstall, pluginPath, profilesEnv } from "../../harness/pluginProjects";
import { generateSdk, removeGeneratedSdks } from "../../harness/pluginSdks";
import { useEmulatorPerTest } from "../../harness/userStacks";

const PROGRAM = `import * as pulumi from "@pulumi/pulumi";
import * as rds from "./sdks/redshift-datashare";

const config = new pulumi.Config();
const producer = new rds.Provider("producer", { profile: "producer" });
const consumer = new rds.Provider("consumer", { profile: "consumer" });
const toConsumer = new rds.DataShareAuthorization(
  "toConsumer",
  {
    dataShareArn: pulumi.secret(config.require("dataShareArn")),
    consumerIdentifier: config.require("consumerAccount"),
  },
  { provider: producer },
);
const analytics = new rds.DataShareConsumer(
  "analytics",
  { dataShareArn: toConsumer.dataShareArn, consumerArn: config.require("consumerArn") },
  { provider: consumer },
);
export const status = analytics.status;
`;

/**
 * A TypeScript program using the Node.js SDK that `pulumi package gen-sdk` writes from the packed
 * plugin (copied into the project), the plugin named under `plugins.providers`.
 */
describe("the provider plugin from a TypeScript program on the generated Node.js SDK", function () {
  this.timeout(15 * 60 * 1000);
  const ctx = useEmulatorPerTest();
  after(removeGeneratedSdks);

  it("declares both resources (a secret ARN stays secret), previews clean and destroys cleanly", async () => {
    const { install, pluginDir } = await pluginInstall();
    const sdk = await generateSdk(pluginDir, "nodejs");
    const dir = createUserProject(install, {
      name: "rds-plugin-ts",
      files: {
        "Pulumi.yaml": JSON.stringify({
          name: "rds-plugin-ts",
          runtime: { name: "nodejs", options: { typescript: true } },
          ...pluginPath(pluginDir),
        }),
        "index.ts": PROGRAM,
      },
    });
    fs.cpSync(sdk, path.join(dir, "sdks", "redshift-datashare"), { recursive: true });
    const env = { ...profilesEnv(ctx.emu, dir), PULUMI_NODEJS_TRANSPILE_ONLY: "true" };
    const stack = await PulumiStack.init({ projectDir: dir, env });
    ctx.stacks.push(stack);
    const values = lifecycleValues(ctx.emu);
    await stack.setConfig({ ...values });
    await shortLifecycle(stack, ctx.emu, values, { secretDataShareArn: true });
  });
});
