/**
 * The drift command makes no AWS call of its own: nothing it imports, however indirectly, reaches
 * the AWS SDK or the provider's AWS adapter. Causes come from the refresh's event log.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..", "..", "..");

/** The modules a module imports: the package's own (resolved to files) and bare package names. */
function importsOf(file: string): { local: string[]; packages: string[] } {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest);
  const local: string[] = [];
  const packages: string[] = [];
  for (const s of source.statements) {
    // Type-only imports are erased: nothing of them loads at run time.
    if (ts.isImportDeclaration(s) && s.importClause?.isTypeOnly) continue;
    const spec =
      (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) &&
      s.moduleSpecifier &&
      ts.isStringLiteral(s.moduleSpecifier)
        ? s.moduleSpecifier.text
        : undefined;
    if (spec === undefined) continue;
    if (!spec.startsWith(".")) packages.push(spec);
    else {
      const base = path.resolve(path.dirname(file), spec);
      const found = [`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f));
      assert.ok(found, `${file} imports ${spec}, which does not resolve`);
      local.push(found);
    }
  }
  return { local, packages };
}

function reachable(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    const found = importsOf(file);
    found.packages.forEach((p) => packages.add(p));
    queue.push(...found.local);
  }
  return { files, packages };
}

describe("the drift command's imports", () => {
  const { files, packages } = reachable(path.join(ROOT, "cli", "drift", "main.ts"));

  it("reach no AWS SDK package", () => {
    assert.deepEqual(
      [...packages].filter((p) => p.startsWith("@aws-sdk/") || p.startsWith("@smithy/")),
      [],
    );
  });

  it("reach no module of the provider that talks to AWS", () => {
    const rel = [...files].map((f) => path.relative(ROOT, f).split(path.sep).join("/"));
    const aws = ["provider/core/redshiftApi.ts", "provider/core/clients.ts", "provider/core/runtime.ts"];
    assert.deepEqual(
      rel.filter((f) => aws.includes(f)),
      [],
    );
    assert.ok(rel.includes("provider/core/goneReport.ts"), "the walk reaches the gone report parser");
  });
});
