/**
 * Developer harness: a `pulumi` command of a PulumiStack started as a child process that the caller
 * can watch and interrupt while it runs. Each line the CLI prints reaches `onLine` as it comes, so
 * a test can act on an engine step (a resource "created") instead of sleeping; `interrupt()` sends
 * SIGINT, as Ctrl-C in a terminal would; `kill()` ends the CLI and everything it started at once
 * (SIGKILL to each process of its tree), as a cancelled CI runner or a lost machine would.
 */
import { execFileSync, spawn } from "node:child_process";
import { EngineEvent, readEventLog } from "../cli/pulumi/engineEvents";
import { eventLogFile } from "../cli/pulumi/runPulumi";
import { CommandResult, PulumiStack } from "./pulumiStack";

export interface RunningCommand {
  /** Process id of the `pulumi` CLI. */
  pid: number | undefined;
  /** Settles when the CLI has exited (never rejects on a non-zero exit). */
  finished: Promise<CommandResult & { events: EngineEvent[]; signal: NodeJS.Signals | null }>;
  /** Sends SIGINT to the CLI: it cancels the update and waits for the steps in flight. */
  interrupt(): void;
  /** SIGKILL to the CLI and every process under it: its language host, program and provider plugins. */
  kill(): void;
}

/**
 * The CLI's process and every one below it, listed before any is killed (a killed parent's children
 * move to init). The CLI starts each plugin in a process group of its own, so a group kill misses them.
 */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const line of execFileSync("ps", ["-eo", "pid=,ppid="], { encoding: "utf8" }).split("\n")) {
    const [pid, ppid] = line.trim().split(/\s+/).map(Number);
    if (!pid || !ppid) continue;
    children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  }
  const tree: number[] = [];
  const visit = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

export interface StartOptions {
  /** Called with every complete line of stdout and stderr, in order of arrival per stream. */
  onLine?: (line: string, stream: "stdout" | "stderr") => void;
}

/** Starts `pulumi --non-interactive <args> --event-log <file>` in the stack's project folder. */
export async function startPulumi(
  stack: PulumiStack,
  args: string[],
  options: StartOptions = {},
): Promise<RunningCommand> {
  const env = await stack.env();
  const log = eventLogFile();
  const child = spawn("pulumi", ["--non-interactive", ...args, "--event-log", log.file], {
    cwd: stack.projectDir,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output = { stdout: "", stderr: "" };
  for (const stream of ["stdout", "stderr"] as const) {
    let partial = "";
    child[stream].setEncoding("utf8");
    child[stream].on("data", (chunk: string) => {
      output[stream] += chunk;
      const lines = (partial + chunk).split("\n");
      partial = lines.pop() ?? "";
      for (const line of lines) options.onLine?.(line, stream);
    });
    child[stream].on("end", () => {
      if (partial !== "") options.onLine?.(partial, stream);
    });
  }
  const finished = new Promise<CommandResult & { events: EngineEvent[]; signal: NodeJS.Signals | null }>(
    (resolve) => {
      let settled = false;
      // "error" (the CLI could not start) may be followed by "close": settle once.
      const settle = (code: number, signal: NodeJS.Signals | null) => {
        if (settled) return;
        settled = true;
        const events = readEventLog(log.file);
        log.dispose();
        resolve({ code, signal, events, ...output });
      };
      child.on("error", (err) => {
        output.stderr += String(err);
        settle(127, null);
      });
      child.on("close", (code, signal) => settle(code ?? 1, signal));
    },
  );
  return {
    pid: child.pid,
    finished,
    interrupt: () => {
      child.kill("SIGINT");
    },
    kill: () => {
      if (child.pid === undefined || child.exitCode !== null) return;
      for (const pid of processTree(child.pid)) {
        try {
          process.kill(pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    },
  };
}
