/**
 * The two stacks of examples/cross-account for the end-to-end tests: the producer's and the
 * consumer's projects copied into user projects, one file backend shared by both (so the
 * consumer's StackReference finds the producer's stack), each stack with its own account's keys.
 * Also runs the built `drift` command the way a user's CI would.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DescribeDataSharesCommand } from "@aws-sdk/client-redshift";
import { packageRoot } from "./pulumiCli";
import { EngineEvent, PulumiStack } from "./pulumiStack";
import { createUserProject, UserInstall } from "./userProject";
import type { DriftReport } from "../cli/drift/report";
import { accountClient, Emulator, emulatorAccountEnv } from "./emulatorFixture";
import { defaultInstall } from "./userStacks";

/** Environment for the CLI, the program and the provider host as one emulator account. */
export function accountEnv(emu: Emulator, account: "producer" | "consumer"): Record<string, string> {
  return {
    ...emulatorAccountEnv(emu, account),
    // Type-checking each run costs seconds; `tsc` over the examples (npm run typecheck) covers it.
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
  };
}

/** The project name in an example's Pulumi.yaml. */
export function projectName(example: string): string {
  const yaml = fs.readFileSync(path.join(exampleDir(example), "Pulumi.yaml"), "utf8");
  return /^name:\s*(\S+)/m.exec(yaml)![1];
}

function exampleDir(example: string): string {
  return path.join(packageRoot(), "examples", "cross-account", example);
}

/**
 * A user project holding the example's program, Pulumi.yaml and tsconfig.json; its package.json
 * is the install's (the packed package instead of the published version the example names).
 */
export function exampleProject(install: UserInstall, example: string): string {
  const files = Object.fromEntries(
    ["Pulumi.yaml", "tsconfig.json", "index.ts"].map((f) => [
      f,
      fs.readFileSync(path.join(exampleDir(example), f), "utf8"),
    ]),
  );
  return createUserProject(install, { name: projectName(example), files });
}

export interface CrossAccountStacks {
  producer: PulumiStack;
  consumer: PulumiStack;
  /** The file backend both stacks live in. */
  stateDir: string;
}

/**
 * Both stacks, made side by side; the consumer's `producerStack` config names the producer's
 * stack as a StackReference does (see stackReferenceName).
 */
export async function crossAccountStacks(
  emu: Emulator,
  install: UserInstall,
  config: { producer: Record<string, string>; consumer: Record<string, string> },
): Promise<CrossAccountStacks> {
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "rds-xacct-state-"));
  const names = { producer: "p" + randomUUID().slice(0, 8), consumer: "c" + randomUUID().slice(0, 8) };
  const values = {
    producer: config.producer,
    consumer: {
      producerStack: stackReferenceName(projectName("producer"), names.producer),
      ...config.consumer,
    },
  };
  const [producer, consumer] = await Promise.all(
    (["producer", "consumer"] as const).map(async (side) => {
      const stack = await PulumiStack.init({
        projectDir: exampleProject(install, side),
        stackName: names[side],
        stateDir,
        env: accountEnv(emu, side),
      });
      await setConfig(stack, values[side]);
      return stack;
    }),
  );
  return { producer, consumer, stateDir };
}

/** All values in one `pulumi config set-all`: a process per key would cost a second each. */
export async function setConfig(stack: PulumiStack, values: Record<string, string>): Promise<void> {
  const pairs = Object.entries(values).flatMap(([k, v]) => ["--plaintext", `${k}=${v}`]);
  await stack.run(["config", "set-all", "--stack", stack.name, ...pairs]);
}

/**
 * The name a StackReference gives a stack of the local file backend: stacks there are scoped by
 * project, under the fixed organization name `organization`.
 */
export function stackReferenceName(project: string, stack: string): string {
  return `organization/${project}/${stack}`;
}

/** The outputs a run's engine events report for the one resource of a type (no extra CLI call). */
export function outputsOf(events: readonly EngineEvent[], type: string): Record<string, unknown> | undefined {
  const found = events.map((e) => e.resOutputsEvent?.metadata).filter((m) => m?.type === type);
  return found.at(-1)?.new?.outputs;
}

export interface DriftRun {
  code: number;
  report: DriftReport;
  stderr: string;
}

/** The installed package's `drift --json` on one stack, with that stack's environment (PATH, backend, keys). */
export async function runDrift(stack: PulumiStack): Promise<DriftRun> {
  const bin = path.join((await defaultInstall()).dir, "node_modules", ".bin", "pulumi-redshift-datashare");
  const env = await stack.env();
  return new Promise((resolve, reject) => {
    execFile(
      bin,
      ["drift", "--stack", stack.name, "--cwd", stack.projectDir, "--json"],
      { env, maxBuffer: 1 << 24 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 2) : 0;
        if (code !== 0 && code !== 1) {
          reject(new Error(`drift on ${stack.name} exited ${code}:\n${stderr}`));
          return;
        }
        resolve({ code, report: JSON.parse(stdout) as DriftReport, stderr });
      },
    );
  });
}

/** The producer's entries for one datashare (DescribeDataShares with the producer's keys). */
export async function producerEntries(emu: Emulator, dataShareArn: string): Promise<{ status?: string }[]> {
  const answer = await accountClient(emu, "producer").send(
    new DescribeDataSharesCommand({ DataShareArn: dataShareArn }),
  );
  return (answer.DataShares ?? [])
    .flatMap((s) => s.DataShareAssociations ?? [])
    .map((a) => ({ status: a.Status }));
}
