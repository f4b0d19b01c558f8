/**
 * Profiles the in-process overhead measurement: the provider side and the SDK side each run the
 * same create → read → delete cycles under the CPU profiler, and the self time per package is set
 * side by side (µs per operation). The emulator runs in this process too, so its share shows.
 *
 *   node -r ts-node/register/transpile-only bench/profileOverhead.ts [--reps 1000] [--out <dir>]
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";
import { startEmulator } from "../emulator";
import { profile, selfTimeByBucket } from "./cpuProfile";
import { measureProviderOverhead, OPERATIONS, OverheadResult } from "./providerOverhead";
import { buildBenchSeed } from "./seed";
import { median } from "./stats";

function addInto(total: Map<string, number>, add: Map<string, number>): void {
  for (const [key, v] of add) total.set(key, (total.get(key) ?? 0) + v);
}

/** A Markdown table of self time per operation on both sides, largest extra cost of the provider first. */
function printComparison(
  title: string,
  sides: Record<"provider" | "sdk", Map<string, number>>,
  ops: number,
  top: number,
) {
  const keys = [...new Set([...sides.provider.keys(), ...sides.sdk.keys()])];
  const rows = keys
    .map((key) => {
      const p = ((sides.provider.get(key) ?? 0) * 1000) / ops;
      const s = ((sides.sdk.get(key) ?? 0) * 1000) / ops;
      return { key, p, s, d: p - s };
    })
    .filter((r) => Math.abs(r.p) >= 1 || Math.abs(r.s) >= 1)
    .sort((a, b) => b.d - a.d)
    .slice(0, top);
  console.log(`| ${title} | provider | SDK | provider − SDK |\n| --- | --- | --- | --- |`);
  for (const r of rows)
    console.log(`| ${r.key} | ${r.p.toFixed(1)} | ${r.s.toFixed(1)} | ${r.d.toFixed(1)} |`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    options: {
      reps: { type: "string", default: "1000" },
      rounds: { type: "string", default: "10" },
      out: { type: "string" },
      "sdk-retry-mode": { type: "string" },
    },
  });
  const rounds = Number(values.rounds);
  const reps = Math.ceil(Number(values.reps) / rounds) * rounds;
  const warmup = 20;
  const out = values.out ?? fs.mkdtempSync(path.join(os.tmpdir(), "rds-bench-profile-"));
  const emulator = await startEmulator({ seed: buildBenchSeed({ namespaces: 1, dataShares: 1 }) });
  try {
    const sdkClient = values["sdk-retry-mode"] ? { retryMode: values["sdk-retry-mode"], maxAttempts: 3 } : {};
    const sides = ["provider", "sdk"] as const;
    const profiles = { provider: new Map<string, number>(), sdk: new Map<string, number>() };
    const functions = { provider: new Map<string, number>(), sdk: new Map<string, number>() };
    const medians = { provider: [] as number[], sdk: [] as number[] };
    // Short alternating rounds, so a change in machine load lands on both sides alike.
    for (let round = 0; round < rounds; round++) {
      for (const side of round % 2 === 0 ? sides : [...sides].reverse()) {
        let result: OverheadResult | undefined;
        const cpu = await profile(async () => {
          result = await measureProviderOverhead({
            emulator,
            reps: reps / rounds,
            warmup,
            only: side,
            sdkClient,
          });
        });
        fs.writeFileSync(path.join(out, `${side}-${round}.cpuprofile`), JSON.stringify(cpu));
        addInto(profiles[side], selfTimeByBucket(cpu));
        addInto(functions[side], selfTimeByBucket(cpu, true));
        const op = result!.operations.create;
        medians[side].push(side === "provider" ? op.providerMs : op.sdkMs);
      }
    }
    const ops = (reps + warmup * rounds) * OPERATIONS.length;
    console.log(
      `create medians under the profiler: provider ${median(medians.provider).toFixed(3)} ms, SDK ${median(medians.sdk).toFixed(3)} ms` +
        (values["sdk-retry-mode"] ? ` (SDK client retryMode ${values["sdk-retry-mode"]})` : ""),
    );
    console.log(`Self time per operation (µs), ${ops} operations per side; profiles in ${out}\n`);
    printComparison("Where", profiles, ops, 100);
    console.log("");
    printComparison("Function (largest differences)", functions, ops, 20);
  } finally {
    await emulator.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
