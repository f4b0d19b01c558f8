/**
 * The package's command line, `pulumi-redshift-datashare <command> [options]`: picks the command
 * and hands its arguments to that command's parser. Pure: argv in, a request or a usage error
 * (with a `code`) out.
 */
import { parseArgs } from "node:util";
import { DriftRequest, parseDriftArgs } from "./drift/args";
import { EmulatorRequest, parseEmulatorArgs } from "./emulator/args";

export const COMMANDS = ["drift", "emulator"] as const;
export type CommandName = (typeof COMMANDS)[number];

/**
 * `help` prints help on stdout (exit 0), `version` the package's version (exit 0), `usage` the
 * package's help on stderr because no command was named (exit 2).
 */
export type CommandLine =
  | DriftRequest
  | EmulatorRequest
  | { command: "help"; topic?: CommandName }
  | { command: "version" }
  | { command: "usage" };

export const USAGE = `Usage: pulumi-redshift-datashare <command> [options]
       pulumi-redshift-datashare --version | --help

Commands:
  drift      check a stack's resources of both types, DataShareConsumer and
             DataShareAuthorization, against the live Redshift API and report each property
             that drifted and who can fix it (exit 0 no drift, 1 drift, 2 error)
  emulator   start the local Redshift datashare emulator and print the environment lines and
             the datashare and namespace ARNs to use it with

Options:
  -h, --help     print this help and exit 0
  -V, --version  print the package's version and exit 0

Run "pulumi-redshift-datashare <command> --help" for a command's options.
`;

/** An unknown or missing command. */
export class CommandLineError extends Error {
  readonly code = "ERR_USAGE";
}

export function parseCommandLine(argv: readonly string[], cwd = "."): CommandLine {
  const [command, ...rest] = argv;
  if (command === undefined) return { command: "usage" };
  if (command === "help") return { command: "help" };
  if (command === "drift") return parseDriftArgs(rest, cwd);
  if (command === "emulator") return parseEmulatorArgs(rest);
  if (command.startsWith("-")) return parsePackageOptions(argv);
  throw new CommandLineError(`unknown command ${JSON.stringify(command)} (known: ${COMMANDS.join(", ")})`);
}

function parsePackageOptions(argv: readonly string[]): CommandLine {
  let values: { help?: boolean; version?: boolean };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { help: { type: "boolean", short: "h" }, version: { type: "boolean", short: "V" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new CommandLineError((err as Error).message);
  }
  return values.help === true ? { command: "help" } : { command: "version" };
}

/** The help text for a command, or the package's when none is named. */
export function usageFor(topic: string | undefined, texts: Record<CommandName, string>): string {
  return topic !== undefined && (COMMANDS as readonly string[]).includes(topic)
    ? texts[topic as CommandName]
    : USAGE;
}
