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

/** Language hosts besides Node.js that a test may ask for; each is built once, on first request. */
export type OtherLanguage = "yaml" | "go" | "python";

/** Which CLI, and which language hosts beside the Node.js one. */
export interface CliRequest {
  /** The Pulumi CLI version (e.g. "v3.274.1"); default: the one of the @pulumi/pulumi we build on. */
  version?: string;
  languages?: readonly OtherLanguage[];
}

const cached = new Map<string, Promise<string[]>>();

/**
 * The folders to put first on PATH so that `pulumi`, `pulumi-language-nodejs`, the
 * dynamic-provider plugin and the other language hosts asked for are found. The script's progress
 * goes to our stderr: the first build of each takes minutes.
 */
export function pulumiPathDirs(request: CliRequest = {}): Promise<string[]> {
  const languages = [...(request.languages ?? [])].sort().join(",");
  const key = `${request.version ?? ""}|${languages}`;
  const known = cached.get(key);
  if (known) return known;
  const env: NodeJS.ProcessEnv = { ...process.env, PULUMI_RDS_LANGUAGES: languages };
  if (request.version) env.PULUMI_CLI_VERSION = request.version;
  else delete env.PULUMI_CLI_VERSION;
  const found = new Promise<string[]>((resolve, reject) => {
    const child = execFile(
      "bash",
      [path.join(packageRoot(), "scripts", "pulumi-cli.sh")],
      { cwd: packageRoot(), env, maxBuffer: 1 << 20 },
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
  found.catch(() => cached.delete(key));
  cached.set(key, found);
  return found;
}

/** The path of the `pulumi` executable the harness runs (of `version`, as above). */
export async function pulumiExecutable(version?: string): Promise<string> {
  const [cliDir] = await pulumiPathDirs({ version });
  return path.join(cliDir, "pulumi");
}
