/**
 * The user's own `pulumi` executable, as their CI installed it: `--pulumi <path>`, else the first
 * `pulumi` on PATH. The drift command never builds or downloads Pulumi.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { runPulumi } from "../pulumi/runPulumi";
import { DriftCliError, PulumiResult, PulumiRunError } from "./errors";

/** The oldest and newest Pulumi CLI majors/minors the command is tested against. */
export const SUPPORTED_CLI = { major: 3, minMinor: 230 };

/** The executable to run: the explicit path, or `pulumi` from PATH; fails clearly when there is none. */
export function findPulumi(explicit: string | undefined, env: Record<string, string | undefined>): string {
  if (explicit !== undefined) {
    if (!isExecutable(explicit)) {
      throw new DriftCliError("ERR_DRIFT_PULUMI_NOT_FOUND", `--pulumi ${explicit} is not an executable file`);
    }
    return path.resolve(explicit);
  }
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    const candidate = path.join(dir, "pulumi");
    if (isExecutable(candidate)) return candidate;
  }
  throw new DriftCliError(
    "ERR_DRIFT_PULUMI_NOT_FOUND",
    "no `pulumi` on PATH: install the Pulumi CLI (https://www.pulumi.com/docs/install/) or pass --pulumi <path>",
  );
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Parses `pulumi version` output (`v3.248.0`, `v3.270.0-dev.0`) and refuses versions outside the tested range. */
export function checkCliVersion(output: string): string {
  const version = output.trim();
  const m = /^v?(\d+)\.(\d+)\.(\d+)/.exec(version);
  if (!m)
    throw new DriftCliError(
      "ERR_DRIFT_PULUMI",
      `cannot read the Pulumi CLI version from ${JSON.stringify(version)}`,
    );
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major !== SUPPORTED_CLI.major || minor < SUPPORTED_CLI.minMinor) {
    throw new DriftCliError(
      "ERR_DRIFT_PULUMI_VERSION",
      `the Pulumi CLI is ${version}; the drift command needs v${SUPPORTED_CLI.major}.${SUPPORTED_CLI.minMinor}.0 or a later v${SUPPORTED_CLI.major}`,
    );
  }
  return version;
}

export interface PulumiCli {
  executable: string;
  run(args: readonly string[]): Promise<PulumiResult>;
}

/** Runs the executable in the project folder with the caller's environment; non-zero exits reject. */
export function pulumiCli(
  executable: string,
  cwd: string,
  env: Record<string, string | undefined>,
): PulumiCli {
  return {
    executable,
    async run(args) {
      // --event-log is one of the CLI's debug commands, the way the Automation API reads events too.
      const result = await runPulumi(executable, args, {
        cwd,
        env: { PULUMI_SKIP_UPDATE_CHECK: "true", ...env, PULUMI_DEBUG_COMMANDS: "true" },
      });
      if (result.startError !== undefined) {
        throw new DriftCliError(
          "ERR_DRIFT_PULUMI_NOT_FOUND",
          `cannot run ${executable}: ${result.startError}`,
        );
      }
      const { code, stdout, stderr } = result;
      if (code !== 0) throw new PulumiRunError(args, { code, stdout, stderr });
      return { code, stdout, stderr };
    },
  };
}
