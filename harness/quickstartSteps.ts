/**
 * The steps of a walk-through written to be run as a test: README.md's "Quick start against the
 * emulator" and docs/lifecycle.md, read from their marked fenced blocks:
 * `<!-- quickstart:<kind> [argument] [in=<terminal>] [exit=<code>] -->` on the line before a block.
 * The kinds, and what a walker does with each, are listed in docs/development.md. Pure: markdown
 * in, steps out.
 */

export const QUICKSTART_HEADING = "## Quick start against the emulator";

/** The terminal of a block that names none (`in=<terminal>` names another). */
export const FIRST_TERMINAL = "main";

export type QuickstartStep =
  | { kind: "install"; folder?: string; body: string }
  | { kind: "emulator"; body: string }
  | { kind: "printed"; body: string }
  | { kind: "env"; account: string; terminal: string; body: string }
  | { kind: "file"; name: string; body: string }
  | { kind: "run"; exit: number | "fail"; terminal: string; body: string }
  | { kind: "output"; body: string };

const MARKER = /^<!-- quickstart:([a-z]+)(?: (.*?))? -->$/;
const FENCE = /^```/;

/** The section under `heading`, up to the next heading of the same level. */
export function section(markdown: string, heading: string): string {
  const lines = markdown.split("\n");
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`no "${heading}" section`);
  const level = /^#+ /.exec(heading)![0];
  const end = lines.findIndex((l, i) => i > start && l.startsWith(level));
  return lines.slice(start, end < 0 ? undefined : end).join("\n");
}

/** A marker's words: the positional argument, `in=` and `exit=`; anything else is refused. */
function readArguments(kind: string, raw: string | undefined) {
  const words = (raw ?? "").split(/\s+/).filter((w) => w !== "");
  const named = (key: string) => words.find((w) => w.startsWith(`${key}=`))?.slice(key.length + 1);
  const positional = words.filter((w) => !/^(in|exit)=/.test(w));
  if (positional.length > 1) throw new Error(`quickstart:${kind} takes one argument, not "${raw}"`);
  return { argument: positional[0], terminal: named("in"), exit: named("exit") };
}

function toStep(kind: string, raw: string | undefined, body: string): QuickstartStep {
  const { argument, terminal = FIRST_TERMINAL, exit } = readArguments(kind, raw);
  const needs = (what: string) => {
    if (!argument) throw new Error(`quickstart:${kind} needs ${what}`);
    return argument;
  };
  switch (kind) {
    case "install":
      return argument ? { kind, folder: argument, body } : { kind, body };
    case "emulator":
    case "printed":
    case "output":
      return { kind, body };
    case "env":
      return { kind, account: needs("an account name"), terminal, body };
    case "file":
      return { kind, name: needs("a file name"), body };
    case "run": {
      const code = /^(\d+|fail)$/.exec(exit ?? "0");
      if (!code || argument) throw new Error(`quickstart:run takes exit=<code> or exit=fail, not "${raw}"`);
      return { kind, exit: code[1] === "fail" ? "fail" : Number(code[1]), terminal, body };
    }
    default:
      throw new Error(`unknown marker quickstart:${kind}`);
  }
}

export function quickstartSteps(markdown: string, heading = QUICKSTART_HEADING): QuickstartStep[] {
  const lines = section(markdown, heading).split("\n");
  const steps: QuickstartStep[] = [];
  for (let i = 0; i < lines.length; i++) {
    const marker = MARKER.exec(lines[i]);
    if (!marker) continue;
    let open = i + 1;
    while (open < lines.length && lines[open].trim() === "") open++;
    if (!FENCE.test(lines[open] ?? "")) {
      throw new Error(
        `quickstart:${marker[1]} on line ${i + 1} of the section is not followed by a code block`,
      );
    }
    const close = lines.findIndex((l, j) => j > open && FENCE.test(l));
    if (close < 0) throw new Error(`the code block after quickstart:${marker[1]} is not closed`);
    steps.push(toStep(marker[1], marker[2], lines.slice(open + 1, close).join("\n") + "\n"));
    i = close;
  }
  return steps;
}
