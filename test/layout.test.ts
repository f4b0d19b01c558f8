/**
 * Where test code lives (docs/testing.md, "Where test code lives"): test/ mirrors the source tree,
 * beside test/fixtures/ and the whole-product suites; a helper that the tests of more than one
 * folder of test/ import is in test/fixtures/ (or harness/, which the benchmarks and scripts share
 * too); a helper of one folder stays beside its tests. Read from the folders and the import lines.
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

/** The suites that test the whole product from outside, each by its own npm script. */
const WHOLE_PRODUCT_SUITES: Record<string, string> = {
  reliability: "reliability",
  compat: "compat",
  aws: "test:aws",
  package: "test:package",
};

const subfolders = (dir: string) =>
  fs
    .readdirSync(path.join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/** The repository's top-level source folders: those git keeps (not hidden, not ignored), test/ aside. */
function sourceFolders(): string[] {
  const ignored = fs
    .readFileSync(path.join(ROOT, ".gitignore"), "utf8")
    .split("\n")
    .map((line) => /^\/?([^/*\s]+)\/?$/.exec(line.trim())?.[1])
    .filter((name): name is string => name !== undefined);
  return subfolders(".").filter(
    (name) => !name.startsWith(".") && name !== "test" && !ignored.includes(name),
  );
}

/** The folder of test/ a file belongs to: test/<folder>, or test itself for its top-level files. */
const folderOf = (file: string) => file.split(path.sep).slice(0, 2).join(path.sep);

describe("where test code lives", () => {
  const files = tsFiles("test");

  it("every folder of test/ is a source folder's, test/fixtures/, or a whole-product suite's", () => {
    const sources = sourceFolders();
    assert.ok(sources.includes("provider") && sources.includes("emulator"), sources.join(", "));
    const allowed = new Set([...sources, "fixtures", ...Object.keys(WHOLE_PRODUCT_SUITES)]);
    const strays = subfolders("test").filter((name) => !allowed.has(name));
    assert.deepEqual(strays, [], "move their tests beside the tests of the source they prove");
  });

  it("each whole-product suite has its npm script and is named in docs/testing.md", () => {
    const scripts = (
      JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    const docs = fs.readFileSync(path.join(ROOT, "docs", "testing.md"), "utf8");
    for (const [folder, script] of Object.entries(WHOLE_PRODUCT_SUITES)) {
      assert.ok(scripts[script], `package.json has no script ${script} for test/${folder}/`);
      assert.ok(docs.includes(`\`test/${folder}/\``), `docs/testing.md does not name test/${folder}/`);
    }
  });

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
