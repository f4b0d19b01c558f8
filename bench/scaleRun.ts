/**
 * One run of the scale scenario: a stack of N resources of one kind taken through what a team
 * does with it, each step a fresh `pulumi` CLI as in a user's CI: `up`, `preview --refresh
 * --expect-no-changes`, (DataShareConsumer only) the package's `drift` command, `refresh`, `up` after
 * one resource changed, `destroy`. Per step: wall time, what the emulator saw, the CPU the emulator
 * used (this process), and the CPU and peak memory of every process the CLI started, by role.
 */
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { readEvents } from "../harness/pulumiStack";
import type { Emulator, OperationCounts } from "../emulator";
import {
  BenchStack,
  countFailedOps,
  createBenchStack,
  ResourceKind,
  stateFileBytes,
  StepRun,
  writeBenchPlans,
} from "./benchStack";
import { operationDelta } from "./engineScale";
import { loadAverage } from "./machine";
import { ProcessUsage, sampleDescendants } from "./processSampler";
import { consumerEnv, planAssociations, planOneChange } from "./seed";

export type ScaleStep = "up" | "preview" | "drift" | "refresh" | "change" | "destroy";
export const SCALE_STEPS: ScaleStep[] = ["up", "preview", "drift", "refresh", "change", "destroy"];

export interface ScaleStepResult extends StepRun {
  calls: Record<string, OperationCounts>;
  /** CPU time of this process (the in-process emulator) during the step, the sampler's own taken out. */
  emulatorCpuMs: number;
  /** The processes the command started, by role. */
  processes: ProcessUsage;
}

export interface ScaleRun {
  kind: ResourceKind;
  n: number;
  dataShares: number;
  /** `drift` only for DataShareConsumer: it reads DataShareConsumer resources. */
  steps: Partial<Record<ScaleStep, ScaleStepResult>>;
  /** Checkpoint file bytes after `up`. */
  stateBytes: number;
  /** The 1-minute load average when the run started and ended. */
  load: [number, number];
  /** Run with PULUMI_SKIP_CHECKPOINTS=true: `up` and `destroy` only, the engine writing state once. */
  checkpointsSkipped?: boolean;
}

export interface ScaleRunOptions {
  emulator: Emulator;
  kind: ResourceKind;
  n: number;
  dataShares: number;
  /** The no-op floors wait this long in create, read and delete (the emulator's modelled latency). */
  noopLatencyMs: number;
  /**
   * PULUMI_SKIP_CHECKPOINTS=true, `up` and `destroy` only: the engine then writes the checkpoint at
   * the end of a command instead of after every step, which tells its O(N) write per step apart
   * from the providers' cost.
   */
  checkpointsSkipped?: boolean;
}

const SAMPLE_INTERVAL_MS = 500;

/** A step's run, with the CPU time this process used while the command ran. */
interface TimedStep extends StepRun {
  cpuMs: number;
}

/** Wall time and this process's CPU time around `command` alone. */
async function timed<T>(command: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = await command();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** `pulumi <args>` of the stack with an event log, read after the timing (failed resources). */
async function pulumiStep(t: BenchStack, args: string[]): Promise<TimedStep> {
  const log = path.join(os.tmpdir(), `rds-scale-events-${randomUUID()}.jsonl`);
  try {
    const { ms, cpuMs, value } = await timed(() =>
      t.stack.run([...args, "--stack", t.stack.name, "--event-log", log], { allowFailure: true }),
    );
    return { ms, cpuMs, exitCode: value.code, failedOps: countFailedOps(readEvents(log)) };
  } finally {
    fs.rmSync(log, { force: true });
  }
}

/** The package's drift command as the user's project installed it, with the stack's environment. */
async function driftStep(t: BenchStack): Promise<TimedStep> {
  const bin = path.join(
    t.stack.projectDir,
    "node_modules",
    "pulumi-redshift-datashare",
    "dist",
    "cli",
    "bin.js",
  );
  const env = await t.stack.env();
  const { ms, cpuMs, value } = await timed(
    () =>
      new Promise<number>((resolve) => {
        execFile(
          process.execPath,
          [bin, "drift", "--stack", t.stack.name, "--cwd", t.stack.projectDir, "--json"],
          { env, maxBuffer: 1 << 26 },
          (err) => resolve(err ? (typeof err.code === "number" ? err.code : 1) : 0),
        );
      }),
  );
  // Exit 1 is "drift found", 2 an error: the summary expects 0 (nothing changed out of band).
  return { ms, cpuMs, exitCode: value, failedOps: 0 };
}

export async function runScaleOnce(options: ScaleRunOptions): Promise<ScaleRun> {
  const { emulator, kind, n, dataShares } = options;
  const skipped = options.checkpointsSkipped === true;
  const env = {
    ...consumerEnv(emulator),
    BENCH_NOOP_LATENCY_MS: String(options.noopLatencyMs),
    ...(skipped ? { PULUMI_SKIP_CHECKPOINTS: "true" } : {}),
  };
  const t = await createBenchStack(kind, planAssociations(emulator, n, dataShares), env);
  const steps: ScaleRun["steps"] = {};
  const loadBefore = loadAverage();
  let destroyed = false;
  const measure = async (step: ScaleStep, run: () => Promise<TimedStep>): Promise<void> => {
    const before = emulator.operationCounts();
    const sampler = sampleDescendants({ intervalMs: SAMPLE_INTERVAL_MS });
    const { cpuMs, ...result } = await run();
    const { usage, samplerMs } = sampler.stop();
    steps[step] = {
      ...result,
      calls: operationDelta(before, emulator.operationCounts()),
      emulatorCpuMs: Math.max(0, cpuMs - samplerMs),
      processes: usage,
    };
  };
  try {
    await measure("up", () => pulumiStep(t, ["up", "--yes", "--skip-preview"]));
    const stateBytes = stateFileBytes(t);
    if (!skipped) {
      await measure("preview", () => pulumiStep(t, ["preview", "--refresh", "--expect-no-changes"]));
      if (kind === "DataShareConsumer") await measure("drift", () => driftStep(t));
      await measure("refresh", () => pulumiStep(t, ["refresh", "--yes", "--skip-preview"]));
      writeBenchPlans(t.stack.projectDir, kind, planOneChange(emulator, n, dataShares));
      await measure("change", () => pulumiStep(t, ["up", "--yes", "--skip-preview"]));
    }
    await measure("destroy", () => pulumiStep(t, ["destroy", "--yes", "--skip-preview"]));
    destroyed = steps.destroy?.exitCode === 0;
    const load: [number, number] = [loadBefore, loadAverage()];
    return { kind, n, dataShares, steps, stateBytes, load, ...(skipped ? { checkpointsSkipped: true } : {}) };
  } finally {
    if (destroyed) fs.rmSync(t.stack.projectDir, { recursive: true, force: true });
    else await t.stack.dispose();
  }
}
