/** The machine a benchmark ran on, so a table can be read against it. */
import { execFileSync } from "node:child_process";
import * as os from "node:os";
import { pulumiExecutable } from "../harness/pulumiCli";

export interface MachineInfo {
  os: string;
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  pulumiCli: string;
  pulumiSdk: string;
}

export async function describeMachine(): Promise<MachineInfo> {
  const cpus = os.cpus();
  const cli = execFileSync(await pulumiExecutable(), ["version"], { encoding: "utf8" }).trim();
  return {
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    pulumiCli: cli.replace(/^v/, ""),
    pulumiSdk: require("@pulumi/pulumi/package.json").version as string,
  };
}

/** 1-minute load average, the figure that says how busy the machine was. */
export function loadAverage(): number {
  return os.loadavg()[0];
}

export interface LoadSampler {
  /** Stops sampling; min, median and max of the samples taken (at least one). */
  stop(): { min: number; median: number; max: number };
}

/** Samples the 1-minute load average every few seconds while a benchmark runs. */
export function sampleLoad(intervalMs = 5000): LoadSampler {
  const samples = [loadAverage()];
  const timer = setInterval(() => samples.push(loadAverage()), intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(loadAverage());
      const sorted = [...samples].sort((a, b) => a - b);
      return {
        min: sorted[0],
        median: sorted[Math.floor(sorted.length / 2)],
        max: sorted[sorted.length - 1],
      };
    },
  };
}
