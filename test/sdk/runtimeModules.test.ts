import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { packageRoot } from "../../harness/pulumiCli";

/** The repository modules a fresh Node.js process has loaded after requiring `modules`, relative to the root. */
function loadedBy(modules: string[]): string[] {
  const script =
    modules.map((m) => `require(${JSON.stringify(m)});`).join("") +
    "process.stdout.write(JSON.stringify(Object.keys(require.cache)));";
  const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
    cwd: packageRoot(),
    encoding: "utf8",
  });
  return (JSON.parse(out) as string[])
    .filter((f) => !f.includes(`${path.sep}node_modules${path.sep}`))
    .map((f) => path.relative(packageRoot(), f));
}

describe("what a Pulumi program loads at run time", function () {
  this.timeout(120_000); // a fresh process transpiles the modules it loads
  it("the SDK and the provider load no module of the emulator", () => {
    const loaded = loadedBy(["./sdk", "./provider"]);
    assert.ok(
      loaded.some((f) => f.startsWith(`provider${path.sep}`)),
      "the provider was not loaded at all",
    );
    assert.deepEqual(
      loaded.filter((f) => f.startsWith(`emulator${path.sep}`)),
      [],
    );
  });

  it("the command line loads the emulator only to run it: its flag parser (with the behaviour list it checks `--behaviour` against) is all `drift` loads", () => {
    const loaded = loadedBy(["./cli/main"]);
    assert.deepEqual(
      loaded.filter((f) => f.startsWith(`emulator${path.sep}`)),
      [path.join("emulator", "cliArgs.ts"), path.join("emulator", "model", "behaviours.ts")],
    );
  });
});
