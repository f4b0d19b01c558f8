import * as assert from "node:assert/strict";
import { parseDriftArgs } from "../../../cli/drift/args";
import { DriftCliError } from "../../../cli/drift/errors";

/** The command line as typed: `drift` and its arguments. */
const parseCliArgs = ([command, ...rest]: string[], cwd?: string) => {
  assert.equal(command, "drift");
  return parseDriftArgs(rest, cwd);
};

const usageError = (argv: string[], message: RegExp) =>
  assert.throws(
    () => parseCliArgs(argv),
    (e: unknown) => e instanceof DriftCliError && e.code === "ERR_DRIFT_USAGE" && message.test(e.message),
  );

describe("parseDriftArgs", () => {
  it("when only --stack is given, checks that stack in the current folder, preview only, as a table", () => {
    assert.deepEqual(parseCliArgs(["drift", "--stack", "prod"], "/here"), {
      command: "drift",
      stack: "prod",
      cwd: "/here",
      json: false,
      refresh: false,
    });
  });

  it("when every option is given, returns them all", () => {
    assert.deepEqual(
      parseCliArgs(["drift", "--stack=dev", "--cwd", "infra", "--json", "--markdown", "out.md", "--refresh"]),
      { command: "drift", stack: "dev", cwd: "infra", json: true, markdown: "out.md", refresh: true },
    );
  });

  it("when -s is used, takes it as --stack", () => {
    assert.equal((parseCliArgs(["drift", "-s", "a"]) as { stack: string }).stack, "a");
  });

  it("when --help is given, asks for the drift command's help", () => {
    assert.deepEqual(parseCliArgs(["drift", "--help"]), { command: "help", topic: "drift" });
    assert.deepEqual(parseCliArgs(["drift", "-h", "--stack", "a"]), { command: "help", topic: "drift" });
  });

  it("when --stack is missing or empty, throws a usage error", () => {
    usageError(["drift"], /--stack <name> is required/);
    usageError(["drift", "--stack", " "], /--stack <name> is required/);
  });

  it("strict: when an option is unknown, throws a usage error naming it", () => {
    usageError(["drift", "--stack", "a", "--verbose"], /--verbose/);
  });

  it("strict: when a positional argument is given, throws a usage error", () => {
    usageError(["drift", "--stack", "a", "extra"], /extra/);
  });

  it("strict: when --stack or --markdown has no value, throws a usage error", () => {
    usageError(["drift", "--stack"], /--stack/);
    usageError(["drift", "--stack", "a", "--markdown"], /--markdown/);
  });

  it("when --markdown or --cwd is an empty string (an unset variable), throws a usage error", () => {
    usageError(["drift", "--stack", "a", "--markdown", ""], /GITHUB_STEP_SUMMARY/);
    usageError(["drift", "--stack", "a", "--cwd", ""], /--cwd/);
  });

  it("when a boolean flag is given a value, throws a usage error", () => {
    usageError(["drift", "--stack", "a", "--json=yes"], /--json/);
  });
});
