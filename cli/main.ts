/**
 * `pulumi-redshift-datashare <command>` from argv to exit code: parse, print help (exit 0), the
 * version (exit 0) or a usage error (exit 2, with the command's help; a bare call is one), then run
 * the command.
 */
import { CommandLine, parseCommandLine, USAGE, usageFor } from "./commandLine";
import { DRIFT_USAGE } from "./drift/args";
import { CommandIo, EXIT_ERROR, runDriftCommand } from "./drift/main";
import { EMULATOR_USAGE } from "./emulator/args";

export interface CliIo extends CommandIo {
  /** Resolves with the signal's name when the user asks a long-running command to stop. */
  untilStopped(): Promise<string>;
}

const HELP = { drift: DRIFT_USAGE, emulator: EMULATOR_USAGE };

/** Read through the package's own name, so the same line works from the sources and from dist/. */
function packageVersion(): string {
  return (require("pulumi-redshift-datashare/package.json") as { version: string }).version;
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  let request: CommandLine;
  try {
    request = parseCommandLine(argv, io.cwd);
  } catch (err) {
    const { message, code } = err as { message: string; code?: string };
    io.stderr(`pulumi-redshift-datashare: ${message} [${code ?? "ERR_USAGE"}]\n\n${usageFor(argv[0], HELP)}`);
    return EXIT_ERROR;
  }
  if (request.command === "help") {
    io.stdout(usageFor(request.topic, HELP));
    return 0;
  }
  if (request.command === "version") {
    io.stdout(`${packageVersion()}\n`);
    return 0;
  }
  if (request.command === "usage") {
    io.stderr(USAGE);
    return EXIT_ERROR;
  }
  if (request.command === "drift") return runDriftCommand(request, io);
  const { runEmulatorCommand } = await import("./emulator/run");
  return runEmulatorCommand(request.options, io);
}
