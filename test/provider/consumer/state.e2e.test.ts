import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import { PulumiStack } from "../../../harness/pulumiStack";
import { linkNodeModules } from "../../../harness/userProject";
import { consumerEnv, Emulator, liveAssociations, REGION } from "../../../harness/emulatorFixture";
import { consumersStack, defaultInstall, useEmulatorPerTest } from "../../../harness/userStacks";

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

/** Temporary credentials of the consumer account, as CI usually has them. */
async function sessionEnv(emu: Emulator): Promise<Record<string, string>> {
  const sts = new STSClient({
    endpoint: emu.endpoint,
    region: REGION,
    credentials: emu.credentials("consumer"),
  });
  const { Credentials: c } = await sts.send(new GetSessionTokenCommand({}));
  return {
    ...consumerEnv(emu),
    AWS_ACCESS_KEY_ID: c!.AccessKeyId!,
    AWS_SECRET_ACCESS_KEY: c!.SecretAccessKey!,
    AWS_SESSION_TOKEN: c!.SessionToken!,
  };
}

describe("the stack's state", function () {
  this.timeout(10 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  it("holds no credentials and no path of this machine, and survives a move of the project folder", async () => {
    const env = await sessionEnv(ctx.emu);
    const declared = {
      analytics: {
        dataShareArn: ctx.emu.dataShareArn("sales"),
        consumerArn: ctx.emu.namespaceArn("consumer", 0),
      },
    };
    const stack = await consumersStack(ctx.emu, declared, { env });
    ctx.stacks.push(stack);
    await stack.up();
    const state = JSON.stringify(await stack.exportStack());
    const files = filesUnder(stack.stateDir).map((f) => fs.readFileSync(f, "utf8"));
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
    assert.ok(!provider.includes(stack.projectDir), "the serialized provider names the project folder");

    const moved = fs.mkdtempSync(path.join(os.tmpdir(), "rds-moved-"));
    const target = path.join(moved, "project");
    fs.renameSync(stack.projectDir, target);
    linkNodeModules(target, await defaultInstall());
    ctx.stacks.pop();
    const again = await PulumiStack.select({
      projectDir: target,
      stackName: stack.name,
      env: { ...env, PULUMI_NODEJS_TRANSPILE_ONLY: "true" },
    });
    ctx.stacks.push(again);
    ctx.emu.resetRequestCounts();
    await again.refresh();
    assert.ok((ctx.emu.requestCounts().DescribeDataShares ?? 0) >= 1, "refresh read the association");
    await again.destroy();
    assert.deepEqual(await liveAssociations(ctx.emu), [], "destroy from the moved folder disassociated");
  });
});
