/**
 * `pulumi-redshift-datashare/provider` exports exactly what provider/README.md documents ("The
 * public entry"): values at run time, and values and types as the module declares them.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.join(__dirname, "..", "..");
const ENTRY = path.join(ROOT, "provider", "index.ts");

/** The README's table: export name → "value" or "type". */
function documentedExports(): Map<string, string> {
  const readme = fs.readFileSync(path.join(ROOT, "provider", "README.md"), "utf8");
  const start = readme.indexOf("## The public entry");
  assert.ok(start >= 0, "provider/README.md has no 'The public entry' section");
  const section = readme.slice(start, readme.indexOf("\n## ", start + 1));
  const rows = [...section.matchAll(/^\|\s*`(\w+)`\s*\|\s*(value|type)\s*\|/gm)];
  return new Map(rows.map((m) => [m[1], m[2]]));
}

/**
 * Every export the entry declares, read from its syntax (a type check of the whole provider would
 * take seconds): `export type { … }` names types, any other export names values. `export *` would
 * hide what it exports, so it is refused.
 */
function declaredExports(): Map<string, string> {
  const source = ts.createSourceFile(ENTRY, fs.readFileSync(ENTRY, "utf8"), ts.ScriptTarget.Latest);
  const exports = new Map<string, string>();
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement)) {
      const clause = statement.exportClause;
      assert.ok(clause && ts.isNamedExports(clause), "provider/index.ts uses `export *`");
      for (const e of clause.elements) {
        exports.set(e.name.text, statement.isTypeOnly || e.isTypeOnly ? "type" : "value");
      }
    } else if (ts.canHaveModifiers(statement)) {
      const exported = ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
      if (!exported) continue;
      if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) exports.set(d.name.getText(source), "value");
      } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
        exports.set(statement.name.text, "type");
      } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
        exports.set(statement.name?.text ?? "default", "value");
      }
    }
  }
  return exports;
}

const sorted = (m: Map<string, string>) => [...m].sort(([a], [b]) => a.localeCompare(b));

describe("the public entry pulumi-redshift-datashare/provider", function () {
  this.timeout(60000);

  it("documents at least the two providers and their factories", () => {
    const documented = documentedExports();
    for (const name of [
      "provider",
      "authorizationProvider",
      "createProvider",
      "createAuthorizationProvider",
    ]) {
      assert.equal(documented.get(name), "value", `${name} is not documented as a value`);
    }
  });

  it("exports exactly the documented values at run time", () => {
    const loaded = require(ENTRY) as Record<string, unknown>;
    const values = [...documentedExports()].filter(([, kind]) => kind === "value").map(([name]) => name);
    assert.deepEqual(Object.keys(loaded).sort(), values.sort());
  });

  it("exports exactly the documented values and types to TypeScript", () => {
    assert.deepEqual(sorted(declaredExports()), sorted(documentedExports()));
  });
});
