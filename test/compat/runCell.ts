/**
 * Runs one compatibility cell: installs the packed package into a user project with the cell's
 * Node.js, @pulumi/pulumi and language, checks the install, then drives the cell's plain CLI
 * through `up` → `preview --expect-no-changes` → an out-of-band disassociation → `preview
 * --refresh --expect-no-changes` (must fail) and the `drift` command (must report it) → `refresh`
 * → `up` → the `drift` command (must find nothing) → `destroy`.
 */
import * as assert from "node:assert/strict";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { nodeBinDir } from "../../harness/nodeRuntime";
import { packageRoot } from "../../harness/pulumiCli";
import { PulumiCommandError, PulumiStack } from "../../harness/pulumiStack";
import { installUserDependencies, UserInstall, useInstall } from "../../harness/userProject";
import { consumerEnv, Emulator, liveAssociations, outOfBand } from "../../harness/emulatorFixture";
import { CompatCell } from "../fixtures/compatMatrix";

const run = promisify(execFile);

export interface CellResult {
  cell: string;
  seconds: number;
  /** What happened, one line per step, for the matrix table. */
  steps: string[];
}

/** The install shows one @pulumi/pulumi, no TypeScript unless the user asked, no warning of ours. */
export async function checkInstall(
  cell: CompatCell,
  install: UserInstall,
  nodeBin: string,
): Promise<string[]> {
  const env = { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH}` };
  const { stdout } = await run("npm", ["ls", "@pulumi/pulumi", "--all", "--parseable"], {
    cwd: install.dir,
    env,
  }).catch((e: { stdout?: string }) => ({ stdout: e.stdout ?? "" }));
  const copies = new Set(
    stdout.split("\n").filter((l) => l.endsWith(path.join("node_modules", "@pulumi", "pulumi"))),
  );
  assert.equal(copies.size, 1, `npm ls shows ${copies.size} copies of @pulumi/pulumi:\n${stdout}`);
  const ours = install.npmLog
    .split("\n")
    .filter((l) => /warn/i.test(l) && /redshift-datashare|prepare/i.test(l));
  assert.deepEqual(ours, [], "npm install printed warnings of ours");
  const modules = path.join(install.dir, "node_modules");
  if (cell.typescript === false) {
    assert.ok(
      !fs.existsSync(path.join(modules, "typescript")),
      "a JavaScript project got TypeScript installed",
    );
    assert.ok(!fs.existsSync(path.join(modules, "ts-node")), "a JavaScript project got ts-node installed");
  }
  const version = JSON.parse(
    fs.readFileSync(path.join(modules, "@pulumi", "pulumi", "package.json"), "utf8"),
  );
  return [`one @pulumi/pulumi (${version.version}) after npm install; no warnings of ours`];
}

export async function runCell(cell: CompatCell, emu: Emulator): Promise<CellResult> {
  const started = Date.now();
  const nodeBin = await nodeBinDir(cell.node);
  const install = await installUserDependencies({
    pulumi: cell.pulumi,
    typescript: cell.typescript,
    pathDirs: [nodeBin],
    npmFlags: cell.npmFlags,
  });
  const steps = await checkInstall(cell, install, nodeBin);
  const projectDir = fs.mkdtempSync(path.join(os.tmpdir(), `rds-compat-${cell.name}-`));
  fs.cpSync(path.join(packageRoot(), "examples", cell.example), projectDir, { recursive: true });
  useInstall(projectDir, install);
  const stack = await PulumiStack.init({
    projectDir,
    pathDirs: [nodeBin],
    env: consumerEnv(emu),
    cliVersion: cell.cli,
  });
  try {
    steps.push(`pulumi ${(await stack.run(["version"])).stdout.trim()}`);
    const dataShareArn = emu.dataShareArn("sales");
    const consumerArn = emu.namespaceArn("consumer", 0);
    await stack.setConfig({ dataShareArn, consumerArn });
    if (cell.compile) steps.push(...(await compileInstead(stack, cell.compile.tsNodeFails, nodeBin)));
    const step = async (name: string, action: () => Promise<unknown>) => {
      const t = Date.now();
      await action();
      steps.push(`${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    };
    if (cell.expect !== "works") {
      const failure = await stack.up().then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(failure instanceof PulumiCommandError, "up was expected to fail");
      const text = failure.result.stdout + failure.result.stderr;
      assert.match(text, cell.expect.failsWith);
      steps.push(`up fails as expected: ${cell.expect.failsWith}`);
      return { cell: cell.name, seconds: (Date.now() - started) / 1000, steps };
    }
    await step("up", () => stack.up());
    assert.equal((await stack.outputs()).status, "ACTIVE");
    await step("preview --expect-no-changes", () => stack.preview(["--expect-no-changes"]));
    await outOfBand(emu).disassociate(dataShareArn, consumerArn);
    await step("preview --refresh --expect-no-changes fails on drift", async () => {
      const drift = await stack.preview(["--refresh", "--expect-no-changes"]).then(
        () => undefined,
        (e: unknown) => e,
      );
      assert.ok(drift instanceof PulumiCommandError, "the refreshing preview did not fail on drift");
    });
    await step("drift command reports association-gone (exit 1)", async () => {
      const drift = await runDriftCommand(stack);
      assert.equal(drift.code, 1, drift.output);
      assert.deepEqual(
        drift.report.drifted.map((d) => [d.resource, d.kind]),
        [["analytics", "association-gone"]],
      );
    });
    await step("refresh", () => stack.refresh());
    await step("up", () => stack.up());
    assert.equal((await liveAssociations(emu)).length, 1);
    await step("drift command finds none (exit 0)", async () => {
      const drift = await runDriftCommand(stack);
      assert.equal(drift.code, 0, drift.output);
      assert.deepEqual(drift.report.drifted, []);
    });
    await step("destroy", () => stack.destroy());
    assert.deepEqual(await liveAssociations(emu), []);
    return { cell: cell.name, seconds: (Date.now() - started) / 1000, steps };
  } finally {
    await stack.dispose();
  }
}

interface DriftRun {
  code: number;
  output: string;
  report: { drifted: { resource: string; kind: string }[] };
}

/**
 * `npx pulumi-redshift-datashare drift --json` as the user's CI runs it: the installed package's
 * bin, with the cell's Node.js and Pulumi CLI first on PATH.
 */
async function runDriftCommand(stack: PulumiStack): Promise<DriftRun> {
  const bin = path.join(stack.projectDir, "node_modules", ".bin", "pulumi-redshift-datashare");
  const args = ["drift", "--stack", stack.name, "--cwd", stack.projectDir, "--json"];
  const { code, stdout, stderr } = await run(bin, args, { env: await stack.env() }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: typeof e.code === "number" ? e.code : -1,
      stdout: e.stdout ?? "",
      stderr: e.stderr ?? "",
    }),
  );
  const output = `${stdout}\n${stderr}`;
  try {
    return { code, output, report: JSON.parse(stdout) as DriftRun["report"] };
  } catch {
    throw new Error(`the drift command printed no JSON report (exit ${code}):\n${output}`);
  }
}

/** TypeScript 5 settings Pulumi's ts-node accepts, but TypeScript 7 wants module "nodenext". */
const COMPILED_TSCONFIG = {
  compilerOptions: { strict: true, target: "es2022", module: "nodenext", outDir: "bin" },
  files: ["index.ts"],
};

/**
 * Shows that Pulumi's built-in TypeScript runner fails, then switches the project to the recipe
 * the README gives: compile with the project's own `tsc`, and let Pulumi run the JavaScript.
 */
async function compileInstead(stack: PulumiStack, tsNodeFails: RegExp, nodeBin: string): Promise<string[]> {
  const failure = await stack.preview().then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(
    failure instanceof PulumiCommandError,
    "Pulumi's ts-node unexpectedly ran the program: drop the recipe",
  );
  assert.match(failure.result.stdout + failure.result.stderr, tsNodeFails);
  const dir = stack.projectDir;
  fs.writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(COMPILED_TSCONFIG, null, 2));
  const yaml = fs
    .readFileSync(path.join(dir, "Pulumi.yaml"), "utf8")
    .replace("typescript: true", "typescript: false");
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), yaml + "main: bin/index.js\n");
  await run("npx", ["tsc", "-p", "."], {
    cwd: dir,
    env: { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH}` },
  });
  return ["Pulumi's ts-node fails on TypeScript 7", "compiled with the project's tsc 7, run as JavaScript"];
}
