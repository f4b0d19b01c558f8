/**
 * `npm run bench:plugin`: the provider plugin's marginal `pulumi up` per resource and state bytes
 * per resource, beside the dynamic provider's and the no-op floor's (a dynamic resource declaring
 * the same properties), measured in one run against one emulator with no modelled latency.
 * Each figure is the median of `--repeat` runs (default 3), the three kinds interleaved, each run a
 * fresh stack and CLI. Prints a Markdown table and writes bench/plugin-results.json.
 *
 *   node -r ts-node/register/transpile-only bench/pluginScale.ts [--repeat <n>] [--out <file>]
 *
 * Needs `npm run build` first (the packed package is what the projects install).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { startEmulator } from "../emulator";
import { PulumiStack } from "../harness/pulumiStack";
import { createUserProject } from "../harness/userProject";
import { pluginInstall, pluginPath } from "../harness/pluginProjects";
import { generateSdk, removeGeneratedSdks } from "../harness/pluginSdks";
import { BenchStack, createBenchStack, stateFileBytes, timeStep } from "./benchStack";
import { describeMachine, sampleLoad } from "./machine";
import { AssociationPlan, buildBenchSeed, consumerEnv, planAssociations } from "./seed";
import { marginal, median } from "./stats";

type Kind = "plugin" | "DataShareConsumer" | "no-op, same properties";
const KINDS: Kind[] = ["plugin", "DataShareConsumer", "no-op, same properties"];
const SIZES = [1, 100] as const;

async function pluginBenchStack(plans: AssociationPlan[], env: Record<string, string>): Promise<BenchStack> {
  const { install, pluginDir } = await pluginInstall();
  const projectDir = createUserProject(install, {
    name: "rds-bench-plugin",
    files: {
      "Pulumi.yaml": JSON.stringify({
        name: "rds-bench-plugin",
        runtime: "nodejs",
        ...pluginPath(pluginDir),
      }),
      "index.ts": fs.readFileSync(path.join(__dirname, "program", "plugin.ts"), "utf8"),
    },
  });
  fs.cpSync(await generateSdk(pluginDir, "nodejs"), path.join(projectDir, "sdks", "redshift-datashare"), {
    recursive: true,
  });
  const stack = await PulumiStack.init({ projectDir, env: { PULUMI_NODEJS_TRANSPILE_ONLY: "true", ...env } });
  await stack.setConfig({ bench: JSON.stringify({ plans }) });
  return { kind: "DataShareConsumer", stack };
}

interface Sample {
  kind: Kind;
  n: number;
  upMs: number;
  stateBytes: number;
}

async function measure(kind: Kind, plans: AssociationPlan[], env: Record<string, string>): Promise<Sample> {
  const t =
    kind === "plugin"
      ? await pluginBenchStack(plans, env)
      : await createBenchStack(kind, plans, { ...env, BENCH_NOOP_LATENCY_MS: "0" });
  try {
    const up = await timeStep(t, "up");
    if (up.exitCode !== 0 || up.failedOps !== 0) throw new Error(`${kind} up of ${plans.length} failed`);
    const stateBytes = stateFileBytes(t);
    const down = await timeStep(t, "destroy");
    if (down.exitCode !== 0) throw new Error(`${kind} destroy of ${plans.length} failed`);
    return { kind, n: plans.length, upMs: up.ms, stateBytes };
  } finally {
    fs.rmSync(t.stack.projectDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: { repeat: { type: "string", default: "3" }, out: { type: "string" } },
  });
  const repeat = Number(values.repeat);
  const out = values.out ?? path.join(__dirname, "plugin-results.json");
  const started = Date.now();
  const emulator = await startEmulator({ seed: buildBenchSeed({ namespaces: 100, dataShares: 1 }) });
  const samples: Sample[] = [];
  const load = sampleLoad();
  try {
    const env = consumerEnv(emulator);
    for (let r = 0; r < repeat; r++) {
      for (const n of SIZES) {
        for (const kind of KINDS) {
          const sample = await measure(kind, planAssociations(emulator, n, 1), env);
          console.error(
            `${kind} n=${n}: up ${(sample.upMs / 1000).toFixed(2)} s, state ${sample.stateBytes} B`,
          );
          samples.push(sample);
        }
      }
    }
  } finally {
    await emulator.stop();
    removeGeneratedSdks();
  }
  const at = (kind: Kind, n: number) => samples.filter((s) => s.kind === kind && s.n === n);
  const rows = KINDS.map((kind) => {
    const up = Object.fromEntries(SIZES.map((n) => [n, median(at(kind, n).map((s) => s.upMs))]));
    const large = SIZES[SIZES.length - 1];
    return {
      kind,
      up1Ms: up[1],
      up100Ms: up[large],
      marginalUpMs: marginal({ n: 1, ms: up[1] }, { n: large, ms: up[large] }),
      stateBytesPerResource: median(at(kind, large).map((s) => s.stateBytes)) / large,
    };
  });
  const table = [
    "| kind | up, N=1 | up, N=100 | marginal up per resource | state per resource (total / 100) |",
    "| --- | --- | --- | --- | --- |",
    ...rows.map(
      (r) =>
        `| ${r.kind} | ${(r.up1Ms / 1000).toFixed(2)} s | ${(r.up100Ms / 1000).toFixed(2)} s | ` +
        `${r.marginalUpMs.toFixed(2)} ms | ${Math.round(r.stateBytesPerResource)} B |`,
    ),
  ].join("\n");
  const loadAverage = load.stop();
  const machine = await describeMachine();
  const durationS = (Date.now() - started) / 1000;
  const report = { machine, loadAverage, repeat, durationS, rows, samples };
  fs.writeFileSync(out, JSON.stringify(report, null, 2) + "\n");
  console.log(
    `${machine.cpu}, ${machine.cores} cores; Node ${machine.node}; Pulumi CLI ${machine.pulumiCli}. ` +
      `Load average (1 min) min ${loadAverage.min.toFixed(2)}, median ${loadAverage.median.toFixed(2)}, ` +
      `max ${loadAverage.max.toFixed(2)}; median of ${repeat}; ${durationS.toFixed(0)} s.\n\n${table}`,
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exit(1);
});
