import { execFile } from "node:child_process";
import * as path from "node:path";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The compiled executable, as `npx pulumi-redshift-datashare` runs it (needs `npm run build`). */
export const BIN = path.resolve(__dirname, "..", "..", "dist", "cli", "bin.js");

export function runCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env, cwd, maxBuffer: 1 << 22 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
