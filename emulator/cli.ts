#!/usr/bin/env node
/**
 * Runs the emulator until SIGINT/SIGTERM. Exit codes: 0 after a clean stop, 2 for a usage error,
 * 1 when it cannot start (port in use, unreadable seed or state file).
 */
import { renderBanner } from "./banner";
import { startEmulator } from "./emulator";
import { CliUsageError, parseCliArgs, USAGE } from "./cliArgs";

async function main(): Promise<void> {
  let command;
  try {
    command = parseCliArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof CliUsageError) {
      console.error(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw error;
  }
  if (command.help) {
    console.log(USAGE);
    return;
  }
  const emu = await startEmulator(command.options);
  console.log(renderBanner(emu.endpoint, emu.admin.snapshot()));
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: flushing state and stopping`);
    emu.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("emulator: failed to stop cleanly", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(`emulator: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
