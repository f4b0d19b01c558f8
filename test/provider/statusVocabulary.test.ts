/**
 * provider/core/statuses.ts owns every status word: no string or template literal in provider/ or
 * cli/ spells one anywhere else (comments may). A status compared or written elsewhere is a
 * second copy of the vocabulary, which is how the copies came to disagree.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { STATUS_WORDS } from "../../provider/core/statuses";

const ROOT = path.join(__dirname, "..", "..");
const OWNER = path.join("provider", "core", "statuses.ts");

function sourceFiles(folder: string): string[] {
  return fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [relative] : [];
  });
}

/** The text of every string and template literal in `source`, with its line. */
function literals(file: string, source: string): { line: number; text: string }[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: { line: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
      found.push({ line: tree.getLineAndCharacterOfPosition(node.getStart()).line + 1, text: node.text });
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** Where a literal outside statuses.ts spells a status word, as `file:line: word`. */
export function statusLiterals(file: string, source: string): string[] {
  const words = new RegExp(`\\b(${STATUS_WORDS.join("|")})\\b`, "g");
  return literals(file, source).flatMap(({ line, text }) =>
    [...text.matchAll(words)].map((m) => `${file}:${line}: ${m[1]}`),
  );
}

describe("the status vocabulary", () => {
  it("finds a status word in a comparison, a message and a template, and not in a comment", () => {
    const source =
      '// ACTIVE in a comment is prose\nif (s === "ACTIVE") x();\nconst m = `${a} is REJECTED: ${b}`;\n' +
      'const t = `${a} is NOT_AUTHORIZED`;\nconst ok = "DEAUTHORIZEDX active";\n';
    assert.deepEqual(statusLiterals("f.ts", source), [
      "f.ts:2: ACTIVE",
      "f.ts:3: REJECTED",
      "f.ts:4: NOT_AUTHORIZED",
    ]);
  });

  it("no module in provider/ or cli/ but core/statuses.ts spells a status in a literal", () => {
    const files = [...sourceFiles("provider"), ...sourceFiles("cli")].filter((f) => f !== OWNER);
    assert.ok(files.length > 20, `scanned ${files.length} files`);
    const found = files.flatMap((f) => statusLiterals(f, fs.readFileSync(path.join(ROOT, f), "utf8")));
    assert.deepEqual(found, [], "use the words and meanings of provider/core/statuses.ts");
  });
});
