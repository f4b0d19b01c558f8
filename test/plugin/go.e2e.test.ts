import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { GO_IMPORT_BASE_PATH } from "../../plugin/schema";
import { cachedGoBinary } from "../../harness/goProgram";
import { lifecycleValues, shortLifecycle } from "../../harness/pluginLifecycle";
import { cliEnv, pluginInstall, pluginStack, projectDir, writeFiles } from "../../harness/pluginProjects";
import { useEmulatorPerTest } from "../../harness/userStacks";

const MAIN_GO = `package main

import (
	rds "${GO_IMPORT_BASE_PATH}"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		producer, err := rds.NewProvider(ctx, "producer", &rds.ProviderArgs{Profile: pulumi.StringPtr("producer")})
		if err != nil {
			return err
		}
		consumer, err := rds.NewProvider(ctx, "consumer", &rds.ProviderArgs{Profile: pulumi.StringPtr("consumer")})
		if err != nil {
			return err
		}
		toConsumer, err := rds.NewDataShareAuthorization(ctx, "toConsumer", &rds.DataShareAuthorizationArgs{
			DataShareArn:       pulumi.String(cfg.Require("dataShareArn")),
			ConsumerIdentifier: pulumi.String(cfg.Require("consumerAccount")),
		}, pulumi.Provider(producer))
		if err != nil {
			return err
		}
		analytics, err := rds.NewDataShareConsumer(ctx, "analytics", &rds.DataShareConsumerArgs{
			DataShareArn: toConsumer.DataShareArn,
			ConsumerArn:  pulumi.String(cfg.Require("consumerArn")),
		}, pulumi.Provider(consumer))
		if err != nil {
			return err
		}
		ctx.Export("status", analytics.Status)
		return nil
	})
}
`;

/**
 * A Go program using the SDK that `pulumi package add` generates from the packed plugin, the
 * plugin named by its folder under `packages:` in Pulumi.yaml.
 */
describe("the provider plugin from a Go program, with the plain pulumi CLI", function () {
  this.timeout(30 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  it("pulumi package add links the Go SDK; the program declares both resources, previews clean and destroys", async () => {
    const { pluginDir, version } = await pluginInstall();
    const dir = projectDir("plugin-go", {
      "Pulumi.yaml": { name: "rds-plugin-go", runtime: "go" },
      "go.mod": "module rds-plugin-go\n\ngo 1.22\n\nrequire github.com/pulumi/pulumi/sdk/v3 v3.248.0\n",
      "main.go": MAIN_GO,
    });
    const stack = await pluginStack(ctx.emu, dir, ["go"], { GOFLAGS: "-mod=mod" });
    ctx.stacks.push(stack);

    await stack.run(["package", "add", path.join(pluginDir, "pulumi-resource-redshift-datashare")]);
    assert.match(fs.readFileSync(path.join(dir, "go.mod"), "utf8"), /replace example\.com\/.* => \.\/sdks\//);
    // package add records the package by name and version, to be found among installed plugins;
    // a local folder there uses the plugin in place (the install test covers the installed form).
    const project = fs.readFileSync(path.join(dir, "Pulumi.yaml"), "utf8");
    assert.match(project, new RegExp(`redshift-datashare: redshift-datashare@${version}`));
    // The program's executable is built once per source hash, not by every command of every run.
    const binary = await cachedGoBinary(dir, { ...(await cliEnv(dir, ["go"])), GOFLAGS: "-mod=mod" });
    writeFiles(dir, {
      "Pulumi.yaml": {
        name: "rds-plugin-go",
        runtime: { name: "go", options: { binary } },
        packages: { "redshift-datashare": pluginDir },
      },
    });

    const values = lifecycleValues(ctx.emu);
    await stack.setConfig({ ...values });
    await shortLifecycle(stack, ctx.emu, values);
  });
});
