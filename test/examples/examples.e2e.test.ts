import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { packageRoot } from "../../harness/pulumiCli";
import { PulumiStack } from "../../harness/pulumiStack";
import { useInstall } from "../../harness/userProject";
import { consumerEnv, Emulator, liveAssociations } from "../../harness/emulatorFixture";
import { defaultInstall, useEmulatorPerTest } from "../../harness/userStacks";

interface ExampleCase {
  folder: string;
  config: (emu: Emulator) => Record<string, string>;
  expect: (outputs: Record<string, unknown>, emu: Emulator) => void;
}

const cases: ExampleCase[] = [
  {
    folder: "namespace",
    config: (emu) => ({
      dataShareArn: emu.dataShareArn("sales"),
      consumerArn: emu.namespaceArn("consumer", 0),
    }),
    expect: (o, emu) => assert.equal(o.consumerIdentifier, emu.namespaceArn("consumer", 0)),
  },
  {
    folder: "entire-account",
    config: (emu) => ({ dataShareArn: emu.dataShareArn("sales") }),
    expect: (o, emu) => assert.equal(o.consumerIdentifier, emu.accountId("consumer")),
  },
  {
    folder: "region",
    config: (emu) => ({ dataShareArn: emu.dataShareArn("sales"), consumerRegion: "us-west-2" }),
    expect: (o) => assert.equal(o.consumerRegion, "us-west-2"),
  },
  {
    folder: "allow-writes",
    config: (emu) => ({
      dataShareArn: emu.dataShareArn("marketing"),
      consumerArn: emu.namespaceArn("consumer", 1),
    }),
    expect: (o) => {
      assert.equal(o.producerAllowedWrites, true);
      assert.equal(o.consumerAcceptedWrites, true);
    },
  },
];

/**
 * Each example copied as a user would copy it, its package.json pointed at the packed package, and
 * run with `pulumi up` in its own folder, type-checked as Pulumi does by default.
 */
describe("the examples", function () {
  this.timeout(10 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  for (const example of cases) {
    it(`examples/${example.folder} deploys, stays converged and destroys cleanly`, async () => {
      const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), `rds-example-${example.folder}-`));
      fs.cpSync(path.join(packageRoot(), "examples", example.folder), projectDir, { recursive: true });
      useInstall(projectDir, await defaultInstall());
      const stack = await PulumiStack.init({ projectDir, env: consumerEnv(ctx.emu) });
      ctx.stacks.push(stack);
      await stack.setConfig({ "aws:region": "us-east-1", ...example.config(ctx.emu) });
      await stack.up();
      const outputs = await stack.outputs();
      assert.equal(outputs.status, "ACTIVE");
      example.expect(outputs, ctx.emu);
      assert.equal((await liveAssociations(ctx.emu)).length, 1);
      await stack.preview(["--refresh", "--expect-no-changes"]);
      await stack.destroy();
      assert.deepEqual(await liveAssociations(ctx.emu), []);
    });
  }
});
