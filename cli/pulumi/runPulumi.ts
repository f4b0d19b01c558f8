/**
 * Runs one `pulumi` command as a child process and, when asked, reads back its engine events from
 * a private event log. Shared by the drift command (the user's own `pulumi`) and the developer
 * harness (the CLI it built): both run `pulumi --non-interactive <args>` the same way.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { EngineEvent, readEventLog } from "./engineEvents";

export interface PulumiOutput {
  /** The exit code; 127 when the executable could not be started. */
  code: number;
  stdout: string;
  stderr: string;
  /** Why the executable could not be started (ENOENT, EACCES…); unset when it ran. */
  startError?: string;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** `<executable> --non-interactive <args>`; settles with the outcome, never rejects. */
export function runPulumi(
  executable: string,
  args: readonly string[],
  options: RunOptions,
): Promise<PulumiOutput> {
  return new Promise((resolve) => {
    execFile(
      executable,
      ["--non-interactive", ...args],
      { cwd: options.cwd, env: options.env, maxBuffer: 1 << 28 },
      (err, stdout, stderr) => {
        if (!err) resolve({ code: 0, stdout, stderr });
        else if (typeof err.code === "number") resolve({ code: err.code, stdout, stderr });
        else if (typeof err.code === "string")
          resolve({ code: 127, stdout, stderr, startError: err.message });
        else resolve({ code: 1, stdout, stderr }); // killed by a signal or over maxBuffer
      },
    );
  });
}

/**
 * Calls `run` with `--event-log <file>` appended to `args`, the file in a private temp folder, and
 * returns what it returned with the events logged. When `run` throws, `onFailure` sees the events
 * logged so far (a failed `up` logs the steps that failed) before the error goes on.
 */
export async function withEventLog<T>(
  args: readonly string[],
  run: (args: string[]) => Promise<T>,
  onFailure?: (err: unknown, events: EngineEvent[]) => void,
): Promise<{ value: T; events: EngineEvent[] }> {
  const { file, dispose } = eventLogFile();
  try {
    const value = await run([...args, "--event-log", file]);
    return { value, events: readEventLog(file) };
  } catch (err) {
    onFailure?.(err, readEventLog(file));
    throw err;
  } finally {
    dispose();
  }
}

/** A temp file path for an event log that the caller's child process writes (a watched `pulumi`). */
export function eventLogFile(): { file: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rds-events-"));
  return {
    file: path.join(dir, "events.jsonl"),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
