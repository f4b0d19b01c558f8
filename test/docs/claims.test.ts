/**
 * docs/testing.md's table of claims proven through the engine: every row names one existing e2e
 * test, and every test of the e2e tier proves a row. Read from the sources: the test titles as
 * written in `it(...)` (a template title as its template).
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { inE2eTier } from "../../harness/slowestTests";

const ROOT = path.join(__dirname, "..", "..");
const SECTION = "## Claims proven through the engine";

interface Row {
  claim: string;
  file: string;
  title: string;
}

/** The table's rows: the claim (first cell) and the test (last cell, `file` › title). */
function claimRows(markdown: string): Row[] {
  const start = markdown.indexOf(SECTION);
  assert.ok(start >= 0, `docs/testing.md has no section "${SECTION}"`);
  const section = markdown.slice(start + SECTION.length).split(/\n## /)[0];
  return section
    .split("\n")
    .filter((line) => line.startsWith("|") && !/^\|\s*(claim|-)/.test(line))
    .map((line) => {
      const cells = line.split(" | ").map((c) => c.replace(/^\|\s*|\s*\|$/g, "").trim());
      const test = /^`([^`]+)` › (.+)$/.exec(cells[cells.length - 1]);
      assert.ok(test, `a row names no test as \`file\` › title: ${line}`);
      return { claim: cells[0], file: test[1], title: test[2] };
    });
}

/** The titles of a test file's `it(...)` calls, as written. */
function testTitles(source: string): string[] {
  const titles: string[] = [];
  const re = /\bit\(\s*(["'`])((?:\\.|(?!\1)[^\\])*)\1/g;
  for (let m = re.exec(source); m; m = re.exec(source)) titles.push(m[2].replace(/\\(.)/g, "$1"));
  return titles;
}

function testFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    return entry.isDirectory() ? testFiles(rel) : entry.name.endsWith(".test.ts") ? [rel] : [];
  });
}

describe("the table of claims proven through the engine (docs/testing.md)", () => {
  const rows = claimRows(fs.readFileSync(path.join(ROOT, "docs", "testing.md"), "utf8"));
  const e2e = testFiles("test").filter(inE2eTier);

  it("reads the claims and the e2e tier's files", () => {
    assert.ok(rows.length > 0 && e2e.length > 0);
  });

  it("every row names one existing test of the e2e tier", () => {
    for (const row of rows) {
      assert.ok(inE2eTier(row.file), `"${row.claim}": ${row.file} is not in the e2e tier`);
      const source = fs.readFileSync(path.join(ROOT, row.file), "utf8");
      assert.ok(
        testTitles(source).includes(row.title),
        `"${row.claim}": ${row.file} has no test "${row.title}"`,
      );
    }
  });

  it("every test of the e2e tier proves a row", () => {
    const named = new Set(rows.map((row) => `${row.file} › ${row.title}`));
    const unproven = e2e.flatMap((file) =>
      testTitles(fs.readFileSync(path.join(ROOT, file), "utf8"))
        .map((title) => `${file} › ${title}`)
        .filter((test) => !named.has(test)),
    );
    assert.deepEqual(
      unproven,
      [],
      "e2e tests that prove no claim: add their row to docs/testing.md, or remove them",
    );
  });

  it("each claim is written once", () => {
    const claims = rows.map((row) => row.claim);
    assert.deepEqual(
      claims.filter((c, i) => claims.indexOf(c) !== i),
      [],
    );
  });
});
