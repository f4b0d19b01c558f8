import { execFile } from "node:child_process";
import * as path from "node:path";
import { PulumiCommand } from "@pulumi/pulumi/automation";

/** The folder of this package (where scripts/ lives), from source or from dist/. */
export function packageRoot(): string {
  let dir = __dirname;
  while (!require("node:fs").existsSync(path.join(dir, "scripts", "pulumi-cli.sh"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error("cannot find scripts/pulumi-cli.sh above " + __dirname);
    dir = parent;
  }
  return dir;
}

let cached: Promise<string> | undefined;

/**
 * The folder holding the `pulumi` binary: found on the machine or built from its Go modules by
 * scripts/pulumi-cli.sh (cached outside the repo). The script's progress goes to our stderr,
 * since the first build takes minutes.
 */
export function pulumiCliDir(): Promise<string> {
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
        resolve(stdout.trim().split("\n").pop() ?? "");
      },
    );
    child.stderr?.pipe(process.stderr);
  });
  return cached;
}

/** A PulumiCommand for the found or built CLI, with the Automation API's version check on. */
export async function pulumiCommand(): Promise<PulumiCommand> {
  const binDir = await pulumiCliDir();
  return PulumiCommand.get({ root: path.dirname(binDir) });
}
