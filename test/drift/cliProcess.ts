import { execFile } from "node:child_process";
import * as path from "node:path";
import { offlineEnv } from "../../cli/offlineEnv";
import { TestStack } from "../support/engine";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The compiled executable, as `npx pulumi-redshift-datashare` runs it (needs `npm run build`). */
export const BIN = path.resolve(__dirname, "..", "..", "dist", "cli", "bin.js");

/** The environment a CI job would give the command for this test stack: its backend plus `extra`. */
export function stackEnv(t: TestStack, extra: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_")));
  return {
    ...inherited,
    ...offlineEnv({ stateDir: t.stateDir, homeDir: path.join(t.projectDir, ".pulumi-home") }),
    ...extra,
  };
}

export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env, cwd, maxBuffer: 1 << 22 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
