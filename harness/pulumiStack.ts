/**
 * Developer harness: one stack of a project folder, driven by the plain `pulumi` CLI as a
 * subprocess, the way a user's CI runs it: a local file backend, a passphrase secrets provider,
 * no update check, no plugin downloads.
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { EngineEvent, readEventLog, StepMetadata } from "../cli/pulumi/engineEvents";
import { runPulumi, withEventLog } from "../cli/pulumi/runPulumi";
import { offlineEnv } from "./offlineEnv";
import { OtherLanguage, pulumiPathDirs } from "./pulumiCli";

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A `pulumi` command that exited non-zero; its output is kept for assertions. */
export class PulumiCommandError extends Error {
  /** The engine events of a command run with `--event-log` (runWithEvents). */
  events?: EngineEvent[];

  constructor(
    readonly args: string[],
    readonly result: CommandResult,
  ) {
    super(`pulumi ${args.join(" ")} exited ${result.code}\n${tail(result.stdout)}${tail(result.stderr)}`);
  }
}

function tail(text: string): string {
  const lines = text.trimEnd().split("\n");
  return lines.length > 40 ? lines.slice(-40).join("\n") + "\n" : text;
}

export type { EngineEvent, StepMetadata };

export interface StackOptions {
  projectDir: string;
  stackName?: string;
  /** Environment for the CLI, the program and the provider host (credentials, region…). */
  env?: Record<string, string>;
  /** Folders to put first on PATH (another Node.js). */
  pathDirs?: string[];
  /** Where the file backend keeps state; default: `.pulumi-state` in the project folder. */
  stateDir?: string;
  /** PULUMI_HOME; default: `.pulumi-home` in the project folder. */
  homeDir?: string;
  /** The Pulumi CLI version to run (scripts/pulumi-cli.sh finds or builds it); default: our SDK's. */
  cliVersion?: string;
  /** Language hosts the project needs besides Node.js (a YAML or Go program, SDK generation). */
  languages?: OtherLanguage[];
}

export class PulumiStack {
  readonly name: string;
  readonly projectDir: string;
  readonly stateDir: string;
  private readonly options: StackOptions;

  private constructor(options: StackOptions) {
    this.options = options;
    this.projectDir = options.projectDir;
    this.name = options.stackName ?? "t" + randomUUID().slice(0, 8);
    this.stateDir = options.stateDir ?? path.join(options.projectDir, ".pulumi-state");
  }

  /** `pulumi stack init` (or select, when it exists) in the project folder. */
  static async init(options: StackOptions): Promise<PulumiStack> {
    const stack = new PulumiStack(options);
    const selected = await stack.run(["stack", "select", stack.name], { allowFailure: true });
    if (selected.code !== 0) await stack.run(["stack", "init", stack.name]);
    return stack;
  }

  /** The same stack, reached from another folder (a moved project) or with other settings. */
  static async select(options: StackOptions & { stackName: string }): Promise<PulumiStack> {
    const stack = new PulumiStack(options);
    await stack.run(["stack", "select", stack.name]);
    return stack;
  }

  async env(): Promise<NodeJS.ProcessEnv> {
    const inherited = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_") && !k.startsWith("PULUMI_")),
    );
    const pathDirs = [
      ...(this.options.pathDirs ?? []),
      ...(await pulumiPathDirs({ version: this.options.cliVersion, languages: this.options.languages })),
    ];
    return {
      ...inherited,
      ...offlineEnv({
        stateDir: this.stateDir,
        homeDir: this.options.homeDir ?? path.join(this.projectDir, ".pulumi-home"),
      }),
      PATH: [...pathDirs, process.env.PATH ?? ""].join(path.delimiter),
      ...this.options.env,
    };
  }

  /** Runs `pulumi <args>` in the project folder; rejects on a non-zero exit unless allowed. */
  async run(args: string[], options: { allowFailure?: boolean } = {}): Promise<CommandResult> {
    const { code, stdout, stderr } = await runPulumi("pulumi", args, {
      cwd: this.projectDir,
      env: await this.env(),
    });
    const result = { code, stdout, stderr };
    if (code !== 0 && !options.allowFailure) throw new PulumiCommandError(args, result);
    return result;
  }

  /** Runs a command with `--event-log`, and returns its engine events with its output. */
  async runWithEvents(
    args: string[],
    options: { allowFailure?: boolean } = {},
  ): Promise<CommandResult & { events: EngineEvent[] }> {
    const { value, events } = await withEventLog(
      args,
      (logged) => this.run(logged, options),
      (err, logged) => {
        if (err instanceof PulumiCommandError) err.events = logged;
      },
    );
    return { ...value, events };
  }

  up(extra: string[] = []) {
    return this.runWithEvents(["up", "--yes", "--stack", this.name, ...extra]);
  }
  preview(extra: string[] = []) {
    return this.runWithEvents(["preview", "--stack", this.name, ...extra]);
  }
  refresh(extra: string[] = []) {
    return this.runWithEvents(["refresh", "--yes", "--stack", this.name, ...extra]);
  }
  destroy(extra: string[] = []) {
    return this.runWithEvents(["destroy", "--yes", "--stack", this.name, ...extra]);
  }

  async setConfig(values: Record<string, string>): Promise<void> {
    for (const [key, value] of Object.entries(values)) {
      await this.run(["config", "set", "--stack", this.name, key, "--", value]);
    }
  }

  /** The stack outputs (`pulumi stack output --json`). */
  async outputs(): Promise<Record<string, unknown>> {
    const { stdout } = await this.run(["stack", "output", "--json", "--show-secrets", "--stack", this.name]);
    return JSON.parse(stdout) as Record<string, unknown>;
  }

  /** The state (`pulumi stack export`). */
  async exportStack(): Promise<{ deployment: { resources?: StateResource[] } }> {
    const { stdout } = await this.run(["stack", "export", "--stack", this.name]);
    return JSON.parse(stdout) as { deployment: { resources?: StateResource[] } };
  }

  /** Destroys what is left, removes the stack and deletes the project folder. */
  async dispose(): Promise<void> {
    try {
      await this.run(["destroy", "--yes", "--skip-preview", "--stack", this.name], { allowFailure: true });
      await this.run(["stack", "rm", "--yes", "--force", this.name], { allowFailure: true });
    } finally {
      fs.rmSync(this.projectDir, { recursive: true, force: true });
    }
  }
}

export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  pendingReplacement?: boolean;
}

/** The engine events of an `--event-log` file (none when it was never written). */
export const readEvents = readEventLog;
