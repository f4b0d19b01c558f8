import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pulumiExecutable } from "../../harness/pulumiCli";
import { PulumiStack } from "../../harness/pulumiStack";
import type { DataShareConsumerArgs } from "../../sdk";
import { authorizedShare, Emulator, outOfBand, startSeededEmulator } from "../../harness/emulatorFixture";
import { consumersStack, defaultInstall } from "../../harness/userStacks";
import { CliRun, installedBin, runCli } from "./cliProcess";
import { assertReportShape } from "./reportShape";

/** Extra datashares made by the producer for this test, each authorized to the consumer. */
const EXTRA = [
  { name: "d_deauth", writes: false },
  { name: "d_reject", writes: false },
  { name: "d_cwrites", writes: true },
  { name: "d_pwrites", writes: true },
  { name: "d_drop", writes: false },
  { name: "d_super", writes: false },
  { name: "d_ok", writes: false },
];

/**
 * One stack with one DataShareConsumer per drift kind, checked by the compiled command in a child
 * process exactly as a CI job runs it: with the `pulumi` found on PATH.
 */
describe("the drift command against a real stack", function () {
  this.timeout(10 * 60 * 1000);
  let emu: Emulator;
  let t: PulumiStack;
  let env: NodeJS.ProcessEnv;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rds-drift-"));

  before(async function () {
    this.timeout(15 * 60 * 1000); // the first run installs the packed package
    await defaultInstall();
    const bin = await installedBin();
    assert.ok(fs.existsSync(bin), `${bin} is missing: the packed package has no bin entry`);
    emu = await startSeededEmulator();
    for (const share of EXTRA) await authorizedShare(emu, share.name, share.writes);
    const ns0 = emu.namespaceArn("consumer", 0);
    const declare = (share: string, extra: { allowWrites?: boolean } = {}): DataShareConsumerArgs => ({
      dataShareArn: emu.dataShareArn(share),
      consumerArn: ns0,
      ...extra,
    });
    t = await consumersStack(emu, {
      handDisassociated: declare("sales"),
      deauthorized: declare("d_deauth"),
      rejected: declare("d_reject"),
      consumerWrites: declare("d_cwrites", { allowWrites: true }),
      producerWrites: declare("d_pwrites", { allowWrites: true }),
      shareDropped: declare("d_drop"),
      superseded: declare("d_super"),
      untouched: declare("d_ok"),
    });
    await t.up();
    env = await t.env();
  });

  after(async () => {
    await t?.dispose().catch(() => undefined);
    await emu?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const drift = (...args: string[]): Promise<CliRun> =>
    runCli(["drift", "--stack", t.name, "--cwd", t.projectDir, ...args], env);

  it("when nothing changed, exits 0 and prints a no-drift table on stdout only", async () => {
    const run = await drift();
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /no drift in 8 DataShareConsumer resources/);
    assert.match(run.stderr, /refreshing \(preview, state untouched\)…/);
    // Counted from the refresh's events: no `pulumi stack export` of its own.
    assert.match(run.stderr, /refreshed 8 resources, 8 DataShareConsumer, 0 DataShareAuthorization/);
    console.log(`      (drift run took ${run.ms} ms)`);
  });

  it("when every kind of drift happened, exits 1 and reports each with its remedy, writing no state", async () => {
    const oob = outOfBand(emu);
    const ns0 = emu.namespaceArn("consumer", 0);
    await oob.disassociate(emu.dataShareArn("sales"), ns0);
    await oob.deauthorize(emu.dataShareArn("d_deauth"));
    await oob.reject(emu.dataShareArn("d_reject"));
    await oob.associate(emu.dataShareArn("d_cwrites"), ns0, false);
    await oob.authorize(emu.dataShareArn("d_pwrites"), false);
    const dropped = emu.dataShareArn("d_drop");
    await emu.admin.dropDataShare(dropped);
    await outOfBandEntireAccount(emu, emu.dataShareArn("d_super"));

    const before = await stateSnapshot(t);
    const summary = path.join(tmp, "summary.md");
    const run = await drift("--json", "--markdown", summary);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assertReportShape(report);
    assert.equal(report.stack, t.name);
    assert.equal(report.mode, "preview");
    assert.equal(report.resources, 8);
    const rows = report.drifted.map((d: Record<string, unknown>) =>
      [d.resource, d.kind, d.property, d.declared, d.live, d.remedy].join(" "),
    );
    assert.deepEqual(rows, [
      "consumerWrites consumer-writes allowWrites true false pulumi-up",
      "deauthorized status status ACTIVE DEAUTHORIZED producer",
      `handDisassociated association-gone status ACTIVE  pulumi-up`,
      "producerWrites producer-writes producerAllowedWrites true false producer",
      "rejected status status ACTIVE REJECTED producer",
      `shareDropped datashare-gone dataShareArn ${dropped}  producer`,
      "superseded superseded status ACTIVE  pulumi-up",
    ]);
    console.log(`      (drift run with 7 drifted resources took ${run.ms} ms)`);
    assert.deepEqual(await stateSnapshot(t), before, "a drift check without --refresh must not write state");
    const md = fs.readFileSync(summary, "utf8");
    assert.match(md, /^## Datashare drift: stack `/);
    assert.match(md, /\| `shareDropped` \| `dataShareArn` \|/);
    assert.ok(
      !run.stdout.includes(env.AWS_SECRET_ACCESS_KEY ?? "??") &&
        !run.stderr.includes(env.AWS_SECRET_ACCESS_KEY ?? "??"),
    );
  });

  it("with --refresh, writes the refreshed state and still reports the drift", async () => {
    const before = await stateSnapshot(t);
    const run = await drift("--refresh");
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /7 of 8 DataShareConsumer resources drifted \(state refreshed\)/);
    const after = await stateSnapshot(t);
    assert.notDeepEqual(after, before);
    const resources = (await t.exportStack()).deployment.resources ?? [];
    assert.ok(
      !resources.some((r) => r.urn.endsWith("::handDisassociated")),
      "the gone association is dropped",
    );
    assert.ok(resources.some((r) => r.urn.endsWith("::untouched")));
  });

  it("when the stack does not exist, exits 2 with the reason on stderr and nothing on stdout", async () => {
    const run = await runCli(["drift", "--stack", "no-such-stack", "--cwd", t.projectDir], env);
    assert.equal(run.code, 2);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /stack "no-such-stack" was not found .*\[ERR_DRIFT_STACK_NOT_FOUND\]/);
    assert.doesNotMatch(run.stderr, /\n\s+at /, "no stack trace");
  });

  it("when the credentials are refused, exits 2 naming the credentials and never printing the secret", async () => {
    const secret = "wrongSecretKeyThatMustNotLeak0123456789";
    const run = await runCli(["drift", "--stack", t.name, "--cwd", t.projectDir], {
      ...env,
      AWS_SECRET_ACCESS_KEY: secret,
    });
    assert.equal(run.code, 2, run.stdout);
    assert.equal(run.stdout, "");
    assert.match(run.stderr, /\[ERR_DRIFT_CREDENTIALS\]/);
    assert.ok(!run.stderr.includes(secret));
  });

  it("runs the pulumi given with --pulumi, wherever it lives, with nothing on PATH", async () => {
    const tools = fs.mkdtempSync(path.join(tmp, "tools-"));
    fs.symlinkSync(await pulumiExecutable(), path.join(tools, "pulumi"));
    const withoutPulumi = {
      ...env,
      PATH: env
        .PATH!.split(path.delimiter)
        .filter((d) => !fs.existsSync(path.join(d, "pulumi")))
        .join(path.delimiter),
    };
    const missing = await runCli(["drift", "--stack", t.name, "--cwd", t.projectDir], withoutPulumi);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no `pulumi` on PATH.*\[ERR_DRIFT_PULUMI_NOT_FOUND\]/);
    const explicit = await runCli(
      ["drift", "--stack", t.name, "--cwd", t.projectDir, "--pulumi", path.join(tools, "pulumi"), "--json"],
      {
        ...withoutPulumi,
        PATH: `${path.dirname(await pulumiExecutable())}${path.delimiter}${withoutPulumi.PATH}`,
      },
    );
    assert.equal(explicit.code, 1, explicit.stderr);
    assert.match(explicit.stderr, new RegExp(`using ${tools}/pulumi v3\\.`));
  });

  it("refuses a Pulumi CLI older than the supported range, before running anything", async () => {
    const old = path.join(fs.mkdtempSync(path.join(tmp, "old-")), "pulumi");
    fs.writeFileSync(old, "#!/bin/sh\necho v3.100.0\n", { mode: 0o755 });
    const run = await runCli(["drift", "--stack", t.name, "--cwd", t.projectDir, "--pulumi", old], env);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /v3\.100\.0.*needs v3\.230\.0 or a later v3 \[ERR_DRIFT_PULUMI_VERSION\]/);
  });
});

/** The consumer switches the datashare to its entire account, which replaces the namespace association. */
async function outOfBandEntireAccount(emu: Emulator, dataShareArn: string): Promise<void> {
  const { AssociateDataShareConsumerCommand, RedshiftClient } = await import("@aws-sdk/client-redshift");
  const client = new RedshiftClient({
    endpoint: emu.endpoint,
    region: "us-east-1",
    credentials: emu.credentials("consumer"),
    maxAttempts: 1,
  });
  await client.send(
    new AssociateDataShareConsumerCommand({ DataShareArn: dataShareArn, AssociateEntireAccount: true }),
  );
}

/** The state file's bytes and modification time: any write shows in one or the other. */
async function stateSnapshot(t: PulumiStack): Promise<{ text: string; mtimes: string }> {
  const files = listFiles(t.stateDir).filter(
    (f) => f.includes(`${path.sep}stacks${path.sep}`) && !f.includes(".bak"),
  );
  const text = files.map((f) => f + "\n" + fs.readFileSync(f, "utf8")).join("\n");
  const mtimes = files.map((f) => `${f} ${fs.statSync(f).mtimeMs}`).join("\n");
  return { text, mtimes };
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}
