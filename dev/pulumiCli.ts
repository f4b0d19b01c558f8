/**
 * Developer harness: the Pulumi CLI and its Node.js language host for our tests, benchmarks and
 * `npm start`, found on the machine or built by scripts/pulumi-cli.sh (cached outside the repo).
 * Users never run this: the `drift` command uses the `pulumi` they installed.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

/** The checkout's root folder (where scripts/ lives), from source or from dist/. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "scripts", "pulumi-cli.sh"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find scripts/pulumi-cli.sh above " + __dirname);
    dir = parent;
  }
  return dir;
}

/** Where builds and installs are cached between runs: never inside the repo. */
export function cacheRoot(): string {
  return (
    process.env.PULUMI_RDS_CACHE ??
    path.join(process.env.HOME ?? "/tmp", ".cache", "pulumi-redshift-datashare")
  );
}

let cached: Promise<string[]> | undefined;

/**
 * The folders to put first on PATH so that `pulumi`, `pulumi-language-nodejs` and the
 * dynamic-provider plugin are found. The script's progress goes to our stderr: the first build
 * takes minutes.
 */
export function pulumiPathDirs(): Promise<string[]> {
  cached ??= new Promise((resolve, reject) => {
    const child = execFile(
      "bash",
      [path.join(packageRoot(), "scripts", "pulumi-cli.sh")],
      { cwd: packageRoot(), maxBuffer: 1 << 20 },
      (err, stdout) => {
        if (err) {
          reject(
            new Error(
              `the Pulumi CLI could not be found or built (scripts/pulumi-cli.sh: ${err.message.trim()})`,
            ),
          );
          return;
        }
        resolve(stdout.split("\n").filter((line) => line.trim() !== ""));
      },
    );
    child.stderr?.pipe(process.stderr);
  });
  return cached;
}

/** The path of the `pulumi` executable the harness runs. */
export async function pulumiExecutable(): Promise<string> {
  const [cliDir] = await pulumiPathDirs();
  return path.join(cliDir, "pulumi");
}
