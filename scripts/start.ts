/**
 * The main job (`npm start`): starts the local Redshift emulator, runs `pulumi up` of the root
 * program (Pulumi.yaml) on a local stack, prints the outputs and a one-line drift check, then
 * stops the emulator. State (the emulator's and Pulumi's) lives under .pulumi/, so a second run
 * finds everything in place and changes nothing.
 */
import * as path from "node:path";
import { LocalWorkspace } from "@pulumi/pulumi/automation";
import { startEmulator } from "../emulator";
import { runDrift } from "../cli/drift/run";
import { programFromModule } from "../cli/inlineProgram";
import { offlineEnv } from "../cli/offlineEnv";
import { packageRoot, pulumiCommand } from "../cli/pulumiCli";

const REGION = "us-east-1";

async function main(): Promise<void> {
  const root = packageRoot();
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
    const env = {
      ...offlineEnv({ stateDir: path.join(work, "state"), homeDir: path.join(work, "home") }),
      AWS_ACCESS_KEY_ID: consumer.accessKeyId,
      AWS_SECRET_ACCESS_KEY: consumer.secretAccessKey,
      AWS_REGION: REGION,
      REDSHIFT_DATASHARE_ENDPOINT: emulator.endpoint,
    };
    const stack = await LocalWorkspace.createOrSelectStack(
      {
        stackName,
        projectName: "redshift-datashare",
        program: programFromModule(path.join(root, "examples", "namespace")),
      },
      { workDir: root, envVars: env, pulumiCommand: await pulumiCommand() },
    );
    await stack.setAllConfig({
      "aws:region": { value: REGION },
      "redshift-datashare:dataShareArn": { value: emulator.dataShareArn("sales") },
      "redshift-datashare:consumerArn": { value: emulator.namespaceArn("consumer", 0) },
    });

    // refresh first: the emulator's state file may have been removed since the last run.
    const up = await stack.up({ refresh: true, onOutput: (text) => process.stderr.write(text) });
    console.log(`pulumi up: ${up.summary.result} (${describeChanges(up.summary.resourceChanges)})`);
    console.log("outputs:");
    for (const [key, output] of Object.entries(up.outputs)) {
      console.log(`  ${key}: ${JSON.stringify(output.value)}`);
    }

    // The same check as `pulumi-redshift-datashare drift`, which reads its settings from the
    // environment, as it would in CI.
    Object.assign(process.env, env);
    const report = await runDrift(
      { command: "drift", stack: stackName, cwd: root, json: false, refresh: false },
      { env: process.env, progress: (m) => console.error(m), now: () => new Date() },
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

function describeChanges(changes: Record<string, number> | undefined): string {
  const parts = Object.entries(changes ?? {}).map(([op, n]) => `${op} ${n}`);
  return parts.length > 0 ? parts.join(", ") : "no changes";
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
