/**
 * Runs the drift check against a real stack with the user's own `pulumi`: a refresh preview (or,
 * with --refresh, a real refresh) that writes its engine events to a log. Everything the report
 * says comes from those events, including why a resource is gone (its read said so): the command
 * makes no AWS call of its own.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { EngineEvent } from "../pulumi/engineEvents";
import { withEventLog } from "../pulumi/runPulumi";
import { DriftOptions } from "./args";
import { DriftCliError } from "./errors";
import { collectRefreshed, countRefreshed, describeCounts } from "./events";
import { collectGoneCauses } from "./goneCauses";
import { checkCliVersion, findPulumi, PulumiCli, pulumiCli } from "./pulumiCommand";
import { buildReport, DriftReport } from "./report";

export interface RunContext {
  env: Record<string, string | undefined>;
  /** Progress and warnings; never the report. */
  progress(message: string): void;
  now(): Date;
}

const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.yml", "Pulumi.json"];

export async function runDrift(options: DriftOptions, context: RunContext): Promise<DriftReport> {
  const workDir = path.resolve(options.cwd);
  if (!PROJECT_FILES.some((f) => fs.existsSync(path.join(workDir, f)))) {
    throw new DriftCliError(
      "ERR_DRIFT_NO_PROJECT",
      `no Pulumi project (Pulumi.yaml) in ${workDir}; pass --cwd <project folder>`,
    );
  }
  const started = Date.now();
  const pulumi = pulumiCli(findPulumi(options.pulumi, context.env), workDir, context.env);
  const version = checkCliVersion((await pulumi.run(["version"])).stdout);
  context.progress(`using ${pulumi.executable} ${version}; stack ${options.stack} in ${workDir}…`);
  const stackArgs = ["--stack", options.stack];
  context.progress(
    options.refresh ? "refreshing (state will be written)…" : "refreshing (preview, state untouched)…",
  );
  const events = await refreshEvents(pulumi, options.refresh ? ["--yes"] : ["--preview-only"], stackArgs);
  const counted = countRefreshed(events);
  context.progress(`refreshed ${describeCounts(counted)}`);
  const refreshed = collectRefreshed(events);
  // The provider's reads said in the same events why a resource is gone: no second look at AWS.
  const causes = collectGoneCauses(events, refreshed);
  const report = buildReport({
    stack: options.stack,
    mode: options.refresh ? "refresh" : "preview",
    checkedAt: context.now(),
    refreshed,
    causes,
  });
  context.progress(
    `checked ${report.resources} datashare resources in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return report;
}

/** `pulumi refresh` with an event log in a private temp file, read back as engine events. */
async function refreshEvents(pulumi: PulumiCli, mode: string[], stackArgs: string[]): Promise<EngineEvent[]> {
  const { events } = await withEventLog(["refresh", ...mode, ...stackArgs], (args) => pulumi.run(args));
  return events;
}
