import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { DataShareConsumer } from "../../sdk";
import { offlineEnv } from "../../cli/offlineEnv";
import { packageRoot, pulumiCommand } from "../../cli/pulumiCli";
import { createTestStack, linkPackages } from "../support/engine";
import { consumerEnv, liveAssociations, useEmulatorPerTest } from "./fixture";

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe("the stack's state", function () {
  this.timeout(10 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  it("holds no credentials and no path of this machine", async () => {
    const env: Record<string, string> = {
      ...consumerEnv(ctx.emu),
      AWS_SESSION_TOKEN: "e2e-session-token-should-never-be-stored",
    };
    ctx.stack = await createTestStack({
      env,
      program: async () => {
        new DataShareConsumer("analytics", {
          dataShareArn: ctx.emu.dataShareArn("sales"),
          consumerArn: ctx.emu.namespaceArn("consumer", 0),
        });
      },
    });
    await ctx.stack.stack.up();
    const state = JSON.stringify(await ctx.stack.stack.exportStack());
    const files = filesUnder(ctx.stack.stateDir).map((f) => fs.readFileSync(f, "utf8"));
    for (const text of [state, ...files]) {
      assert.ok(!text.includes(env.AWS_SECRET_ACCESS_KEY), "the secret key is in state");
      assert.ok(!text.includes(env.AWS_ACCESS_KEY_ID), "the access key id is in state");
      assert.ok(!text.includes(env.AWS_SESSION_TOKEN), "the session token is in state");
    }
    const provider = JSON.parse(state).deployment.resources.find((r: { type: string }) =>
      r.type.endsWith("DataShareConsumer"),
    ).inputs.__provider as string;
    assert.ok(!provider.includes(os.homedir() + "/"), "the serialized provider names the home folder");
    assert.ok(!provider.includes(process.cwd()), "the serialized provider names the checkout");
    assert.ok(!provider.includes(ctx.stack.projectDir), "the serialized provider names the project folder");
  });

  it("still refreshes and destroys after the project folder is moved elsewhere", async () => {
    ctx.stack = await createTestStack({
      env: consumerEnv(ctx.emu),
      program: async () => {
        new DataShareConsumer("analytics", {
          dataShareArn: ctx.emu.dataShareArn("sales"),
          consumerArn: ctx.emu.namespaceArn("consumer", 0),
        });
      },
    });
    await ctx.stack.stack.up();
    const stackName = ctx.stack.stack.name;
    const moved = fs.mkdtempSync(path.join(os.tmpdir(), "rds-moved-"));
    const target = path.join(moved, "project");
    const project = fs.readFileSync(path.join(ctx.stack.projectDir, "Pulumi.yaml"), "utf8");
    assert.ok(
      !project.includes(packageRoot()),
      "the provider host would run in the checkout, not the project",
    );
    fs.renameSync(ctx.stack.projectDir, target);
    fs.rmSync(path.join(target, "node_modules"), { recursive: true });
    linkPackages(target);
    try {
      const stack = await LocalWorkspace.selectStack(
        { stackName, workDir: target },
        {
          envVars: {
            ...offlineEnv({
              stateDir: path.join(target, ".pulumi-state"),
              homeDir: path.join(target, ".pulumi-home"),
            }),
            ...consumerEnv(ctx.emu),
          },
          pulumiCommand: await pulumiCommand(),
        },
      );
      ctx.emu.resetRequestCounts();
      const refresh = await stack.refresh();
      assert.equal(refresh.summary.result, "succeeded");
      assert.ok((ctx.emu.requestCounts().DescribeDataShares ?? 0) >= 1, "refresh read the association");
      await stack.destroy();
      await stack.workspace.removeStack(stackName);
    } finally {
      ctx.stack = undefined;
      fs.rmSync(moved, { recursive: true, force: true });
    }
    assert.deepEqual(await liveAssociations(ctx.emu), [], "destroy from the moved folder disassociated");
  });
});
