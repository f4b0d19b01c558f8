import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DocWalk, freePort, freshTerminalEnv } from "../../harness/docWalk";
import { packageRoot } from "../../harness/pulumiCli";
import { quickstartSteps } from "../../harness/quickstartSteps";
import { defaultInstall } from "../../harness/userStacks";

/**
 * README.md's "Quick start against the emulator", walked as written (see the markers in
 * docs/development.md and the two rewrites in harness/docWalk.ts): in a fresh folder outside the
 * repo, with the plain `pulumi` CLI and the aws CLI on PATH, an empty HOME (and PULUMI_HOME in it),
 * and no AWS or Pulumi variable but those the quick start sets.
 */
describe("the README's quick start, as written", function () {
  this.timeout(15 * 60 * 1000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "rds-quickstart-"));
  let walk: DocWalk | undefined;

  before(async function () {
    this.timeout(20 * 60 * 1000); // the first run installs the packed package
    await defaultInstall();
  });

  after(() => {
    walk?.killEmulator();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("installs, starts the emulator, deploys, finds the drift both ways, heals it and destroys", async () => {
    const steps = quickstartSteps(fs.readFileSync(path.join(packageRoot(), "README.md"), "utf8"));
    const projectDir = path.join(scratch, "project");
    const home = path.join(scratch, "home");
    fs.mkdirSync(projectDir);
    fs.mkdirSync(home);
    walk = new DocWalk(projectDir, scratch, await freshTerminalEnv(home), await freePort(), defaultInstall);
    const aws = await walk.terminal("main").run("command -v aws");
    assert.equal(aws.code, 0, "the quick start uses the aws CLI: install it (pip install awscli)");

    for (const [index, step] of steps.entries())
      await walk.step(step, `quick start block ${index + 1} (quickstart:${step.kind})`);
    assert.match(await walk.stopEmulator(), /SIGINT: flushing state and stopping/);
  });
});
