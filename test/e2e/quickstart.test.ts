import * as assert from "node:assert/strict";
import { ChildProcess, execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as os from "node:os";
import * as path from "node:path";
import { packageRoot, pulumiPathDirs } from "../../harness/pulumiCli";
import { useInstall } from "../../harness/userProject";
import { parseBanner } from "../../harness/emulatorBanner";
import { QuickstartStep, quickstartSteps } from "../../harness/quickstartSteps";
import { defaultInstall } from "../../harness/userStacks";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const lines = (text: string) => text.split("\n").filter((l) => l.trim() !== "");
const squeeze = (line: string) => line.trim().replace(/\s+/g, " ");

/** Every line of `excerpt` is a line of `text`, spacing aside. */
function assertExcerpt(excerpt: string, text: string, what: string): void {
  const seen = new Set(lines(text).map(squeeze));
  for (const line of lines(excerpt))
    assert.ok(seen.has(squeeze(line)), `${what} has no line "${line.trim()}":\n${text}`);
}

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A second terminal: each block runs in bash (`set -e`) where the previous one left off, with the
 * variables it exported and the folder it ended in, as in one shell session.
 */
class Terminal {
  constructor(
    private env: Record<string, string>,
    private cwd: string,
    private readonly scratch: string,
  ) {}

  run(script: string): Promise<RunResult> {
    const file = (name: string) => path.join(this.scratch, name);
    fs.writeFileSync(file("block.sh"), script);
    const wrapper = [
      `trap 'env -0 > "${file("env")}"; pwd > "${file("pwd")}"' EXIT`,
      "set -e -o pipefail",
      `source "${file("block.sh")}"`,
    ].join("\n");
    return new Promise((resolve) => {
      execFile(
        "bash",
        ["-c", wrapper],
        { cwd: this.cwd, env: this.env, maxBuffer: 1 << 24 },
        (err, stdout, stderr) => {
          const env = fs
            .readFileSync(file("env"), "utf8")
            .split("\0")
            .filter((e) => e.includes("="));
          this.env = Object.fromEntries(
            env
              .map((e) => [e.slice(0, e.indexOf("=")), e.slice(e.indexOf("=") + 1)])
              .filter(([k]) => !["_", "SHLVL", "PWD", "OLDPWD"].includes(k)),
          );
          this.cwd = fs.readFileSync(file("pwd"), "utf8").trim();
          resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
        },
      );
    });
  }
}

/** The emulator's terminal: the command in its own process group, so that SIGINT reaches it all, as Ctrl+C does. */
interface Background {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  exited: Promise<number | null>;
}

function startInBackground(command: string, cwd: string, env: Record<string, string>): Background {
  const child = spawn("bash", ["-c", command], {
    cwd,
    env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout!.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr!.on("data", (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/**
 * README.md's "Quick start against the emulator", walked as written (see the markers in
 * docs/development.md): in a fresh folder outside the repo whose node_modules is the packed
 * tarball's install, with the plain `pulumi` CLI and the aws CLI on PATH, an empty HOME (and
 * PULUMI_HOME in it), and no AWS or Pulumi variable but those the quick start sets. Two rewrites only: the emulator listens
 * on a free port instead of 4566 (other tests run beside this one), and the `npm install` line
 * links the packed install instead of fetching the package from the registry.
 */
describe("the README's quick start, as written", function () {
  this.timeout(15 * 60 * 1000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "rds-quickstart-"));
  const projectDir = path.join(scratch, "project");
  const home = path.join(scratch, "home");
  let emulator: Background | undefined;

  before(async function () {
    this.timeout(20 * 60 * 1000); // the first run installs the packed package
    await defaultInstall();
  });

  after(async () => {
    if (emulator && emulator.child.exitCode === null && emulator.child.signalCode === null) {
      try {
        process.kill(-emulator.child.pid!, "SIGKILL");
      } catch {
        // the group is gone already
      }
    }
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  it("installs, starts the emulator, deploys, finds the drift both ways, heals it and destroys", async () => {
    const steps = quickstartSteps(fs.readFileSync(path.join(packageRoot(), "README.md"), "utf8"));
    const port = await freePort();
    const local = (text: string) => text.replaceAll("127.0.0.1:4566", `127.0.0.1:${port}`);
    fs.mkdirSync(projectDir);
    fs.mkdirSync(home);
    const baseEnv: Record<string, string> = {
      PATH: [...(await pulumiPathDirs()), process.env.PATH ?? ""].join(path.delimiter),
      HOME: home,
      // The CLI finds its home through the user database, not $HOME: keep it out of the real one.
      PULUMI_HOME: path.join(home, ".pulumi"),
      LANG: process.env.LANG ?? "C.UTF-8",
      PULUMI_SKIP_UPDATE_CHECK: "true",
      PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
      npm_config_update_notifier: "false",
    };
    const terminal = new Terminal(baseEnv, projectDir, fs.mkdtempSync(path.join(scratch, "shell-")));
    const aws = await terminal.run("command -v aws");
    assert.equal(aws.code, 0, "the quick start uses the aws CLI: install it (pip install awscli)");

    let printed = "";
    let last: RunResult | undefined;
    for (const [index, step] of steps.entries()) {
      const where = `quick start block ${index + 1} (quickstart:${step.kind})`;
      last = await walk(step, where);
    }
    assert.ok(emulator, "the quick start never started the emulator");
    process.kill(-emulator.child.pid!, "SIGINT");
    await emulator.exited;
    assert.match(emulator.stderr(), /SIGINT: flushing state and stopping/);

    async function walk(step: QuickstartStep, where: string): Promise<RunResult | undefined> {
      switch (step.kind) {
        case "install": {
          assert.match(step.body, /^npm install\b.* pulumi-redshift-datashare\b/m, where);
          assert.match(step.body, /^npm install\b.* @pulumi\/pulumi\b/m, where);
          useInstall(projectDir, await defaultInstall());
          return last;
        }
        case "emulator": {
          const command = local(step.body.trim());
          emulator = startInBackground(
            /--port\b/.test(command) ? command : `${command} --port ${port}`,
            projectDir,
            baseEnv,
          );
          while (!/^Admin API: /m.test(emulator.stdout())) {
            if (emulator.child.exitCode !== null)
              assert.fail(`${where} exited:\n${emulator.stdout()}${emulator.stderr()}`);
            await new Promise((r) => setTimeout(r, 50));
          }
          printed = emulator.stdout();
          return last;
        }
        case "printed":
          assertExcerpt(local(step.body), printed, `what the emulator printed (${where})`);
          return last;
        case "env": {
          const account = parseBanner(printed).accounts.find((a) => a.name === step.account);
          assert.ok(account, `${where}: the emulator printed no ${step.account} account`);
          assert.deepEqual(lines(local(step.body)), account.lines, `${where} differs from the printed lines`);
          const run = await terminal.run(local(step.body));
          assert.equal(run.code, 0, run.stderr);
          return run;
        }
        case "file":
          fs.writeFileSync(path.join(projectDir, step.name), step.body);
          return last;
        case "run": {
          const run = await terminal.run(local(step.body));
          const report = `${where}:\n${step.body}\nexit ${run.code}\n${run.stdout}\n${run.stderr}`;
          if (step.exit === "fail") assert.notEqual(run.code, 0, report);
          else assert.equal(run.code, step.exit, report);
          return run;
        }
        case "output":
          assert.ok(last, `${where} follows no command`);
          assertExcerpt(step.body, last.stdout, `the output of the previous block (${where})`);
          return last;
      }
    }
  });
});
