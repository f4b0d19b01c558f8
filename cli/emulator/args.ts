/**
 * Command-line parsing for `pulumi-redshift-datashare emulator`. The flags are the emulator's own
 * (emulator/cliArgs.ts, node:util parseArgs, strict), so this command and `node dist/emulator/cli.js`
 * accept the same ones; a bad flag is a CliUsageError with code ERR_EMULATOR_USAGE. Pure.
 */
import { parseCliArgs, USAGE as EMULATOR_CLI_USAGE } from "../../emulator/cliArgs";
import type { EmulatorOptions } from "../../emulator/emulator";

export interface EmulatorRequest {
  command: "emulator";
  options: EmulatorOptions;
}

/** The emulator's option lines, without its own `Usage:` line (which names the script). */
const OPTION_LINES = EMULATOR_CLI_USAGE.slice(EMULATOR_CLI_USAGE.indexOf("\n") + 1).replace(/^\n+/, "");

export const EMULATOR_USAGE = `Usage: pulumi-redshift-datashare emulator [options]

Starts the local Redshift datashare emulator (AWS Query protocol, SigV4, STS) and prints, per
seed account, ready-to-paste environment lines for the AWS SDK, Pulumi programs, the drift
command and the aws CLI, then the seed's datashare ARNs (which ones are authorized or associated,
which one is free for a new authorization) and its consumer namespace ARNs. Runs until Ctrl+C.
Seed format, admin API and behaviours: emulator/README.md in this package.

Options:
${OPTION_LINES}

Exit codes: 0 after Ctrl+C or SIGTERM (state flushed), 1 when it cannot start (port in use,
unreadable seed or state file), 2 for a usage error.
`;

export function parseEmulatorArgs(
  args: readonly string[],
): EmulatorRequest | { command: "help"; topic: "emulator" } {
  const parsed = parseCliArgs([...args]);
  if (parsed.help) return { command: "help", topic: "emulator" };
  return { command: "emulator", options: parsed.options };
}
