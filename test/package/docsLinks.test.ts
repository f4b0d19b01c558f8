/**
 * The documents the package ships link only to files it ships: a relative link in a shipped
 * Markdown file resolves inside the packed tarball, where a user reads it.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { relativeLinks, ROOT } from "../fixtures/markdown";

function packedFiles(): string[] {
  const out = execFileSync("npm", ["pack", "--dry-run", "--ignore-scripts", "--json"], {
    cwd: ROOT,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  const [{ files }] = JSON.parse(out) as { files: { path: string }[] }[];
  return files.map((f) => f.path);
}

describe("the shipped documents' links, in the packed tarball", function () {
  this.timeout(120_000);
  const packed = packedFiles();
  const shipped = (p: string) =>
    packed.includes(p) || packed.some((f) => f.startsWith(`${p.replace(/\/$/, "")}/`));

  for (const file of packed.filter((f) => f.endsWith(".md"))) {
    it(`every relative link of ${file} names a file the package ships`, () => {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      const missing = relativeLinks(file, text)
        .filter((l) => !shipped(l.resolved))
        .map((l) => l.target);
      assert.deepEqual(missing, []);
    });
  }
});
