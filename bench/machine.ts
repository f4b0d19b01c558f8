/** The machine a benchmark ran on and how busy it was, so a table can be read against it. */
import { execFileSync } from "node:child_process";
import * as os from "node:os";
import { pulumiExecutable } from "../harness/pulumiCli";
import { median } from "./stats";

export async function describeMachine() {
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

export type MachineInfo = Awaited<ReturnType<typeof describeMachine>>;
export type LoadSamples = { min: number; median: number; max: number };

/** 1-minute load average, the figure that says how busy the machine was. */
export const loadAverage = () => os.loadavg()[0];

/** Samples the load average every few seconds until stopped: min, median and max of the samples. */
export function sampleLoad(intervalMs = 5000): { stop(): LoadSamples } {
  const samples = [loadAverage()];
  const timer = setInterval(() => samples.push(loadAverage()), intervalMs);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      samples.push(loadAverage());
      return { min: Math.min(...samples), median: median(samples), max: Math.max(...samples) };
    },
  };
}
