import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { LocalWorkspace, PulumiFn, Stack } from "@pulumi/pulumi/automation";
import { offlineEnv } from "../../dev/offlineEnv";
import { automationCommand as pulumiCommand, packageRoot } from "../../dev/pulumiCli";

/**
 * A throwaway Pulumi project folder that looks like a user's: outside the repo, with this
 * package and @pulumi/pulumi linked into its node_modules as an install would place them.
 */
export function makeProjectDir(prefix = "rds-e2e-"): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  linkPackages(dir);
  return dir;
}

export function linkPackages(dir: string): void {
  const root = packageRoot();
  const modules = path.join(dir, "node_modules");
  fs.mkdirSync(path.join(modules, "@pulumi"), { recursive: true });
  fs.symlinkSync(root, path.join(modules, "pulumi-redshift-datashare"), "dir");
  fs.symlinkSync(
    path.join(root, "node_modules", "@pulumi", "pulumi"),
    path.join(modules, "@pulumi", "pulumi"),
    "dir",
  );
}

function hasProjectFile(dir: string): boolean {
  return ["Pulumi.yaml", "Pulumi.yml", "Pulumi.json"].some((f) => fs.existsSync(path.join(dir, f)));
}

export interface TestStackOptions {
  program: PulumiFn;
  /** Extra environment for the CLI and the provider host (credentials, endpoint, region). */
  env?: Record<string, string>;
  config?: Record<string, string>;
  projectDir?: string;
  projectName?: string;
}

export interface TestStack {
  stack: Stack;
  projectDir: string;
  stateDir: string;
  /** Destroys what is left and removes the stack and its folders. */
  dispose(): Promise<void>;
}

/** An inline-program stack on a local file backend, run by the real Pulumi CLI. */
export async function createTestStack(options: TestStackOptions): Promise<TestStack> {
  const projectDir = options.projectDir ?? makeProjectDir();
  const stateDir = path.join(projectDir, ".pulumi-state");
  const env = {
    ...offlineEnv({ stateDir, homeDir: path.join(projectDir, ".pulumi-home") }),
    ...options.env,
  };
  const stack = await LocalWorkspace.createOrSelectStack(
    {
      stackName: "t" + randomUUID().slice(0, 8),
      projectName: options.projectName ?? "rds-e2e",
      program: options.program,
    },
    {
      workDir: projectDir,
      envVars: env,
      pulumiCommand: await pulumiCommand(),
      // Without a Pulumi.yaml the Automation API would set `main` to this process's working
      // directory, and the engine would start the provider host there instead of in the project.
      ...(hasProjectFile(projectDir)
        ? {}
        : { projectSettings: { name: options.projectName ?? "rds-e2e", runtime: "nodejs" as const } }),
    },
  );
  for (const [key, value] of Object.entries(options.config ?? {})) {
    await stack.setConfig(key, { value });
  }
  return {
    stack,
    projectDir,
    stateDir,
    async dispose() {
      try {
        await stack.destroy({});
        await stack.workspace.removeStack(stack.name);
      } finally {
        fs.rmSync(projectDir, { recursive: true, force: true });
      }
    },
  };
}
