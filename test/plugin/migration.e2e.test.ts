import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PulumiStack } from "../../harness/pulumiStack";
import { createUserProject, writeProjectFiles } from "../../harness/userProject";
import { accountEnv } from "../../harness/crossAccount";
import { liveAssociations } from "../../harness/emulatorFixture";
import { lifecycleValues } from "../../harness/pluginLifecycle";
import { AUTHORIZATION_TOKEN, CONSUMER_TOKEN, pluginInstall, pluginPath } from "../../harness/pluginProjects";
import { generateSdk, removeGeneratedSdks } from "../../harness/pluginSdks";
import { useEmulatorPerTest } from "../../harness/userStacks";

/** The program before and after the switch: only the import changes (the stack config picks the account's resource). */
const program = (from: string) => `import * as pulumi from "@pulumi/pulumi";
import { DataShareAuthorization, DataShareConsumer } from "${from}";

const config = new pulumi.Config();
export const status =
  config.require("role") === "producer"
    ? new DataShareAuthorization("toConsumer", {
        dataShareArn: config.require("dataShareArn"),
        consumerIdentifier: config.require("consumerAccount"),
      }).status
    : new DataShareConsumer("analytics", {
        dataShareArn: config.require("dataShareArn"),
        consumerArn: config.require("consumerArn"),
      }).status;
`;

const MUTATIONS = [
  "AssociateDataShareConsumer",
  "DisassociateDataShareConsumer",
  "AuthorizeDataShare",
  "DeauthorizeDataShare",
];

/**
 * Stacks made with the dynamic resources move to the plugin's without touching AWS: the program
 * swaps its import for the SDK generated from the plugin's schema, whose resources alias the
 * dynamic types; the plugin runs with the same credentials from the environment.
 */
describe("moving stacks from the dynamic provider to the plugin", function () {
  this.timeout(20 * 60 * 1000);
  const ctx = useEmulatorPerTest();
  after(removeGeneratedSdks);

  it("the up after the switch makes no API call and keeps every resource; a refresh then drops __provider", async () => {
    const emu = ctx.emu;
    const { install, pluginDir } = await pluginInstall();
    const project = { name: "rds-migration", files: { "index.ts": program("pulumi-redshift-datashare") } };
    const dir = createUserProject(install, project);
    const values = lifecycleValues(emu);
    const stacks: PulumiStack[] = [];
    for (const role of ["producer", "consumer"] as const) {
      const stack = await PulumiStack.init({ projectDir: dir, env: accountEnv(emu, role) });
      stacks.push(stack);
      await stack.setConfig({ role, ...values });
      await stack.up();
    }
    ctx.stacks.push(...stacks);
    const [producer, consumer] = stacks;
    const before = await liveAssociations(emu);
    assert.equal(before.length, 1);

    fs.cpSync(await generateSdk(pluginDir, "nodejs"), path.join(dir, "sdks", "redshift-datashare"), {
      recursive: true,
    });
    writeProjectFiles(dir, install, {
      ...project,
      files: {
        "Pulumi.yaml": JSON.stringify({ name: project.name, runtime: "nodejs", ...pluginPath(pluginDir) }),
        "index.ts": program("./sdks/redshift-datashare"),
      },
    });

    emu.resetRequestCounts();
    for (const [stack, token] of [
      [producer, AUTHORIZATION_TOKEN],
      [consumer, CONSUMER_TOKEN],
    ] as const) {
      const up = await stack.up();
      const steps = up.events
        .map((e) => e.resourcePreEvent?.metadata)
        .filter((m) => m?.type === token)
        .map((m) => m?.op);
      assert.deepEqual(steps, ["same"], "the resource moves in place");
      await stack.preview(["--expect-no-changes"]);
    }
    const calls = emu.requestCounts();
    assert.deepEqual(
      MUTATIONS.filter((op) => calls[op]),
      [],
      `no mutating call: ${JSON.stringify(calls)}`,
    );
    assert.deepEqual(calls, {}, "not even a read: check and diff are pure");
    assert.deepEqual(await liveAssociations(emu), before);

    for (const stack of stacks) {
      const types = ((await stack.exportStack()).deployment.resources ?? []).map((r) => r.type);
      assert.ok(!types.some((t) => t.startsWith("pulumi-nodejs")), `no dynamic type left: ${types}`);
      // A same step keeps the old outputs: the dynamic provider's text stays until the next refresh.
      assert.match(JSON.stringify((await stack.exportStack()).deployment), /__provider/);
      await stack.refresh();
      assert.doesNotMatch(JSON.stringify((await stack.exportStack()).deployment), /__provider/);
      await stack.preview(["--refresh", "--expect-no-changes"]);
    }
  });
});
