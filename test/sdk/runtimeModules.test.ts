import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { packageRoot } from "../../harness/pulumiCli";

/** The modules a fresh Node.js process has loaded after requiring `modules`, relative to the root. */
function allLoadedBy(modules: string[]): string[] {
  const script =
    modules.map((m) => `require(${JSON.stringify(m)});`).join("") +
    "process.stdout.write(JSON.stringify(Object.keys(require.cache)));";
  const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", "-e", script], {
    cwd: packageRoot(),
    encoding: "utf8",
  });
  return (JSON.parse(out) as string[]).map((f) => path.relative(packageRoot(), f));
}

/** The repository modules (not those of node_modules) a fresh process has loaded after requiring `modules`. */
function loadedBy(modules: string[]): string[] {
  return allLoadedBy(modules).filter((f) => !f.includes(`node_modules${path.sep}`));
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

  it("the schema entry and the SDK (with the resource registry) load neither the AWS SDK nor the providers", () => {
    const loaded = allLoadedBy(["./provider/schema", "./sdk"]);
    assert.ok(loaded.includes(path.join("provider", "registry.ts")), "the registry was not loaded");
    assert.deepEqual(
      loaded.filter((f) => /@aws-sdk|@smithy|^emulator|provider\.ts$|providers\.ts$/.test(f)),
      [],
    );
  });

  it("the command line loads the emulator only to run it: its flag parser (with the behaviour list it checks `--behaviour` against, and that list's region rule) is all `drift` loads", () => {
    const loaded = loadedBy(["./cli/main"]);
    assert.deepEqual(
      loaded.filter((f) => f.startsWith(`emulator${path.sep}`)),
      // behaviours.ts checks region names by the emulator's one region rule (model/arns.ts, whose
      // refusal is a fault of faults.ts): pure modules, no server, no model state.
      [
        path.join("emulator", "cliArgs.ts"),
        path.join("emulator", "model", "behaviours.ts"),
        path.join("emulator", "model", "arns.ts"),
        path.join("emulator", "faults.ts"),
      ],
    );
  });
});
