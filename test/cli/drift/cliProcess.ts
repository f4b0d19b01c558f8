import { execFile } from "node:child_process";
import * as path from "node:path";
import { defaultInstall } from "../../../harness/userStacks";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * The executable as `npx pulumi-redshift-datashare` runs it in a user's project: the `bin` entry
 * of the packed package, installed next to the project's own @pulumi/pulumi.
 */
export async function installedBin(): Promise<string> {
  return path.join((await defaultInstall()).dir, "node_modules", ".bin", "pulumi-redshift-datashare");
}

export async function runCli(args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CliRun> {
  const bin = await installedBin();
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(bin, args, { env, cwd, maxBuffer: 1 << 22 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
      resolve({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}
