/**
 * Runs the drift check against a real stack through the Automation API: a refresh preview (or, with
 * --refresh, a real refresh), then one look at the datashares of the resources that disappeared.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { EngineEvent, LocalWorkspace, Stack } from "@pulumi/pulumi/automation";
import { pulumiCommand } from "../pulumiCli";
import { DriftOptions } from "./args";
import { lookUpGoneCauses } from "./diagnose";
import { DriftCliError } from "./errors";
import { collectRefreshed, DATASHARE_CONSUMER_TYPE } from "./events";
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
  context.progress(`selecting stack ${options.stack} in ${workDir}…`);
  const stack = await LocalWorkspace.selectStack(
    { stackName: options.stack, workDir },
    { pulumiCommand: await pulumiCommand(), envVars: { PULUMI_SKIP_UPDATE_CHECK: "true" } },
  );
  const counted = await countResources(stack);
  context.progress(
    `${options.refresh ? "refreshing (state will be written)" : "refreshing (preview, state untouched)"} ` +
      `${counted.all} resources, ${counted.consumers} DataShareConsumer…`,
  );
  const events: EngineEvent[] = [];
  const onEvent = (e: EngineEvent) => void events.push(e);
  if (options.refresh) await stack.refresh({ onEvent });
  else await stack.previewRefresh({ onEvent });

  const refreshed = collectRefreshed(events);
  const gone = refreshed.filter((r) => r.live === undefined);
  if (gone.length > 0) context.progress(`checking why ${gone.length} association(s) disappeared…`);
  const causes = await lookUpGoneCauses(gone, {
    env: context.env,
    warn: (m) => context.progress(`warning: ${m}`),
    stackConfig: async () => {
      const all = await stack.getAllConfig();
      return Object.fromEntries(Object.entries(all).map(([k, v]) => [k, v.value]));
    },
  });
  const report = buildReport({
    stack: options.stack,
    mode: options.refresh ? "refresh" : "preview",
    checkedAt: context.now(),
    refreshed,
    causes,
  });
  context.progress(
    `checked ${report.resources} DataShareConsumer resources in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return report;
}

/** Resource counts from the stored state, for the progress line (the stack resource itself excluded). */
async function countResources(stack: Stack): Promise<{ all: number; consumers: number }> {
  const state = await stack.exportStack();
  const resources = (state.deployment?.resources ?? []) as { type?: string }[];
  return {
    all: resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type?.startsWith("pulumi:providers:"))
      .length,
    consumers: resources.filter((r) => r.type === DATASHARE_CONSUMER_TYPE).length,
  };
}
