import * as fs from "node:fs";
import * as path from "node:path";

export interface OfflineEnvOptions {
  /** Folder for the file backend's state (`file://`), created when missing. */
  stateDir: string;
  /** Folder used as PULUMI_HOME (plugins, credentials), created when missing. */
  homeDir: string;
  /** Passphrase of the stack's secrets provider; an empty passphrase is allowed. */
  passphrase?: string;
}

/**
 * Environment for running the Pulumi CLI offline: a local file backend, a passphrase secrets
 * provider, no update check and no plugin downloads. The caller's AWS settings pass through.
 */
export function offlineEnv(options: OfflineEnvOptions): Record<string, string> {
  fs.mkdirSync(options.stateDir, { recursive: true });
  fs.mkdirSync(options.homeDir, { recursive: true });
  return {
    PULUMI_BACKEND_URL: "file://" + path.resolve(options.stateDir),
    PULUMI_HOME: path.resolve(options.homeDir),
    PULUMI_CONFIG_PASSPHRASE: options.passphrase ?? process.env.PULUMI_CONFIG_PASSPHRASE ?? "",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    // Unhides --event-log, the engine events the Automation API reads too.
    PULUMI_DEBUG_COMMANDS: "true",
  };
}
