/**
 * `npm run test:aws` as a user runs it: a separate process, settings from the environment,
 * profiles from the shared AWS files, pointed at the emulator through AWS_ENDPOINT_URL.
 */
import { strict as assert } from "node:assert";
import { spawn, type ChildProcess } from "node:child_process";
import { API_BEHAVIOURS } from "../../emulator";
import { grantOf, probeEnv, useProbeEmulator } from "./probeHarness";

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The script `npm run test:aws` runs, with only these settings (nothing of this process's AWS_*). */
function startProbe(env: Record<string, string>): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "-r", "./harness/quietAwsSdk.ts", "test/aws/run.ts"],
    { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env }, stdio: "pipe" },
  );
  let stdout = "";
  let stderr = "";
  child.stdout?.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run>((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
  return { child, done };
}

describe("npm run test:aws as a separate process", function () {
  this.timeout(120_000);
  const emu = useProbeEmulator();
  beforeEach(async () => {
    emu().setFaults({});
    emu().resetRequestCounts();
    await emu().admin.reset();
  });

  it("without its settings, lists what it needs and exits 2 without calling anything", async () => {
    const { code, stdout, stderr } = await startProbe({}).done;
    assert.equal(code, 2);
    assert.equal(stdout, "");
    for (const name of [
      "RDS_AWS_PRODUCER_PROFILE",
      "RDS_AWS_CONSUMER_PROFILE",
      "RDS_AWS_DATASHARE_ARN",
      "RDS_AWS_CONSUMER_NAMESPACE_ARN",
    ]) {
      assert.match(stderr, new RegExp(`${name}: \\S`), name);
    }
    assert.doesNotMatch(stderr, /at .*\.ts:\d+/, "no stack trace");
  });

  it("runs end to end against the emulator: prints every answer as JSON, exits 0, leaves the share as it was", async () => {
    const before = grantOf(emu(), "marketing");
    const { code, stdout, stderr } = await startProbe(probeEnv(emu(), "marketing")).done;
    assert.equal(code, 0, stderr);
    const report = JSON.parse(stdout) as { answers: Record<string, string>; behaviours: object };
    assert.equal(report.answers.repeatAssociate, "succeed");
    const apiDefaults = Object.assign({}, ...API_BEHAVIOURS.map((b) => b.settings(b.default, "us-east-1")));
    assert.deepEqual(report.behaviours, apiDefaults);
    assert.match(stderr, /restoring the start state/);
    assert.deepEqual(grantOf(emu(), "marketing"), before);
  });

  it("on Ctrl-C in the middle, puts the start state back and exits 130", async () => {
    const before = grantOf(emu(), "marketing");
    emu().setFaults({ latencyMs: 40 });
    const { child, done } = startProbe(probeEnv(emu(), "marketing"));
    // Interrupt once the consumer has associated: the probe has changed something by then.
    while ((emu().requestCounts().AssociateDataShareConsumer ?? 0) === 0) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill("SIGINT");
    const { code, stdout, stderr } = await done;
    assert.equal(code, 130, stderr);
    assert.equal(stdout, "");
    assert.match(stderr, /start state restored after the interruption/);
    assert.deepEqual(grantOf(emu(), "marketing"), before);
  });
});
