/**
 * Where test code lives (docs/testing.md, "Where test code lives"): a helper that the tests of
 * more than one folder of test/ import is in test/fixtures/ (or harness/, which the benchmarks and
 * scripts share too); a helper of one folder stays beside its tests. Read from the import lines.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..");
const SHARED = path.join("test", "fixtures");

function tsFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    return entry.isDirectory() ? tsFiles(rel) : entry.name.endsWith(".ts") ? [rel] : [];
  });
}

/** The repository paths of the modules a file imports by a relative path. */
function relativeImports(file: string): string[] {
  const source = fs.readFileSync(path.join(ROOT, file), "utf8");
  const re = /(?:\bfrom\s+|\bimport\(\s*|\brequire\(\s*)"(\.{1,2}\/[^"]+)"/g;
  const found: string[] = [];
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const target = path.join(path.dirname(file), m[1]);
    const candidates = [target, `${target}.ts`, path.join(target, "index.ts")];
    const hit = candidates.find((c) => fs.existsSync(path.join(ROOT, c)) && c.endsWith(".ts"));
    if (hit) found.push(hit);
  }
  return found;
}

/** The folder of test/ a file belongs to: test/<folder>, or test itself for its top-level files. */
const folderOf = (file: string) => file.split(path.sep).slice(0, 2).join(path.sep);

describe("where test code lives", () => {
  const files = tsFiles("test");

  it("a helper imported from another folder of test/ lives in test/fixtures/", () => {
    const crossings = files.flatMap((file) =>
      relativeImports(file)
        .filter((target) => target.startsWith(`test${path.sep}`) && !target.startsWith(SHARED))
        .filter((target) => folderOf(target) !== folderOf(file) && !file.startsWith(SHARED))
        .map((target) => `${file} imports ${target}`),
    );
    assert.deepEqual(crossings, [], "move these helpers to test/fixtures/");
  });

  it("test/fixtures/ holds helpers only, each imported by some test", () => {
    const shared = files.filter((f) => f.startsWith(SHARED));
    assert.ok(shared.length > 0);
    const imported = new Set(files.flatMap(relativeImports));
    for (const file of shared) {
      assert.ok(!file.endsWith(".test.ts"), `${file}: a test, not a fixture`);
      assert.ok(imported.has(file), `${file} is imported by no test`);
    }
  });

  it("docs/testing.md names every module of test/fixtures/", () => {
    const docs = fs.readFileSync(path.join(ROOT, "docs", "testing.md"), "utf8");
    const row = docs.split("\n").find((line) => line.includes("| `test/fixtures/`:"));
    assert.ok(row, "docs/testing.md has no row for test/fixtures/");
    for (const file of files.filter((f) => f.startsWith(SHARED))) {
      assert.ok(row.includes(`\`${path.relative(SHARED, file)}\``), `docs/testing.md does not name ${file}`);
    }
  });

  it("nothing outside test/ imports from test/", () => {
    const outside = [
      "harness",
      "bench",
      "scripts",
      "cli",
      "provider",
      "emulator",
      "sdk",
      "plugin",
      "identity",
    ]
      .filter((dir) => fs.existsSync(path.join(ROOT, dir)))
      .flatMap(tsFiles);
    const leaks = outside.flatMap((file) =>
      relativeImports(file)
        .filter((target) => target.startsWith(`test${path.sep}`))
        .map((target) => `${file} imports ${target}`),
    );
    assert.deepEqual(leaks, []);
  });
});
