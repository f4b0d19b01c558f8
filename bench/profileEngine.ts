/**
 * Where `pulumi up` of N resources spends its time, DataShareConsumer against the no-op floor:
 * wall time; CPU of this process (the inline program, the SDK's language server and the Automation
 * API); CPU of the child processes (the Go CLI and engine, the provider host), from
 * /proc/self/stat; and a CPU profile of the provider host with its self time per package, plus
 * one of this process. Node refuses --cpu-prof in NODE_OPTIONS, so the host is profiled by a
 * preloaded script (NODE_OPTIONS=--require, passed through the CLI's environment) that starts the
 * V8 profiler and writes the profile when the engine stops the host (SIGINT, then SIGKILL after a
 * grace period) or when it exits.
 *
 *   node -r ts-node/register/transpile-only bench/profileEngine.ts [--n 100]
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { startEmulator } from "../emulator";
import { createBenchStack, RESOURCE_KINDS, ResourceKind } from "./benchStack";
import { CpuProfile, profile, selfTimeByBucket } from "./cpuProfile";
import { buildBenchSeed, consumerEnv, planAssociations } from "./seed";
import { nowMs } from "./stats";

/** CPU milliseconds of reaped child processes (cutime + cstime of /proc/self/stat). */
function childrenCpuMs(): number {
  const fields = fs.readFileSync("/proc/self/stat", "utf8").split(") ")[1].split(" ");
  // After the ") " the fields start at #3 (state); cutime and cstime are #16 and #17.
  const ticks = Number(fields[16 - 3]) + Number(fields[17 - 3]);
  return (ticks * 1000) / 100; // USER_HZ is 100 on Linux
}

/** Plain JavaScript preloaded into every node the CLI starts; only the provider host profiles itself. */
function hostProfilerSource(dir: string): string {
  return `"use strict";
if (process.argv.some((a) => a.includes("dynamic-provider"))) {
  const inspector = require("node:inspector");
  const fs = require("node:fs");
  const session = new inspector.Session();
  session.connect();
  session.post("Profiler.enable");
  session.post("Profiler.setSamplingInterval", { interval: 100 });
  session.post("Profiler.start");
  let written = false;
  const write = () => {
    if (written) return;
    written = true;
    // Same-thread inspector sessions answer synchronously, so this works inside a signal handler.
    session.post("Profiler.stop", (err, res) => {
      if (!err) fs.writeFileSync(${JSON.stringify(dir)} + "/host-" + process.pid + ".cpuprofile", JSON.stringify(res.profile));
    });
  };
  process.on("exit", write);
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => { write(); process.exit(0); });
}
`;
}

/** The provider host's profile (one host per `pulumi up`). */
function hostProfile(dir: string): CpuProfile {
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".cpuprofile"))
    .map((f) => path.join(dir, f));
  if (files.length === 0) throw new Error(`the provider host wrote no profile into ${dir}`);
  const largest = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0];
  return JSON.parse(fs.readFileSync(largest, "utf8")) as CpuProfile;
}

interface EngineProfile {
  kind: ResourceKind;
  wallMs: number;
  ownCpuMs: number;
  childrenCpuMs: number;
  host: Map<string, number>;
  own: Map<string, number>;
}

async function profileUp(
  kind: ResourceKind,
  n: number,
  dataShares: number,
  out: string,
): Promise<EngineProfile> {
  const emulator = await startEmulator({
    seed: buildBenchSeed({ namespaces: Math.ceil(n / dataShares), dataShares }),
  });
  const hostDir = path.join(out, `host-${kind.replace(/[^a-z0-9]+/gi, "-")}`);
  fs.mkdirSync(hostDir, { recursive: true });
  const preload = path.join(hostDir, "profile-host.js");
  fs.writeFileSync(preload, hostProfilerSource(hostDir));
  const env = { ...consumerEnv(emulator), NODE_OPTIONS: `--require ${preload}` };
  const t = await createBenchStack(kind, planAssociations(emulator, n, dataShares), env);
  try {
    const cpuBefore = process.cpuUsage();
    const childrenBefore = childrenCpuMs();
    const start = nowMs();
    const own = await profile(async () => {
      await t.stack.up();
    });
    const wallMs = nowMs() - start;
    const cpu = process.cpuUsage(cpuBefore);
    fs.writeFileSync(
      path.join(out, `program-${kind.replace(/[^a-z0-9]+/gi, "-")}.cpuprofile`),
      JSON.stringify(own),
    );
    return {
      kind,
      wallMs,
      ownCpuMs: (cpu.user + cpu.system) / 1000,
      childrenCpuMs: childrenCpuMs() - childrenBefore,
      host: selfTimeByBucket(hostProfile(hostDir)),
      own: selfTimeByBucket(own),
    };
  } finally {
    await t.dispose();
    await emulator.stop();
  }
}

function printBuckets(
  title: string,
  p: EngineProfile[],
  pick: (e: EngineProfile) => Map<string, number>,
): void {
  const keys = [...new Set(p.flatMap((e) => [...pick(e).keys()]))];
  const rows = keys
    .map((key) => ({ key, values: p.map((e) => pick(e).get(key) ?? 0) }))
    .filter((r) => r.values.some((v) => v >= 20))
    // largest excess of the first kind (DataShareConsumer) over the second (no-op) first
    .sort((a, b) => b.values[0] - b.values[1] - (a.values[0] - a.values[1]));
  console.log(
    `\n| ${title} (self ms) | ${p.map((e) => e.kind).join(" | ")} |\n| --- | ${p.map(() => "---").join(" | ")} |`,
  );
  for (const r of rows) console.log(`| ${r.key} | ${r.values.map((v) => v.toFixed(0)).join(" | ")} |`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: { n: { type: "string", default: "100" }, out: { type: "string" } },
  });
  const n = Number(values.n);
  const out = values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), "rds-bench-engine-profile-"));
  const profiles: EngineProfile[] = [];
  const kinds: ResourceKind[] = [...RESOURCE_KINDS, "no-op, same properties"];
  for (const kind of kinds) profiles.push(await profileUp(kind, n, 4, out));
  console.log(`pulumi up of N=${n}; profiles in ${out}\n`);
  console.log(
    `| | ${profiles.map((e) => e.kind).join(" | ")} |\n| --- | ${profiles.map(() => "---").join(" | ")} |`,
  );
  console.log(`| wall | ${profiles.map((e) => `${e.wallMs.toFixed(0)} ms`).join(" | ")} |`);
  console.log(
    `| CPU, this process (program, language server) | ${profiles.map((e) => `${e.ownCpuMs.toFixed(0)} ms`).join(" | ")} |`,
  );
  console.log(
    `| CPU, children (CLI/engine + provider host) | ${profiles.map((e) => `${e.childrenCpuMs.toFixed(0)} ms`).join(" | ")} |`,
  );
  const hostTotal = (e: EngineProfile) =>
    [...e.host.values()].filter((_, i) => i >= 0).reduce((a, b) => a + b, 0);
  console.log(
    `| provider host, profiled time (incl. idle) | ${profiles.map((e) => `${hostTotal(e).toFixed(0)} ms`).join(" | ")} |`,
  );
  printBuckets("Provider host", profiles, (e) => e.host);
  printBuckets("This process", profiles, (e) => e.own);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
