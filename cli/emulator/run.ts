/**
 * The `emulator` command: starts the emulator, prints its banner (environment lines per account,
 * datashare and namespace ARNs) on stdout, and runs until asked to stop. Loaded only when this
 * command runs, so `drift` and Pulumi programs never load the emulator.
 */
import { renderBanner } from "../../emulator/banner";
import { startEmulator, type EmulatorOptions } from "../../emulator/emulator";

export const EXIT_STOPPED = 0;
export const EXIT_CANNOT_START = 1;

export interface EmulatorIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves with the signal's name when the user asks to stop (Ctrl+C, SIGTERM). */
  untilStopped(): Promise<string>;
}

export async function runEmulatorCommand(options: EmulatorOptions, io: EmulatorIo): Promise<number> {
  const stopRequested = io.untilStopped();
  let emu;
  try {
    emu = await startEmulator(options);
  } catch (err) {
    io.stderr(`pulumi-redshift-datashare emulator: cannot start: ${startFailure(err, options)}\n`);
    return EXIT_CANNOT_START;
  }
  io.stdout(renderBanner(emu.endpoint, emu.admin.snapshot()) + "\n");
  const signal = await stopRequested;
  io.stderr(`${signal}: flushing state and stopping\n`);
  try {
    await emu.stop();
    return EXIT_STOPPED;
  } catch (err) {
    io.stderr(`pulumi-redshift-datashare emulator: failed to stop cleanly: ${messageOf(err)}\n`);
    return EXIT_CANNOT_START;
  }
}

function startFailure(err: unknown, options: EmulatorOptions): string {
  const code = (err as { code?: unknown }).code;
  if (code === "EADDRINUSE") {
    return `port ${options.port} on ${options.host ?? "127.0.0.1"} is in use (another emulator?): pass --port <n>, or --port 0 for any free port [EADDRINUSE]`;
  }
  return typeof code === "string" ? `${messageOf(err)} [${code}]` : messageOf(err);
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
