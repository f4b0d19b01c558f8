/**
 * What `npm pack` ships besides dist/: the license, the changelog, and every document the README
 * names, so that its paths resolve in an installed package. Nothing else, and nothing a checkout
 * holds untracked (a local stack's files in an example, say).
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

/** Top-level files and the folders whose tracked files ship whole. */
/** The plugin executable ships beside dist/: `plugins.providers` and `plugin install -f` name its folder. */
const SHIPPED_FILES = [
  "package.json",
  "README.md",
  "CHANGELOG.md",
  "LICENSE",
  "plugin/pulumi-resource-redshift-datashare",
];
const SHIPPED_FOLDERS = ["dist/", "docs/", "examples/"];

function packedFiles(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--ignore-scripts", "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [{ files }] = JSON.parse(out) as { files: { path: string }[] }[];
  return files.map((f) => f.path);
}

/** The documents the README names in code spans or links: Markdown files, docs/ and examples/ paths. */
function documentsNamedByReadme(): string[] {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const spans = [
    ...[...readme.matchAll(/`([^`\s]+)`/g)].map((m) => m[1]),
    ...[...readme.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)]
      .map((m) => m[1])
      .filter((t) => !/^[a-z]+:/i.test(t)),
  ];
  return [...new Set(spans.filter((s) => /\.md$|^docs\/|^examples\//.test(s)))];
}

describe("what npm pack ships besides dist/", function () {
  this.timeout(60000);
  let packed: string[];
  before(() => {
    packed = packedFiles();
  });

  it("the license, the changelog and the README", () => {
    for (const file of SHIPPED_FILES) assert.ok(packed.includes(file), `${file} is not packed`);
  });

  it("every document the README names, so its paths resolve in the installed package", () => {
    const named = documentsNamedByReadme();
    assert.ok(named.length > 0, "the README names no documents: the pattern is out of date");
    for (const doc of named) {
      const prefix = doc.endsWith("/") ? doc : doc + (doc.endsWith(".md") ? "" : "/");
      assert.ok(
        packed.some((file) => file === doc || file.startsWith(prefix)),
        `${doc} is named by the README but not packed`,
      );
    }
  });

  it("outside dist/, only tracked documents, examples and the plugin executable: no harness code, no local files", () => {
    const tracked = new Set(
      execFileSync("git", ["ls-files"], { cwd: ROOT, encoding: "utf8" }).split("\n").filter(Boolean),
    );
    for (const file of packed.filter((f) => !f.startsWith("dist/"))) {
      const expected =
        SHIPPED_FILES.includes(file) ||
        /^[a-z]+\/README\.md$/.test(file) ||
        SHIPPED_FOLDERS.some((folder) => file.startsWith(folder));
      assert.ok(
        expected,
        `${file} is packed but is neither a document, an example nor the plugin executable`,
      );
      assert.ok(tracked.has(file), `${file} is packed but not tracked by git`);
    }
  });
});
