/**
 * What a Pulumi program loads at run time: the package's main entry (the resource classes, in the
 * program) and `./provider` (what each resource's `__provider` text requires, in the provider
 * host). The emulator ships in the same package for tests and examples; none of its code may load
 * there. A fresh Node.js process loads both entries by the package's own name, as users do.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { requireBuiltPackage } from "../../harness/builtPackage";

const ROOT = path.join(__dirname, "..", "..");

/** Loads the package's entries by name and prints every module file then in require.cache. */
const LOAD_ENTRIES = `
const loaded = [];
for (const entry of process.argv.slice(1)) loaded.push(require.resolve(entry)), require(entry);
process.stdout.write(JSON.stringify({ loaded, modules: Object.keys(require.cache) }));
`;

function modulesLoadedBy(entries: string[]): { loaded: string[]; modules: string[] } {
  const out = execFileSync(process.execPath, ["-e", LOAD_ENTRIES, ...entries], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return JSON.parse(out) as { loaded: string[]; modules: string[] };
}

describe("what a Pulumi program loads from the package at run time", () => {
  before(requireBuiltPackage);

  it("the main entry and ./provider load the built resources and providers and no emulator module", () => {
    const { loaded, modules } = modulesLoadedBy([
      "pulumi-redshift-datashare",
      "pulumi-redshift-datashare/provider",
    ]);
    const dist = path.join(ROOT, "dist") + path.sep;
    assert.deepEqual(
      loaded.map((file) => path.relative(ROOT, file)),
      [path.join("dist", "sdk", "index.js"), path.join("dist", "provider", "index.js")],
    );
    const ours = modules.filter((file) => file.startsWith(dist)).map((file) => path.relative(dist, file));
    assert.ok(
      ours.some((file) => file.startsWith("provider" + path.sep)),
      ours.join("\n"),
    );
    const emulator = ours.filter((file) => file.startsWith("emulator" + path.sep));
    assert.deepEqual(emulator, [], "emulator modules loaded by the run-time entries");
  });

  it("the check itself sees the emulator when an entry loads it", () => {
    const { modules } = modulesLoadedBy(["pulumi-redshift-datashare/emulator"]);
    const emulatorDir = path.join(ROOT, "dist", "emulator") + path.sep;
    assert.ok(modules.some((file) => file.startsWith(emulatorDir)));
  });
});
