/**
 * Command-line parsing for `pulumi-redshift-datashare drift`. Pure: the arguments after `drift` in,
 * options or a DriftCliError("ERR_DRIFT_USAGE") out.
 */
import { parseArgs } from "node:util";
import { DriftCliError } from "./errors";

export interface DriftOptions {
  command: "drift";
  stack: string;
  /** Project folder (where Pulumi.yaml is); defaults to the current directory. */
  cwd: string;
  json: boolean;
  /** File to write a Markdown report to (e.g. $GITHUB_STEP_SUMMARY); appended to, as CI summaries expect. */
  markdown?: string;
  /** Run a real `pulumi refresh`, which writes the refreshed state. */
  refresh: boolean;
  /** The `pulumi` executable; default: the first on PATH. */
  pulumi?: string;
}

export type DriftRequest = DriftOptions | { command: "help"; topic: "drift" };

export const DRIFT_USAGE = `Usage: pulumi-redshift-datashare drift --stack <name> [options]

Checks both resource types of a stack, every DataShareConsumer and every DataShareAuthorization,
against the live Redshift API (a refresh preview with the "pulumi" CLI: state is not written) and
reports each property that drifted, inputs and outputs alike, and who can fix it.

Options:
  --stack <name>       stack to check (required)
  --cwd <dir>          Pulumi project folder (default: the current directory)
  --json               print the report as JSON (schema: docs/drift.md)
  --markdown <file>    also append a Markdown report to <file> (e.g. "$GITHUB_STEP_SUMMARY")
  --refresh            run a real "pulumi refresh" (writes the refreshed state)
  --pulumi <path>      the Pulumi CLI to run (default: "pulumi" on PATH; v3.230 or later)
  -h, --help           show this help

Exit codes: 0 no drift, 1 drift found, 2 error (reason on stderr).
`;

export function parseDriftArgs(args: readonly string[], cwd = "."): DriftRequest {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: {
        stack: { type: "string", short: "s" },
        cwd: { type: "string" },
        json: { type: "boolean", default: false },
        markdown: { type: "string" },
        refresh: { type: "boolean", default: false },
        pulumi: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (err) {
    throw new DriftCliError("ERR_DRIFT_USAGE", (err as Error).message);
  }
  if (values.help) return { command: "help", topic: "drift" };
  if (values.stack === undefined || values.stack.trim() === "") {
    throw new DriftCliError("ERR_DRIFT_USAGE", "--stack <name> is required");
  }
  if (values.cwd !== undefined && values.cwd === "") {
    throw new DriftCliError("ERR_DRIFT_USAGE", "--cwd must not be empty");
  }
  if (values.markdown !== undefined && values.markdown === "") {
    throw new DriftCliError("ERR_DRIFT_USAGE", "--markdown needs a file name (is $GITHUB_STEP_SUMMARY set?)");
  }
  const options: DriftOptions = {
    command: "drift",
    stack: values.stack,
    cwd: values.cwd ?? cwd,
    json: values.json ?? false,
    refresh: values.refresh ?? false,
  };
  if (values.markdown !== undefined) options.markdown = values.markdown;
  if (values.pulumi !== undefined) {
    if (values.pulumi === "")
      throw new DriftCliError("ERR_DRIFT_USAGE", "--pulumi needs the path of the pulumi executable");
    options.pulumi = values.pulumi;
  }
  return options;
}
