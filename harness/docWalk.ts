/**
 * Walks a document's marked blocks (harness/quickstartSteps.ts) as a user would type them: in a
 * folder outside the repo whose node_modules is the packed tarball's install, with the plain
 * `pulumi` CLI on PATH, an empty HOME, and one shell per terminal the document names. Two rewrites
 * only: the emulator listens on a free port instead of 4566 (other tests run beside this one), and
 * an install block links the packed install instead of fetching the package from the registry.
 */
import * as assert from "node:assert/strict";
import { ChildProcess, execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as net from "node:net";
import * as path from "node:path";
import { parseBanner } from "./emulatorBanner";
import { pulumiPathDirs } from "./pulumiCli";
import { QuickstartStep } from "./quickstartSteps";
import { useInstall, UserInstall } from "./userProject";

export function freePort(): Promise<number> {
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
export function assertExcerpt(excerpt: string, text: string, what: string): void {
  const seen = new Set(lines(text).map(squeeze));
  for (const line of lines(excerpt))
    assert.ok(seen.has(squeeze(line)), `${what} has no line "${line.trim()}":\n${text}`);
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * One terminal: each block runs in bash (`set -e`) where the previous one left off, with the
 * variables it exported and the folder it ended in, as in one shell session.
 */
export class Terminal {
  constructor(
    private env: Record<string, string>,
    private cwd: string,
    private readonly scratch: string,
  ) {}

  /** The variables the session has now (what the user's pasted lines set, among them). */
  variables(): Record<string, string> {
    return { ...this.env };
  }

  folder(): string {
    return this.cwd;
  }

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

/** The environment of a fresh terminal: PATH with the `pulumi` CLI, an empty HOME, nothing of AWS. */
export async function freshTerminalEnv(home: string): Promise<Record<string, string>> {
  return {
    PATH: [...(await pulumiPathDirs()), process.env.PATH ?? ""].join(path.delimiter),
    HOME: home,
    // The CLI finds its home through the user database, not $HOME: keep it out of the real one.
    PULUMI_HOME: path.join(home, ".pulumi"),
    LANG: process.env.LANG ?? "C.UTF-8",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    npm_config_update_notifier: "false",
  };
}

/** A walk through one document: its folder, its terminals, the emulator it started. */
export class DocWalk {
  private readonly terminals = new Map<string, Terminal>();
  private emulator: Background | undefined;
  private printed = "";
  private last: RunResult | undefined;

  constructor(
    /** The user's folder, where every terminal starts. */
    readonly root: string,
    private readonly scratch: string,
    private readonly baseEnv: Record<string, string>,
    private readonly port: number,
    private readonly install: () => Promise<UserInstall>,
  ) {}

  /** A document's text as it reads against this walk's emulator port. */
  local(text: string): string {
    return text.replaceAll("127.0.0.1:4566", `127.0.0.1:${this.port}`);
  }

  terminal(name: string): Terminal {
    let terminal = this.terminals.get(name);
    if (!terminal) {
      const scratch = fs.mkdtempSync(path.join(this.scratch, `shell-${name}-`));
      terminal = new Terminal(this.baseEnv, this.root, scratch);
      this.terminals.set(name, terminal);
    }
    return terminal;
  }

  /** What the emulator printed when it started. */
  banner(): string {
    return this.printed;
  }

  /** Runs one block; `where` names it in failures. */
  async step(step: QuickstartStep, where: string): Promise<void> {
    switch (step.kind) {
      case "install": {
        assert.match(step.body, /^npm install\b.* pulumi-redshift-datashare\b/m, where);
        assert.match(step.body, /^npm install\b.* @pulumi\/pulumi\b/m, where);
        const dir = path.join(this.root, step.folder ?? ".");
        fs.mkdirSync(dir, { recursive: true });
        useInstall(dir, await this.install());
        return;
      }
      case "emulator": {
        const command = this.local(step.body.trim());
        const withPort = /--port\b/.test(command) ? command : `${command} --port ${this.port}`;
        const emulator = (this.emulator = startInBackground(withPort, this.root, this.baseEnv));
        while (!/^Admin API: /m.test(emulator.stdout())) {
          if (emulator.child.exitCode !== null)
            assert.fail(`${where} exited:\n${emulator.stdout()}${emulator.stderr()}`);
          await new Promise((r) => setTimeout(r, 50));
        }
        this.printed = emulator.stdout();
        return;
      }
      case "printed":
        assertExcerpt(this.local(step.body), this.printed, `what the emulator printed (${where})`);
        return;
      case "env": {
        const account = parseBanner(this.printed).accounts.find((a) => a.name === step.account);
        assert.ok(account, `${where}: the emulator printed no ${step.account} account`);
        assert.deepEqual(
          lines(this.local(step.body)),
          account.lines,
          `${where} differs from the printed lines`,
        );
        const run = await this.terminal(step.terminal).run(this.local(step.body));
        assert.equal(run.code, 0, run.stderr);
        this.last = run;
        return;
      }
      case "file": {
        const file = path.join(this.root, step.name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, step.body);
        return;
      }
      case "run": {
        const run = await this.terminal(step.terminal).run(this.local(step.body));
        const report = `${where}:\n${step.body}\nexit ${run.code}\n${run.stdout}\n${run.stderr}`;
        if (step.exit === "fail") assert.notEqual(run.code, 0, report);
        else assert.equal(run.code, step.exit, report);
        this.last = run;
        return;
      }
      case "output":
        assert.ok(this.last, `${where} follows no command`);
        assertExcerpt(step.body, this.last.stdout, `the output of the previous block (${where})`);
        return;
    }
  }

  /** Ctrl+C in the emulator's terminal; resolves with what it printed on stderr. */
  async stopEmulator(): Promise<string> {
    assert.ok(this.emulator, "the walk never started the emulator");
    process.kill(-this.emulator.child.pid!, "SIGINT");
    await this.emulator.exited;
    return this.emulator.stderr();
  }

  /** For an `after` hook: the emulator's whole process group, if it still runs. */
  killEmulator(): void {
    const emulator = this.emulator;
    if (emulator && emulator.child.exitCode === null && emulator.child.signalCode === null) {
      try {
        process.kill(-emulator.child.pid!, "SIGKILL");
      } catch {
        // the group is gone already
      }
    }
  }
}
