/**
 * The unit tier's guard (harness/unitTierGuard.ts), run as the tier runs it: mocha with the
 * guard loaded first, on fixture files that start a process, load dist/, or do neither.
 */
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as path from "node:path";
import { requireBuiltPackage } from "../../harness/builtPackage";

const ROOT = path.join(__dirname, "..", "..");

function mochaWithGuard(fixture: string): Promise<{ code: number; output: string }> {
  const args = [
    path.join(ROOT, "node_modules", "mocha", "bin", "mocha.js"),
    "--no-config",
    "-r",
    "ts-node/register/transpile-only",
    "-r",
    "harness/unitTierGuard.ts",
    path.join("test", "package", "fixtures", fixture),
  ];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: ROOT }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
      resolve({ code, output: stdout + stderr });
    });
  });
}

describe("the unit tier's guard", function () {
  this.timeout(60000);
  before(requireBuiltPackage);

  it("fails a test that starts a child process, naming the tier's rule", async () => {
    const { code, output } = await mochaWithGuard("startsAProcess.ts");
    assert.notEqual(code, 0, output);
    assert.match(output, /a unit test started a child process \(execFileSync /);
    assert.match(output, /\.mocharc\.unit\.json/);
  });

  it("fails a test that loads a module from dist/", async () => {
    const { code, output } = await mochaWithGuard("loadsTheBuild.ts");
    assert.notEqual(code, 0, output);
    assert.match(output, /a unit test loaded .*dist.*provider.*index\.js from the build/);
  });

  it("lets a test that stays in its process pass", async () => {
    const { code, output } = await mochaWithGuard("staysInProcess.ts");
    assert.equal(code, 0, output);
    assert.match(output, /1 passing/);
  });
});
