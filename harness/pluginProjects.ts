/**
 * User projects of the provider plugin, outside the repo: the plugin is the folder
 * `node_modules/pulumi-redshift-datashare/plugin` of an install of the packed package, as a user
 * gets it from npm. Programs in YAML, Go or TypeScript; the producer and consumer accounts of the
 * emulator as two AWS profiles in a shared config file, chosen per provider resource (`profile`).
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  authorizationSpec,
  consumerSpec,
  dataShareSpec,
  databaseSpec,
  grantSpec,
  packageTypeToken,
} from "../provider/schema";
import { offlineEnv } from "./offlineEnv";
import { OtherLanguage, pulumiPathDirs } from "./pulumiCli";
import { PulumiStack, StateResource } from "./pulumiStack";
import { UserInstall } from "./userProject";
import { Emulator, REGION } from "./emulatorFixture";
import { defaultInstall } from "./userStacks";

export const CONSUMER_TOKEN = packageTypeToken(consumerSpec);
export const AUTHORIZATION_TOKEN = packageTypeToken(authorizationSpec);
export const DATASHARE_TOKEN = packageTypeToken(dataShareSpec);
export const GRANT_TOKEN = packageTypeToken(grantSpec);
export const DATABASE_TOKEN = packageTypeToken(databaseSpec);

export interface PluginInstall {
  install: UserInstall;
  /** The folder holding `pulumi-resource-redshift-datashare`, inside the install. */
  pluginDir: string;
  version: string;
}

export async function pluginInstall(): Promise<PluginInstall> {
  const install = await defaultInstall();
  const packageDir = path.join(install.dir, "node_modules", "pulumi-redshift-datashare");
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    version: string;
  };
  return { install, pluginDir: path.join(packageDir, "plugin"), version };
}

/**
 * The environment of a CLI run: the emulator as the endpoint (Redshift and STS), the accounts as
 * profiles `producer` and `consumer` in a shared config file written into `dir`, no default
 * credentials. The stack's provider resources pick a profile; credentials never reach state.
 */
export function profilesEnv(emu: Emulator, dir: string): Record<string, string> {
  const profile = (name: "producer" | "consumer") => {
    const c = emu.credentials(name);
    return `[profile ${name}]\naws_access_key_id = ${c.accessKeyId}\naws_secret_access_key = ${c.secretAccessKey}\n`;
  };
  const config = path.join(dir, "aws-config");
  const credentials = path.join(dir, "aws-credentials");
  fs.writeFileSync(config, profile("producer") + profile("consumer"));
  fs.writeFileSync(credentials, "");
  return {
    AWS_CONFIG_FILE: config,
    AWS_SHARED_CREDENTIALS_FILE: credentials,
    AWS_ENDPOINT_URL: emu.endpoint,
    AWS_REGION: REGION,
    REDSHIFT_DATASHARE_MAX_ATTEMPTS: "3",
  };
}

/** A new project folder in the system's temp folder with the given files (JSON is written as YAML). */
export function projectDir(name: string, files: Record<string, string | object>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rds-${name}-`));
  writeFiles(dir, files);
  return dir;
}

export function writeFiles(dir: string, files: Record<string, string | object>): void {
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    // JSON is YAML: Pulumi.yaml files are written from objects without a YAML library.
    fs.writeFileSync(
      path.join(dir, name),
      typeof content === "string" ? content : JSON.stringify(content, null, 2) + "\n",
    );
  }
}

/** `plugins.providers` naming the plugin folder, as a Pulumi.yaml holds it. */
export const pluginPath = (pluginDir: string) => ({
  plugins: { providers: [{ name: "redshift-datashare", path: pluginDir }] },
});

export async function pluginStack(
  emu: Emulator,
  dir: string,
  languages: OtherLanguage[],
  env: Record<string, string> = {},
): Promise<PulumiStack> {
  return PulumiStack.init({ projectDir: dir, languages, env: { ...profilesEnv(emu, dir), ...env } });
}

/** The resources of the plugin's types in a stack's state. */
export async function pluginResources(stack: PulumiStack): Promise<StateResource[]> {
  const resources = (await stack.exportStack()).deployment.resources ?? [];
  return resources.filter((r) => r.type === CONSUMER_TOKEN || r.type === AUTHORIZATION_TOKEN);
}

/**
 * The environment of a `pulumi` command that needs no stack (gen-sdk, get-schema, plugin install):
 * offline, its own PULUMI_HOME in `dir`, the language hosts asked for on PATH.
 */
export async function cliEnv(dir: string, languages: OtherLanguage[] = []): Promise<NodeJS.ProcessEnv> {
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !k.startsWith("AWS_") && !k.startsWith("PULUMI_")),
  );
  return {
    ...inherited,
    ...offlineEnv({ stateDir: path.join(dir, ".state"), homeDir: path.join(dir, ".pulumi-home") }),
    PATH: [...(await pulumiPathDirs({ languages })), process.env.PATH ?? ""].join(path.delimiter),
  };
}

/** Runs a command in a folder; rejects with its output on a non-zero exit. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, env, maxBuffer: 1 << 26 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${command} ${args.join(" ")} failed in ${cwd}:\n${stdout}\n${stderr}`));
      else resolve(stdout + stderr);
    });
  });
}
