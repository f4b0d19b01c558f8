import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { resourceSpecs, settingSpecs } from "../../plugin/resources";
import { GO_IMPORT_BASE_PATH, buildSchema } from "../../plugin/schema";
import { cliEnv, pluginInstall, projectDir, run } from "../../harness/pluginProjects";
import { generateSdk, removeGeneratedSdks } from "../../harness/pluginSdks";

/** Every file under a folder whose name ends with the extension. */
function filesOf(dir: string, extension: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(extension))
    .map((f) => path.join(dir, f));
}

/**
 * The schema and SDKs from the packed package's plugin with the plain CLI: `pulumi package
 * get-schema` and `pulumi package gen-sdk` (Node.js, Go, Python). .NET is left out: its language
 * host cannot be had here.
 */
describe("the provider plugin's schema and generated SDKs", function () {
  this.timeout(30 * 60 * 1000);
  let pluginDir: string;
  let version: string;

  before(async function () {
    this.timeout(15 * 60 * 1000);
    ({ pluginDir, version } = await pluginInstall());
  });
  after(removeGeneratedSdks);

  it("pulumi package get-schema on the plugin's executable prints the schema built from the specs", async () => {
    const executable = path.join(pluginDir, "pulumi-resource-redshift-datashare");
    const dir = projectDir("get-schema", {});
    try {
      const env = await cliEnv(dir);
      const printed = JSON.parse(await run("pulumi", ["package", "get-schema", executable], dir, env));
      assert.deepEqual(printed, buildSchema({ version, resources: resourceSpecs, settings: settingSpecs }));
      // CLI v3.248 takes a folder only when it holds a PulumiPlugin.yaml; docs/plugin.md names the executable.
      await assert.rejects(run("pulumi", ["package", "get-schema", pluginDir], dir, env), /executable named/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the Node.js SDK has both resources, their dynamic types as aliases, and the provider", async () => {
    const sdk = await generateSdk(pluginDir, "nodejs");
    const consumer = fs.readFileSync(path.join(sdk, "dataShareConsumer.ts"), "utf8");
    assert.match(consumer, /__pulumiType = 'redshift-datashare:index:DataShareConsumer'/);
    assert.match(consumer, /aliases: \[\{ type: "pulumi-nodejs:dynamic\/redshift:DataShareConsumer" \}\]/);
    assert.ok(fs.existsSync(path.join(sdk, "dataShareAuthorization.ts")));
    assert.ok(fs.existsSync(path.join(sdk, "provider.ts")));
  });

  it("the Go SDK builds and passes go vet with a go.mod of its own", async () => {
    const sdk = await generateSdk(pluginDir, "go");
    const module = path.dirname(GO_IMPORT_BASE_PATH);
    fs.writeFileSync(
      path.join(sdk, "go.mod"),
      `module ${module}\n\ngo 1.22\n\nrequire github.com/pulumi/pulumi/sdk/v3 v3.248.0\n`,
    );
    const env = { ...process.env, GOFLAGS: "-mod=mod" };
    await run("go", ["mod", "tidy"], sdk, env);
    await run("go", ["build", "./..."], sdk, env);
    await run("go", ["vet", "./..."], sdk, env);
    const consumer = fs.readFileSync(path.join(sdk, "redshiftdatashare", "dataShareConsumer.go"), "utf8");
    assert.match(consumer, /Type: pulumi\.String\("pulumi-nodejs:dynamic\/redshift:DataShareConsumer"\)/);
  });

  it("the Python SDK's files all compile", async () => {
    const sdk = await generateSdk(pluginDir, "python");
    const files = filesOf(sdk, ".py");
    assert.ok(
      files.some((f) => f.endsWith(path.join("pulumi_redshift_datashare", "data_share_consumer.py"))),
    );
    assert.ok(files.some((f) => f.endsWith("data_share_authorization.py")));
    await run("python3", ["-m", "py_compile", ...files], sdk);
  });
});
