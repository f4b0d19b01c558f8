/**
 * A throwaway stack of a user project declaring N resources of one kind (DataShareConsumer or a
 * no-op floor), driven by the plain `pulumi` CLI: the project installed the packed package next to
 * its own @pulumi/pulumi (harness/userProject.ts), as a user's does. Plus readers for its state.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { EngineEvent, PulumiStack } from "../harness/pulumiStack";
import { createUserProject } from "../harness/userProject";
import { defaultInstall } from "../harness/userStacks";
import type { AssociationPlan } from "./seed";
import { consumerSpec, dynamicTypeToken } from "../provider/schema";

export type ResourceKind = "DataShareConsumer" | "no-op, same properties" | "no-op";

/** The provider, its floor (same properties) and the second reference (two properties). */
export const RESOURCE_KINDS: ResourceKind[] = ["DataShareConsumer", "no-op, same properties", "no-op"];

export const TYPE_TOKENS: Record<ResourceKind, string> = {
  DataShareConsumer: dynamicTypeToken(consumerSpec),
  "no-op": "pulumi-nodejs:dynamic/bench:NoopConsumer",
  "no-op, same properties": "pulumi-nodejs:dynamic/bench:WideNoopConsumer",
};

const PROGRAM_DIR = path.join(__dirname, "program");

export interface BenchStack {
  kind: ResourceKind;
  stack: PulumiStack;
}

/** What one timed CLI command did. */
export interface StepRun {
  ms: number;
  exitCode: number;
  /** Resource operations the engine reported failed. */
  failedOps: number;
}

export async function createBenchStack(
  kind: ResourceKind,
  plans: AssociationPlan[],
  env: Record<string, string>,
): Promise<BenchStack> {
  const install = await defaultInstall();
  const projectDir = createUserProject(install, {
    name: "rds-bench",
    files: {
      "index.ts": fs.readFileSync(path.join(PROGRAM_DIR, "index.ts"), "utf8"),
      "noop.ts": fs.readFileSync(path.join(PROGRAM_DIR, "noop.ts"), "utf8"),
    },
  });
  // As the e2e tests do: type-checking the program on every run would cost seconds for every kind.
  const stack = await PulumiStack.init({ projectDir, env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true", ...env } });
  writeBenchPlans(projectDir, kind, plans);
  return { kind, stack };
}

/** The file in the project folder the program reads what to declare from (program/index.ts). */
export const BENCH_PLANS_FILE = "bench.json";

/**
 * What the program declares, as a file rather than stack config: the engine hands the program its
 * config in one environment variable, which may hold at most 128 kB (a thousand plans are 220 kB).
 */
export function writeBenchPlans(projectDir: string, kind: ResourceKind, plans: AssociationPlan[]): void {
  fs.writeFileSync(path.join(projectDir, BENCH_PLANS_FILE), JSON.stringify({ kind, plans }));
}

/** Times one engine command (`up`, `refresh`, `destroy`) as the user types it, without a preview. */
export async function timeStep(t: BenchStack, command: "up" | "refresh" | "destroy"): Promise<StepRun> {
  const started = performance.now();
  const result = await t.stack.runWithEvents([command, "--yes", "--skip-preview", "--stack", t.stack.name], {
    allowFailure: true,
  });
  return { ms: performance.now() - started, exitCode: result.code, failedOps: countFailedOps(result.events) };
}

export function countFailedOps(events: readonly EngineEvent[]): number {
  return events.filter((e) => e.resOpFailedEvent !== undefined).length;
}

/** Bytes of the stack's checkpoint file in the file backend. */
export function stateFileBytes(t: BenchStack): number {
  const file = findFile(t.stack.stateDir, `${t.stack.name}.json`);
  if (file === undefined)
    throw new Error(`no state file for stack ${t.stack.name} under ${t.stack.stateDir}`);
  return fs.statSync(file).size;
}

function findFile(dir: string, name: string): string | undefined {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(full, name);
      if (found !== undefined) return found;
    } else if (entry.name === name) {
      return full;
    }
  }
  return undefined;
}

/** The serialized `__provider` input of each resource of the stack's kind, from the exported state. */
export async function serializedProviders(t: BenchStack): Promise<string[]> {
  const resources = (await t.stack.exportStack()).deployment.resources ?? [];
  return resources
    .filter((r) => r.type === TYPE_TOKENS[t.kind])
    .map((r) => String(r.inputs?.__provider ?? ""));
}
