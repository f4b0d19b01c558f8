/**
 * Runs the drift check against a real stack with the user's own `pulumi`: a refresh preview (or,
 * with --refresh, a real refresh) that writes its engine events to a log, then one look at the
 * datashares of the resources that disappeared.
 */
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { DriftOptions } from "./args";
import { lookUpGoneCauses } from "./diagnose";
import { DriftCliError } from "./errors";
import { checkedType, collectRefreshed, EngineEvent, typeOf } from "./events";
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
  const counted = countResources(JSON.parse((await pulumi.run(["stack", "export", ...stackArgs])).stdout));
  context.progress(
    `${options.refresh ? "refreshing (state will be written)" : "refreshing (preview, state untouched)"} ` +
      `${counted.all} resources, ${counted.consumers} DataShareConsumer, ${counted.authorizations} DataShareAuthorization…`,
  );
  const events = await refreshEvents(pulumi, options.refresh ? ["--yes"] : ["--preview-only"], stackArgs);

  const refreshed = collectRefreshed(events);
  // Only a gone association needs a look at the datashare to name its cause and remedy.
  const gone = refreshed.filter((r) => r.live === undefined && typeOf(r) === "DataShareConsumer");
  if (gone.length > 0) context.progress(`checking why ${gone.length} association(s) disappeared…`);
  const causes = await lookUpGoneCauses(gone, {
    env: context.env,
    warn: (m) => context.progress(`warning: ${m}`),
    stackConfig: async () => {
      const all = JSON.parse((await pulumi.run(["config", "--json", ...stackArgs])).stdout) as Record<
        string,
        { value?: string }
      >;
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
    `checked ${report.resources} datashare resources in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return report;
}

/** `pulumi refresh` with an event log in a private temp file, read back as engine events. */
async function refreshEvents(pulumi: PulumiCli, mode: string[], stackArgs: string[]): Promise<EngineEvent[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "rds-drift-"));
  const log = path.join(dir, `events-${randomUUID()}.jsonl`);
  try {
    await pulumi.run(["refresh", ...mode, ...stackArgs, "--event-log", log]);
    return fs
      .readFileSync(log, "utf8")
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as EngineEvent);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Resource counts from the stored state, for the progress line (the stack resource itself excluded). */
function countResources(state: { deployment?: { resources?: { type?: string }[] } }): {
  all: number;
  consumers: number;
  authorizations: number;
} {
  const resources = state.deployment?.resources ?? [];
  return {
    all: resources.filter((r) => r.type !== "pulumi:pulumi:Stack" && !r.type?.startsWith("pulumi:providers:"))
      .length,
    consumers: resources.filter((r) => checkedType(r.type) === "DataShareConsumer").length,
    authorizations: resources.filter((r) => checkedType(r.type) === "DataShareAuthorization").length,
  };
}
