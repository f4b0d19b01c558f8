import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { packPackage } from "../../harness/packedPackage";
import { liveAssociations } from "../../harness/emulatorFixture";
import { CONSUMER_TOKEN, pluginInstall, pluginStack, projectDir, run } from "../../harness/pluginProjects";
import { failureOf, useEmulatorPerTest } from "../../harness/userStacks";

/**
 * The plugin installed into Pulumi's plugin cache from a folder, as docs/plugin.md says: an npm
 * install of the package in a folder of its own, the executable copied beside node_modules, and
 * `pulumi plugin install resource redshift-datashare <version> -f <folder>`. A YAML program naming
 * the package by name and version under `packages:` (what `pulumi package add` records in a Go
 * project) then runs on it.
 */
describe("the provider plugin installed with pulumi plugin install -f", function () {
  this.timeout(20 * 60 * 1000);
  const ctx = useEmulatorPerTest();
  let folder: string;
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it("installs from a folder, and a project naming the package by version runs on it", async () => {
    const { pluginDir, version } = await pluginInstall();
    folder = fs.mkdtempSync(path.join(os.tmpdir(), "rds-plugin-folder-"));
    fs.writeFileSync(path.join(folder, "package.json"), JSON.stringify({ private: true }));
    await run("npm", ["install", "--no-audit", "--no-fund", packPackage().tarball], folder);
    const executable = "pulumi-resource-redshift-datashare";
    fs.copyFileSync(
      path.join(folder, "node_modules", "pulumi-redshift-datashare", "plugin", executable),
      path.join(folder, executable),
    );

    const share = ctx.emu.dataShareArn("sales");
    const namespace = ctx.emu.namespaceArn("consumer", 0);
    const dir = projectDir("plugin-installed", {
      "Pulumi.yaml": {
        name: "rds-plugin-installed",
        runtime: "yaml",
        packages: { "redshift-datashare": `redshift-datashare@${version}` },
        resources: {
          analytics: {
            type: "redshift-datashare:DataShareConsumer",
            properties: { dataShareArn: share, consumerArn: namespace },
          },
        },
        outputs: { status: "${analytics.status}" },
      },
    });
    const stack = await pluginStack(ctx.emu, dir, ["yaml"]);
    ctx.stacks.push(stack);
    await stack.setConfig({ "redshift-datashare:profile": "consumer" });

    // pulumi-language-yaml v1.25.0 cannot link a package: `pulumi package add` fails in a YAML project.
    const add = await stack.run(["package", "add", path.join(pluginDir, executable)], { allowFailure: true });
    assert.match(add.stderr, /Link not implemented/);
    fs.rmSync(path.join(dir, "sdks"), { recursive: true, force: true });
    // By name and version: nothing is found until the plugin is installed (no downloads here).
    const missing = await failureOf(stack.preview());
    assert.match(missing.result.stdout, /no resource plugin 'pulumi-resource-redshift-datashare' found/);

    await stack.run(["plugin", "install", "resource", "redshift-datashare", version, "-f", folder]);
    const listed = await stack.run(["plugin", "ls"]);
    assert.match(
      listed.stdout,
      new RegExp(`redshift-datashare\\s+resource\\s+${version.replace(/\./g, "\\.")}`),
    );
    // The installed copy runs without the folder it came from.
    fs.rmSync(folder, { recursive: true, force: true });

    const up = await stack.up();
    assert.ok(up.events.some((e) => e.resOutputsEvent?.metadata.type === CONSUMER_TOKEN));
    assert.deepEqual(
      (await liveAssociations(ctx.emu)).map((a) => a.consumerIdentifier),
      [namespace],
    );
    await stack.destroy();
    assert.deepEqual(await liveAssociations(ctx.emu), []);
  });
});
