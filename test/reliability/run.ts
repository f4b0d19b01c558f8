/**
 * `npm run reliability`: runs the reliability scenarios against the emulator with the real Pulumi
 * CLI and prints what was injected, what was sent and what was lost. Exit codes: 0 every check
 * passed, 1 a check failed, 2 bad arguments.
 */
import * as fs from "node:fs";
import { RunArgsError, USAGE, parseRunArgs } from "./runArgs";
import { planScenarios, sizesFor } from "./scenario/plan";
import { ScenarioReport, failedChecks } from "./scenario/report";
import { formatSummary } from "./scenario/summary";

async function main(): Promise<number> {
  let options;
  try {
    options = parseRunArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof RunArgsError) {
      console.error(`${e.message}\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  const plan = planScenarios(sizesFor(options.size));
  const unknown = options.only.filter((id) => !plan.some((p) => p.id === id));
  if (unknown.length > 0) {
    console.error(`unknown scenario(s): ${unknown.join(", ")}\n${USAGE}`);
    return 2;
  }
  const started = Date.now();
  const reports: ScenarioReport[] = [];
  for (const scenario of plan.filter((p) => options.only.length === 0 || options.only.includes(p.id))) {
    process.stderr.write(`running ${scenario.id}...\n`);
    const report = await scenario.run();
    reports.push(report);
    process.stderr.write(
      `  ${failedChecks(report).length === 0 ? "passed" : "FAILED"} in ${report.seconds.toFixed(1)}s\n`,
    );
  }
  console.log(formatSummary(reports));
  console.log(`  total wall time: ${((Date.now() - started) / 1000).toFixed(1)}s (size ${options.size})`);
  if (options.json) fs.writeFileSync(options.json, JSON.stringify(reports, null, 2));
  return reports.every((r) => failedChecks(r).length === 0) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exit(1);
  },
);
