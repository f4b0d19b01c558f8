/** One engine run of any kind through a list of steps (bench/README.md, Method, "The user's path"). */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import type { Emulator, OperationCounts } from "../emulator";
import { pluginInstall, pluginPath } from "../harness/pluginProjects";
import { generateSdk } from "../harness/pluginSdks";
import { PulumiStack } from "../harness/pulumiStack";
import { createUserProject } from "../harness/userProject";
import { defaultInstall } from "../harness/userStacks";
import { schemaEntry } from "./entry";
import { Kind, OURS, SQL_KINDS, Step } from "./kinds";
import { loadAverage } from "./machine";
import { ProcessUsage, sampleDescendants } from "./processSampler";
import { AssociationPlan, consumerEnv, planAssociations, planOneChange } from "./seed";
import { operationDelta } from "./stats";

const typeTokens = (): Partial<Record<Kind, string>> => ({
  DataShareConsumer: schemaEntry().dynamicTypeToken(schemaEntry().consumerSpec),
  "no-op": "pulumi-nodejs:dynamic/bench:NoopConsumer",
  "no-op, same properties": "pulumi-nodejs:dynamic/bench:WideNoopConsumer",
});

const [UP, REFRESH, DESTROY] = ["up", "refresh", "destroy"].map((c) => [c, "--yes", "--skip-preview"]);
const STEP_ARGS = {
  up: UP,
  preview: ["preview", "--refresh", "--expect-no-changes"],
  refresh: REFRESH,
  change: UP,
  destroy: DESTROY,
};

/** `drift` only for DataShareConsumer (it reads no other); load average at the start and the end. */
export type StackRun = {
  kind: Kind;
  n: number;
  dataShares: number;
  steps: Partial<Record<Step, StepResult>>;
  stateBytes: number;
  providerBytes?: number;
  load: [number, number];
  checkpointsSkipped?: boolean;
};

const program = (file: string) => fs.readFileSync(path.join(__dirname, "program", file), "utf8");

async function createProject(kind: Kind): Promise<string> {
  if (SQL_KINDS.includes(kind)) {
    const names = ["sqlFloor.ts", "sqlReplay.ts"];
    const files = { "index.ts": program("sql.ts"), ...Object.fromEntries(names.map((f) => [f, program(f)])) };
    return createUserProject(await defaultInstall(), { name: "rds-bench-sql", files });
  }
  if (kind !== "plugin") {
    const files = { "index.ts": program("index.ts"), "noop.ts": program("noop.ts") };
    return createUserProject(await defaultInstall(), { name: "rds-bench", files });
  }
  const { install, pluginDir } = await pluginInstall();
  const yaml = JSON.stringify({ name: "rds-bench-plugin", runtime: "nodejs", ...pluginPath(pluginDir) });
  const files = { "Pulumi.yaml": yaml, "index.ts": program("plugin.ts") };
  const dir = createUserProject(install, { name: "rds-bench-plugin", files });
  const sdk = await generateSdk(pluginDir, "nodejs");
  fs.cpSync(sdk, path.join(dir, "sdks", "redshift-datashare"), { recursive: true });
  return dir;
}

/** A file, not stack config: the config's one environment variable holds at most 128 kB. */
const writePlans = (dir: string, kind: Kind, plans: AssociationPlan[]) =>
  fs.writeFileSync(path.join(dir, "bench.json"), JSON.stringify({ kind, plans }));

/** `pulumi <args>`: its exit code and the resources its event log says failed. */
async function pulumiStep(stack: PulumiStack, args: string[]): Promise<[number, number]> {
  const { code, events } = await stack.runWithEvents([...args, "--stack", stack.name], {
    allowFailure: true,
  });
  return [code, events.filter((e) => e.resOpFailedEvent !== undefined).length];
}

/** The package's drift command as the user's project installed it; exit 1 would be drift found. */
async function driftStep(stack: PulumiStack): Promise<[number, number]> {
  const bin = path.join(stack.projectDir, "node_modules/pulumi-redshift-datashare/dist/cli/bin.js");
  const args = [bin, "drift", "--stack", stack.name, "--cwd", stack.projectDir, "--json"];
  const opts = { env: await stack.env(), maxBuffer: 1 << 26 };
  const code = (err: { code?: unknown } | null) => (err ? (typeof err.code === "number" ? err.code : 1) : 0);
  return new Promise((resolve) => execFile(process.execPath, args, opts, (err) => resolve([code(err), 0])));
}

/** One step: wall time and this process's CPU around the command alone, the processes it started. */
async function measureStep(stack: PulumiStack, emulator: Emulator, step: Step) {
  const before = emulator.operationCounts();
  const sampler = sampleDescendants(500);
  const [cpu, started] = [process.cpuUsage(), performance.now()];
  const [code, failedOps] =
    step === "drift" ? await driftStep(stack) : await pulumiStep(stack, STEP_ARGS[step]);
  const [ms, used] = [performance.now() - started, process.cpuUsage(cpu)];
  const { usage, samplerMs } = sampler.stop();
  // This process runs the emulator: its CPU during the step, the sampler's own taken out.
  const emulatorCpuMs = Math.max(0, (used.user + used.system) / 1000 - samplerMs);
  // What the emulator saw during the command, by operation (only operations that were called).
  const calls: Record<string, OperationCounts> = operationDelta(before, emulator.operationCounts());
  return { ms, exitCode: code, failedOps, calls, emulatorCpuMs, processes: usage as ProcessUsage };
}

export type StepResult = Awaited<ReturnType<typeof measureStep>>;

function stateFileBytes(stack: PulumiStack): number {
  const files = fs.readdirSync(stack.stateDir, { recursive: true, encoding: "utf8" });
  const file = files.find((f) => path.basename(f) === `${stack.name}.json`);
  if (file === undefined) throw new Error(`no state file for stack ${stack.name} under ${stack.stateDir}`);
  return fs.statSync(path.join(stack.stateDir, file)).size;
}

/** The checkpoint's size, and the `__provider` text each dynamic resource carries. */
async function afterUp(run: StackRun, stack: PulumiStack): Promise<void> {
  run.stateBytes = stateFileBytes(stack);
  const token = typeTokens()[run.kind];
  if (token === undefined) return;
  const resources = (await stack.exportStack()).deployment.resources ?? [];
  const providers = resources.filter((r) => r.type === token).map((r) => String(r.inputs?.__provider));
  if (run.steps.up?.failedOps === 0 && providers.length !== run.n)
    throw new Error(`expected ${run.n} ${run.kind} resources in state, found ${providers.length}`);
  run.providerBytes = providers.reduce((sum, p) => sum + p.length, 0) / Math.max(1, providers.length);
}

export async function runStack(o: {
  emulator: Emulator;
  kind: Kind;
  n: number;
  dataShares: number;
  steps: readonly Step[];
  /** The no-op floors wait this long in create, read and delete (the emulator's modelled latency). */
  noopLatencyMs: number;
  checkpointsSkipped?: boolean;
  /** The SQL part's stack (bench/sqlRun.ts): its plan in bench.json, and the producer's environment. */
  sql?: { plan: unknown; env: Record<string, string>; pollMs: number };
}): Promise<StackRun> {
  const { emulator, kind, n, dataShares } = o;
  const projectDir = await createProject(kind);
  // As the e2e tests do: type-checking the program on every run would cost seconds for every kind.
  const benchJson = path.join(projectDir, "bench.json");
  const sqlEnv = o.sql && {
    ...o.sql.env,
    BENCH_SQL_PLAN: benchJson,
    BENCH_SQL_POLL_MS: String(o.sql.pollMs),
  };
  const env = {
    ...(sqlEnv ?? consumerEnv(emulator)),
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    BENCH_NOOP_LATENCY_MS: String(o.noopLatencyMs),
    ...(o.checkpointsSkipped ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {}),
  };
  const stack = await PulumiStack.init({ projectDir, env });
  if (o.sql) fs.writeFileSync(benchJson, JSON.stringify({ kind, sql: o.sql.plan }));
  else writePlans(projectDir, kind, planAssociations(emulator, n, dataShares));
  const run: StackRun = { kind, n, dataShares, steps: {}, stateBytes: 0, load: [loadAverage(), 0] };
  try {
    for (const step of o.steps.filter((st) => st !== "drift" || kind === OURS)) {
      if (step === "change") writePlans(projectDir, kind, planOneChange(emulator, n, dataShares));
      run.steps[step] = await measureStep(stack, emulator, step);
      if (step === "up") await afterUp(run, stack);
    }
    run.load[1] = loadAverage();
    return o.checkpointsSkipped ? { ...run, checkpointsSkipped: true } : run;
  } finally {
    // The state lives in the project folder: a destroyed stack needs no `pulumi destroy` again.
    if (run.steps.destroy?.exitCode === 0) fs.rmSync(projectDir, { recursive: true, force: true });
    else await stack.dispose();
  }
}

export type Sizes = { n: number; reps: number }[];

/** Each (N, repetition) runs every kind, the first kind rotating so that a slow spell lands on none. */
export function runOrder(s: { sizes: Sizes; kinds: Kind[] }): { kind: Kind; n: number }[] {
  const order: { kind: Kind; n: number }[] = [];
  let turn = 0;
  for (const { n, reps } of s.sizes)
    for (let rep = 0; rep < reps; rep++, turn++)
      for (let i = 0; i < s.kinds.length; i++) order.push({ kind: s.kinds[(i + turn) % s.kinds.length], n });
  return order;
}

export const describeRun = (run: StackRun) =>
  Object.entries(run.steps)
    .map(([step, r]) => `${step} ${(r.ms / 1000).toFixed(2)} s${r.exitCode ? ` (exit ${r.exitCode})` : ""}`)
    .join(", ");
