import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { programFromModule } from "../../cli/inlineProgram";
import { packageRoot } from "../../cli/pulumiCli";
import { createTestStack, makeProjectDir } from "../support/engine";
import { consumerEnv, Emulator, liveAssociations, startSeededEmulator } from "./fixture";

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

describe("the examples", function () {
  this.timeout(10 * 60 * 1000);

  for (const example of cases) {
    it(`examples/${example.folder} deploys, stays converged and destroys cleanly`, async () => {
      const emu = await startSeededEmulator();
      const source = path.join(packageRoot(), "examples", example.folder);
      const projectDir = makeProjectDir();
      fs.cpSync(source, projectDir, { recursive: true });
      const projectName = /^name:\s*(\S+)/m.exec(
        fs.readFileSync(path.join(source, "Pulumi.yaml"), "utf8"),
      )![1];
      const config = Object.fromEntries(
        Object.entries(example.config(emu)).map(([k, v]) => [`${projectName}:${k}`, v]),
      );
      const t = await createTestStack({
        projectDir,
        projectName,
        env: consumerEnv(emu),
        config: { "aws:region": "us-east-1", ...config },
        program: programFromModule(path.join(projectDir, "index.ts")),
      });
      try {
        const up = await t.stack.up();
        assert.equal(up.summary.result, "succeeded");
        const outputs = Object.fromEntries(Object.entries(up.outputs).map(([k, v]) => [k, v.value]));
        assert.equal(outputs.status, "ACTIVE");
        example.expect(outputs, emu);
        assert.equal((await liveAssociations(emu)).length, 1);
        await t.stack.preview({ expectNoChanges: true });
        await t.stack.destroy();
        assert.deepEqual(await liveAssociations(emu), []);
      } finally {
        await t.dispose().catch(() => undefined);
        await emu.stop();
      }
    });
  }
});
