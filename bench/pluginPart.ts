/** The plugin part (`--only plugin`): its `pulumi up` and state per resource; summary in docs/plugin.md. */
import { startEmulator } from "../emulator";
import { removeGeneratedSdks } from "../harness/pluginSdks";
import { bytes, markdownTable, ms, s } from "./format";
import type { Kind } from "./kinds";
import type { Log, Part, Report } from "./report";
import { buildBenchSeed } from "./seed";
import { runStack } from "./stack";
import { marginal, median } from "./stats";

const pluginPlan = (quick: boolean) => ({
  kinds: ["plugin", "DataShareConsumer", "no-op, same properties"] as Kind[],
  sizes: quick ? [1, 2] : [1, 100],
  repeat: quick ? 1 : 3,
});
type PluginPlan = ReturnType<typeof pluginPlan>;
type Samples = { samples: { kind: Kind; n: number; upMs: number; stateBytes: number }[] };

async function measurePlugin(plan: PluginPlan, log: Log): Promise<Samples> {
  const seed = buildBenchSeed({ namespaces: Math.max(...plan.sizes), dataShares: 1 });
  const emulator = await startEmulator({ seed });
  const samples: Samples["samples"] = [];
  try {
    for (let r = 0; r < plan.repeat; r++)
      for (const n of plan.sizes)
        for (const kind of plan.kinds) {
          const at = { emulator, kind, n, dataShares: 1, noopLatencyMs: 0 };
          const { steps, stateBytes } = await runStack({ ...at, steps: ["up", "destroy"] });
          const [up, destroy] = [steps.up, steps.destroy];
          if (up?.exitCode !== 0 || up.failedOps !== 0 || destroy?.exitCode !== 0)
            throw new Error(`${kind} N=${n} failed`);
          log(`  ${kind} N=${n}: up ${s(up.ms)}, state ${stateBytes} B`);
          samples.push({ kind, n, upMs: up.ms, stateBytes });
        }
    return { samples };
  } finally {
    await emulator.stop();
    removeGeneratedSdks();
  }
}

function summarizePlugin(plan: PluginPlan, m: Samples) {
  const of = (kind: Kind, n: number) => m.samples.filter((x) => x.kind === kind && x.n === n);
  const [small, large] = [plan.sizes[0], plan.sizes[plan.sizes.length - 1]];
  const rows = plan.kinds.map((kind) => {
    const [up1Ms, up100Ms] = [small, large].map((n) => median(of(kind, n).map((x) => x.upMs)));
    const marginalUpMs = marginal({ n: small, ms: up1Ms }, { n: large, ms: up100Ms });
    const stateBytesPerResource = median(of(kind, large).map((x) => x.stateBytes)) / large;
    return { kind, up1Ms, up100Ms, marginalUpMs, stateBytesPerResource };
  });
  return { rows };
}

type PluginReport = Report<PluginPlan, Samples, ReturnType<typeof summarizePlugin>>;

function brief(r: PluginReport): string {
  const { machine: m, load, plan } = r;
  const [plugin, ...others] = r.summary.rows;
  const whose = (kind: Kind) =>
    kind === "DataShareConsumer" ? "the dynamic provider's" : "a dynamic no-op's";
  const saved = (o: typeof plugin) =>
    Math.round((1 - plugin.stateBytesPerResource / o.stateBytesPerResource) * 100);
  const smaller = others.map((o) => `${saved(o)}% smaller than ${whose(o.kind)}`);
  const single = r.measurements.samples.filter((x) => x.n === plan.sizes[0]).map((x) => x.upMs);
  return [
    `Run of ${r.date.slice(0, 10)} (${Math.round(r.durationS)} s), load average ${load.min.toFixed(1)} to ${load.max.toFixed(1)}: ` +
      `${m.cpu}, ${m.cores} cores, Node ${m.node}, Pulumi CLI ${m.pulumiCli}, no modelled latency, ` +
      `N=${plan.sizes[plan.sizes.length - 1]} associations over one datashare, median of ${plan.repeat}.`,
    "",
    markdownTable(pluginPart.header, pluginPart.rows(r)),
    "",
    `The plugin's state per resource is ${smaller.join(", ")}. Single runs of one kind at ` +
      `N=${plan.sizes[0]} took ${s(Math.min(...single))} to ${s(Math.max(...single))}.`,
  ].join("\n");
}

export const pluginPart: Part<PluginPlan, Samples, ReturnType<typeof summarizePlugin>> = {
  plan: pluginPlan,
  measure: measurePlugin,
  summarize: summarizePlugin,
  title: (plan) =>
    `Plugin: \`pulumi up\` at N = ${plan.sizes.join(", ")}, no modelled latency, median of ${plan.repeat}.`,
  header: ["kind", "up, N=1", "up, N=100", "marginal up per resource", "state per resource (total / 100)"],
  rows: ({ summary }) =>
    summary.rows.map((r) => [
      r.kind,
      s(r.up1Ms),
      s(r.up100Ms),
      ms(r.marginalUpMs),
      bytes(r.stateBytesPerResource),
    ]),
  brief,
};
