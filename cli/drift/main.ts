/**
 * The `drift` command from its options to an exit code: run, print the report on stdout (table or
 * JSON), append Markdown when asked, and turn every failure into exit code 2 with a one-line reason
 * on stderr.
 */
import * as fs from "node:fs";
import { DriftOptions } from "./args";
import { classifyFailure, DriftCliError, redactSecrets } from "./errors";
import { renderJson } from "./report";
import { renderMarkdown, renderTable } from "./render";
import { runDrift } from "./run";

export const EXIT_NO_DRIFT = 0;
export const EXIT_DRIFT = 1;
export const EXIT_ERROR = 2;

export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  cwd: string;
  now(): Date;
}

export async function runDriftCommand(options: DriftOptions, io: CommandIo): Promise<number> {
  const say = (message: string) => io.stderr(redactSecrets(`drift: ${message}\n`, io.env));
  try {
    const report = await runDrift(options, { env: io.env, progress: say, now: io.now });
    io.stdout(options.json ? renderJson(report) : renderTable(report));
    if (options.markdown) fs.appendFileSync(options.markdown, renderMarkdown(report));
    return report.drifted.length > 0 ? EXIT_DRIFT : EXIT_NO_DRIFT;
  } catch (err) {
    const failure = classifyFailure(err, { stack: options.stack, cwd: options.cwd });
    io.stderr(
      redactSecrets(`pulumi-redshift-datashare drift: error: ${failure.message} [${failure.code}]\n`, io.env),
    );
    if (options.markdown) writeFailureSummary(options, failure, io);
    return EXIT_ERROR;
  }
}

/** A failed check still leaves a line in the CI job summary, so nobody reads an empty page as "no drift". */
function writeFailureSummary(options: DriftOptions, failure: DriftCliError, io: CommandIo): void {
  const text =
    `## Datashare drift: stack \`${options.stack}\`\n\n` +
    `The drift check failed (${failure.code}): ${failure.message.replace(/\|/g, "\\|")}\n\n`;
  try {
    fs.appendFileSync(options.markdown ?? "", redactSecrets(text, io.env));
  } catch {
    // The report file is a courtesy; the exit code and stderr already carry the failure.
  }
}
