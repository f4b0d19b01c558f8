/**
 * The main job (`npm start`): builds the package when dist/ is missing or older than a source
 * (the root project's program loads it), starts the local Redshift emulator, runs the plain
 * `pulumi up --refresh` of the root project (Pulumi.yaml, index.ts) on a local stack, prints the
 * outputs and the drift check (`pulumi-redshift-datashare drift`), then stops the emulator. State
 * (the emulator's and Pulumi's) lives under .pulumi/, so a second run finds everything in place
 * and changes nothing.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { startEmulator } from "../emulator";
import { runDrift } from "../cli/drift/run";
import { packageRoot } from "../harness/pulumiCli";
import { PulumiStack } from "../harness/pulumiStack";
import { distStaleness } from "../harness/distFreshness";

const REGION = "us-east-1";

async function main(): Promise<void> {
  const root = packageRoot();
  const stale = distStaleness(root);
  if (stale) {
    console.error(`building the package: ${stale}`);
    execFileSync("npm", ["run", "build", "--silent"], { cwd: root, stdio: ["ignore", 2, 2] });
  }
  // Overrides let the tests run the main job without touching the developer's own stack.
  const work = process.env.RDS_MAIN_WORK_DIR ?? path.join(root, ".pulumi");
  const stackName = process.env.RDS_MAIN_STACK ?? "local";
  const emulator = await startEmulator({
    seed: path.join(root, "emulator", "seeds", "default.json"),
    stateFile: path.join(work, "emulator-state.json"),
  });
  try {
    console.error(`emulator listening at ${emulator.endpoint}`);
    const consumer = emulator.credentials("consumer");
    const stack = await PulumiStack.init({
      projectDir: root,
      stackName,
      stateDir: path.join(work, "state"),
      homeDir: path.join(work, "home"),
      env: {
        AWS_ACCESS_KEY_ID: consumer.accessKeyId,
        AWS_SECRET_ACCESS_KEY: consumer.secretAccessKey,
        AWS_REGION: REGION,
        AWS_ENDPOINT_URL: emulator.endpoint,
      },
    });
    await stack.setConfig({
      "aws:region": REGION,
      "redshift-datashare:dataShareArn": emulator.dataShareArn("sales"),
      "redshift-datashare:consumerArn": emulator.namespaceArn("consumer", 0),
    });

    // --refresh: the emulator's state file may have been removed since the last run.
    const up = await stack.up(["--refresh"]);
    process.stderr.write(up.stdout);
    const changes = up.events.find((e) => e.summaryEvent)?.summaryEvent?.resourceChanges ?? {};
    console.log(`pulumi up: succeeded (${describeChanges(changes)})`);
    console.log("outputs:");
    for (const [key, value] of Object.entries(await stack.outputs())) {
      console.log(`  ${key}: ${JSON.stringify(value)}`);
    }

    // The same check as `pulumi-redshift-datashare drift --stack <name>` in CI.
    const env = await stack.env();
    const report = await runDrift(
      { command: "drift", stack: stackName, cwd: root, json: false, refresh: false },
      { env, progress: (m) => console.error(m), now: () => new Date() },
    );
    const drifted = report.drifted.map((d) => `${d.resource}.${d.property}: ${d.kind}`);
    console.log(
      drifted.length === 0
        ? `drift check: no drift (${report.resources} association(s) match the account)`
        : `drift check: ${drifted.length} drifted (${drifted.join("; ")})`,
    );
  } finally {
    await emulator.stop();
  }
}

function describeChanges(changes: Record<string, number>): string {
  const parts = Object.entries(changes).map(([op, n]) => `${op} ${n}`);
  return parts.length > 0 ? parts.join(", ") : "no changes";
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
