import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pulumiExecutable, packageRoot } from "../../../harness/pulumiCli";
import { EngineEvent, PulumiStack } from "../../../harness/pulumiStack";
import { createUserProject } from "../../../harness/userProject";
import { accountEnv, runDrift } from "../../../harness/crossAccount";
import {
  authorizedShare,
  Emulator,
  liveAssociations,
  outOfBand,
  startSeededEmulator,
} from "../../../harness/emulatorFixture";
import {
  consumerOutputs,
  consumersStack,
  defaultInstall,
  failureOf,
  plannedSteps,
  stateOf,
  stepOutcomes,
} from "../../../harness/userStacks";
import { CliRun, installedBin, runCli } from "./cliProcess";
import {
  AUTHORIZATION_KINDS,
  authorizationArgs,
  CONSUMER_KINDS,
  consumerArgs,
  DriftRow,
  PRODUCER_WRITES,
  Step,
} from "./driftKinds";
import { assertReportShape } from "./reportShape";

const CHANGING = new Set(["create", "update", "replace", "create-replacement", "delete", "delete-replaced"]);
/** `pulumi refresh --preview-only --expect-no-changes` exits 7 when the refresh would change state (v3.227+). */
const REFRESH_DRIFT_EXIT = 7;
const NAMES = [...Object.keys(CONSUMER_KINDS), PRODUCER_WRITES.name].sort();

/** Resource name → changing step, from a preview's (resourcePreEvent) or a refresh's (resOutputsEvent) events. */
function changedSteps(events: readonly EngineEvent[], from: "resourcePreEvent" | "resOutputsEvent") {
  const steps = events
    .map((e) => e[from]?.metadata)
    .filter((m) => m !== undefined && CHANGING.has(m.op) && !m.type.startsWith("pulumi:"))
    .map((m) => [m!.urn.split("::").pop() ?? "", m!.op]);
  return Object.fromEntries(steps.sort(([a], [b]) => a.localeCompare(b))) as Record<string, string>;
}

/** `pulumi preview --refresh --expect-no-changes`: its exit code and what it plans to change. */
async function previewCheck(stack: PulumiStack) {
  const run = await stack.runWithEvents(
    ["preview", "--refresh", "--expect-no-changes", "--stack", stack.name],
    {
      allowFailure: true,
    },
  );
  return {
    code: run.code,
    changed: changedSteps(run.events, "resourcePreEvent"),
    output: run.stdout + run.stderr,
  };
}

const CLEAN = { code: 0, changed: {} };
/** A check's verdict without its output. */
const verdict = ({ code, changed }: { code: number; changed: Record<string, string> }) => ({ code, changed });

/** Pulumi's own drift check: its exit code and what the refresh would change in state. */
async function refreshCheck(stack: PulumiStack) {
  const run = await stack.runWithEvents(
    ["refresh", "--preview-only", "--expect-no-changes", "--stack", stack.name],
    { allowFailure: true },
  );
  return { code: run.code, changed: changedSteps(run.events, "resOutputsEvent") };
}

/** The rows' expected steps, without the `same` ones (a check lists only what changes). */
function expectedSteps(
  rows: Record<string, { preview: Step; refreshCheck: Step }>,
  check: "preview" | "refreshCheck",
) {
  return Object.fromEntries(
    Object.entries(rows)
      .filter(([, row]) => row[check] !== "same")
      .map(([name, row]) => [name, row[check]])
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/**
 * Every kind of drift, each once, on one consumer's stack (one DataShareConsumer per kind) and one
 * producer's stack (one DataShareAuthorization per kind), through every check a user's CI has:
 * `preview --refresh --expect-no-changes`, Pulumi's `refresh --preview-only --expect-no-changes`,
 * the package's `drift` command (compiled, found on PATH as `npx` runs it), `refresh`, a plan, an
 * `up` that cannot heal what only the producer can, `up --refresh` once the producer acted, and
 * `destroy`. The rows are in driftKinds.ts; the steps build on each other, so the suite stops at the
 * first failure.
 */
describe("every kind of drift through the plain pulumi CLI, the drift command and Pulumi's refresh check", function () {
  this.timeout(10 * 60 * 1000);
  this.bail(true);
  let emu: Emulator;
  let consumer: PulumiStack;
  let producer: PulumiStack;
  let env: NodeJS.ProcessEnv;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "rds-drift-"));
  /** The consumer account's associations of the consumer stack's datashares (the producer's stack rejects one of its own). */
  const associations = async () => {
    const shares = new Set(
      [...Object.values(CONSUMER_KINDS), PRODUCER_WRITES].map((k) => emu.dataShareArn(k.share)),
    );
    return (await liveAssociations(emu)).filter((a) => shares.has(a.dataShareArn));
  };
  const drift = (...args: string[]): Promise<CliRun> =>
    runCli(["drift", "--stack", consumer.name, "--cwd", consumer.projectDir, ...args], env);

  before(async function () {
    this.timeout(20 * 60 * 1000); // the first run installs the packed package
    const install = await defaultInstall();
    assert.ok(fs.existsSync(await installedBin()), "the packed package has no bin entry");
    emu = await startSeededEmulator();
    for (const kind of Object.values(CONSUMER_KINDS))
      await authorizedShare(emu, kind.share, kind.producerAllowsWrites);
    await authorizedShare(emu, PRODUCER_WRITES.share, true);
    consumer = await consumersStack(emu, {
      ...Object.fromEntries(
        Object.entries(CONSUMER_KINDS).map(([name, kind]) => [name, consumerArgs(emu, kind)]),
      ),
      [PRODUCER_WRITES.name]: {
        dataShareArn: emu.dataShareArn(PRODUCER_WRITES.share),
        consumerArn: emu.namespaceArn("consumer", 0),
        allowWrites: true,
      },
    });
    env = await consumer.env();

    for (const kind of Object.values(AUTHORIZATION_KINDS)) {
      const arn = await emu.admin.createDataShare({
        producerAccount: "producer",
        producerNamespace: 0,
        name: kind.share,
      });
      await emu.admin.grantUsage(arn, emu.accountId("consumer"));
    }
    const program = path.join(packageRoot(), "harness", "programs", "authorizations", "index.ts");
    const projectDir = createUserProject(install, {
      name: "rds-authorizations",
      files: { "index.ts": fs.readFileSync(program, "utf8") },
    });
    producer = await PulumiStack.init({ projectDir, env: accountEnv(emu, "producer") });
    await producer.setConfig({
      authorizations: JSON.stringify(
        Object.fromEntries(
          Object.entries(AUTHORIZATION_KINDS).map(([name, kind]) => [name, authorizationArgs(emu, kind)]),
        ),
      ),
    });
  });

  after(async () => {
    await consumer?.dispose().catch(() => undefined);
    await producer?.dispose().catch(() => undefined);
    await emu?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("up creates every resource ACTIVE or AUTHORIZED", async () => {
    await Promise.all([consumer.up(), producer.up()]);
    for (const name of NAMES) assert.equal((await consumerOutputs(consumer, name)).status, "ACTIVE", name);
  });

  it("with no drift, preview, Pulumi's refresh check and drift all exit 0 on both stacks", async () => {
    for (const stack of [consumer, producer]) {
      assert.deepEqual(await refreshCheck(stack), { code: 0, changed: {} }, stack.name);
      assert.deepEqual(verdict(await previewCheck(stack)), CLEAN, stack.name);
    }
    const run = await drift();
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /no drift in 8 DataShareConsumer resources/);
    assert.match(run.stderr, /refreshing \(preview, state untouched\)…/);
    // Counted from the refresh's events: no `pulumi stack export` of its own.
    assert.match(run.stderr, /refreshed 8 resources, 8 DataShareConsumer, 0 DataShareAuthorization/);
    const producerDrift = await runDrift(producer);
    assert.equal(producerDrift.code, 0);
    assert.deepEqual(producerDrift.report.drifted, []);
  });

  it("when only an output drifted (the producer re-authorized read-only), preview and the refresh check exit 0, drift exits 1", async () => {
    const arn = emu.dataShareArn(PRODUCER_WRITES.share);
    await outOfBand(emu).authorize(arn, false);
    assert.deepEqual(verdict(await previewCheck(consumer)), CLEAN);
    // The engine (v3.248, v3.274.1) decides a refresh step through the provider's diff, not the outputs.
    assert.deepEqual(await refreshCheck(consumer), { code: 0, changed: {} });
    const { code, report } = await runDrift(consumer);
    assert.equal(code, 1);
    assert.deepEqual(
      report.drifted.map((d) => [d.resource, d.kind, d.property, d.declared, d.live, d.remedy]),
      [[PRODUCER_WRITES.name, ...PRODUCER_WRITES.drift]],
    );
    await outOfBand(emu).authorize(arn, true); // the producer heals it: the stack is clean again
    assert.equal((await runDrift(consumer)).code, 0);
  });

  it("on the consumer's stack, every other kind: preview and the refresh check name the step, drift the kind and remedy, no state written", async () => {
    for (const kind of Object.values(CONSUMER_KINDS)) await kind.change?.(emu, emu.dataShareArn(kind.share));
    const preview = await previewCheck(consumer);
    assert.notEqual(preview.code, 0);
    assert.deepEqual(preview.changed, expectedSteps(CONSUMER_KINDS, "preview"));
    // The provider's diff warning reaches the user through the engine, naming who must act.
    assert.match(
      preview.output,
      /is DEAUTHORIZED: the producer \(account \d+\) must authorize the datashare again/,
    );
    const refresh = await refreshCheck(consumer);
    assert.equal(refresh.code, REFRESH_DRIFT_EXIT);
    assert.deepEqual(refresh.changed, expectedSteps(CONSUMER_KINDS, "refreshCheck"));
    // The consumer's changes leave the producer's stack untouched.
    assert.deepEqual(verdict(await previewCheck(producer)), CLEAN);

    const before = await stateSnapshot(consumer);
    const summary = path.join(tmp, "summary.md");
    const run = await drift("--json", "--markdown", summary);
    assert.equal(run.code, 1, run.stderr);
    const report = JSON.parse(run.stdout);
    assertReportShape(report);
    assert.equal(report.stack, consumer.name);
    assert.equal(report.mode, "preview");
    assert.equal(report.resources, 8);
    const row = (d: Record<string, unknown>) =>
      [d.resource, d.kind, d.property, d.declared, d.live ?? "", d.remedy].join(" ");
    const expected = Object.entries(CONSUMER_KINDS)
      .filter(([, kind]) => kind.drift)
      .map(([name, kind]) =>
        [
          name,
          ...(kind.drift as DriftRow).map((v) => (v === "<arn>" ? emu.dataShareArn(kind.share) : v)),
        ].join(" "),
      );
    assert.deepEqual(report.drifted.map(row).sort(), expected.sort());
    assert.deepEqual(
      await stateSnapshot(consumer),
      before,
      "a drift check without --refresh must not write state",
    );
    const md = fs.readFileSync(summary, "utf8");
    assert.match(md, /^## Datashare drift: stack `/);
    assert.match(md, /\| `shareDropped` \| `dataShareArn` \|/);
    const secret = env.AWS_SECRET_ACCESS_KEY ?? "??";
    assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret));
  });

  it("on the producer's stack, preview, the refresh check and drift see a deauthorization, a rejection and a change of writes", async () => {
    for (const kind of Object.values(AUTHORIZATION_KINDS))
      await kind.change?.(emu, emu.dataShareArn(kind.share));
    const preview = await previewCheck(producer);
    assert.notEqual(preview.code, 0);
    assert.deepEqual(preview.changed, expectedSteps(AUTHORIZATION_KINDS, "preview"));
    const refresh = await refreshCheck(producer);
    assert.equal(refresh.code, REFRESH_DRIFT_EXIT);
    assert.deepEqual(refresh.changed, expectedSteps(AUTHORIZATION_KINDS, "refreshCheck"));
    const { code, report } = await runDrift(producer);
    assert.equal(code, 1);
    const kinds = Object.entries(AUTHORIZATION_KINDS)
      .filter(([, kind]) => kind.driftKind)
      .map(([name, kind]) => `${name} ${kind.driftKind}`);
    assert.deepEqual(report.drifted.map((d) => `${d.resource} ${d.kind}`).sort(), kinds.sort());
  });

  it("the drift command's failures exit 2 with the reason on stderr, nothing on stdout, no secret", async () => {
    const missing = await runCli(["drift", "--stack", "no-such-stack", "--cwd", consumer.projectDir], env);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, "");
    assert.match(missing.stderr, /stack "no-such-stack" was not found .*\[ERR_DRIFT_STACK_NOT_FOUND\]/);
    assert.doesNotMatch(missing.stderr, /\n\s+at /, "no stack trace");

    const secret = "wrongSecretKeyThatMustNotLeak0123456789";
    const refused = await runCli(["drift", "--stack", consumer.name, "--cwd", consumer.projectDir], {
      ...env,
      AWS_SECRET_ACCESS_KEY: secret,
    });
    assert.equal(refused.code, 2, refused.stdout);
    assert.equal(refused.stdout, "");
    assert.match(refused.stderr, /\[ERR_DRIFT_CREDENTIALS\]/);
    assert.ok(!refused.stderr.includes(secret));

    const old = path.join(fs.mkdtempSync(path.join(tmp, "old-")), "pulumi");
    fs.writeFileSync(old, "#!/bin/sh\necho v3.100.0\n", { mode: 0o755 });
    const tooOld = await drift("--pulumi", old);
    assert.equal(tooOld.code, 2);
    assert.match(tooOld.stderr, /v3\.100\.0.*needs v3\.230\.0 or a later v3 \[ERR_DRIFT_PULUMI_VERSION\]/);
  });

  it("runs the pulumi given with --pulumi, wherever it lives, with none on PATH", async () => {
    const tools = fs.mkdtempSync(path.join(tmp, "tools-"));
    fs.symlinkSync(await pulumiExecutable(), path.join(tools, "pulumi"));
    const withoutPulumi = {
      ...env,
      PATH: env
        .PATH!.split(path.delimiter)
        .filter((d) => !fs.existsSync(path.join(d, "pulumi")))
        .join(path.delimiter),
    };
    const args = ["drift", "--stack", consumer.name, "--cwd", consumer.projectDir];
    const missing = await runCli(args, withoutPulumi);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no `pulumi` on PATH.*\[ERR_DRIFT_PULUMI_NOT_FOUND\]/);
    const explicit = await runCli([...args, "--pulumi", path.join(tools, "pulumi"), "--json"], {
      ...withoutPulumi,
      // The language host is still found beside the CLI's own folder.
      PATH: `${path.dirname(await pulumiExecutable())}${path.delimiter}${withoutPulumi.PATH}`,
    });
    assert.equal(explicit.code, 1, explicit.stderr);
    assert.match(explicit.stderr, new RegExp(`using ${tools}/pulumi v3\\.`));
  });

  it("drift --refresh records the drift in state (the gone dropped, statuses and writes refreshed) and still reports it", async () => {
    const before = await stateSnapshot(consumer);
    const run = await drift("--refresh");
    assert.equal(run.code, 1, run.stderr);
    const drifted = Object.values(CONSUMER_KINDS).filter((kind) => kind.drift).length;
    assert.match(
      run.stdout,
      new RegExp(`${drifted} of 8 DataShareConsumer resources drifted \\(state refreshed\\)`),
    );
    assert.notDeepEqual(await stateSnapshot(consumer), before);
    for (const [name, kind] of Object.entries(CONSUMER_KINDS)) {
      const state = await stateOf(consumer, name);
      if (kind.refreshCheck === "delete") assert.equal(state, undefined, `${name} is dropped`);
      else assert.ok(state, `${name} is kept`);
      for (const [key, value] of Object.entries(kind.refreshed ?? {}))
        assert.equal(state?.[key], value, name);
    }
  });

  it("the plan recreates what is gone and updates in place what drifted: nothing plans to delete an association", async () => {
    const plan = plannedSteps((await consumer.preview(["--diff"])).events).filter((s) => s.op !== "same");
    for (const [name, kind] of Object.entries(CONSUMER_KINDS)) {
      const steps = plan.filter((s) => s.name === name);
      assert.deepEqual(
        steps.map((s) => s.op),
        kind.plan ? [kind.plan.op] : [],
        name,
      );
      if (kind.plan?.names) assert.ok(steps[0].diffs.includes(kind.plan.names), name);
    }
  });

  it("an up before the producer acts fails only on what the producer must heal, and removes nothing", async () => {
    // The engine runs the steps in parallel and starts no new one after the first failure, so
    // which of the blocked steps it reaches is not fixed. What it guarantees: the up fails, each
    // blocked step it started fails with its own reason, no other step fails, nothing is removed.
    const liveBefore = await associations();
    const disassociationsBefore = emu.operationCounts().DisassociateDataShareConsumer?.received ?? 0;
    const blocked = await failureOf(consumer.up());
    const outcomes = stepOutcomes(blocked.events ?? []);
    const failed = [...outcomes].filter(([, o]) => o.errors.length > 0).map(([name]) => name);
    assert.ok(failed.length > 0, `no resource reported the failure:\n${blocked.message}`);
    for (const [name, { started, errors }] of outcomes) {
      const reason = CONSUMER_KINDS[name]?.blocked;
      if (!reason) {
        assert.deepEqual(errors, [], `${name} can succeed, yet failed`);
        continue;
      }
      if (started) assert.ok(errors.length > 0, `${name}'s step ran but did not fail`);
      for (const message of errors) assert.match(message, reason, name);
    }
    assert.equal(emu.operationCounts().DisassociateDataShareConsumer?.received ?? 0, disassociationsBefore);
    for (const resource of (await consumer.exportStack()).deployment.resources ?? []) {
      assert.ok(!resource.pendingReplacement, `the failed up left ${resource.urn} pending replacement`);
    }
    for (const [name, kind] of Object.entries(CONSUMER_KINDS)) {
      // What the producer must heal keeps its refreshed status in state.
      if (kind.blocked && kind.refreshed)
        assert.equal((await stateOf(consumer, name))?.status, kind.refreshed.status, name);
    }
    const liveAfter = await associations();
    for (const association of liveBefore.filter((a) => a.consumerIdentifier !== emu.accountId("consumer"))) {
      assert.ok(
        liveAfter.some((a) => a.dataShareArn === association.dataShareArn),
        `${association.dataShareArn} lost its association`,
      );
    }
  });

  it("once the producer acted, up --refresh heals every resource, the preview is clean, and destroy leaves nothing", async () => {
    for (const kind of Object.values(CONSUMER_KINDS))
      await kind.producerHeals?.(emu, emu.dataShareArn(kind.share));
    await consumer.up(["--refresh"]);
    for (const name of NAMES) assert.equal((await consumerOutputs(consumer, name)).status, "ACTIVE", name);
    assert.equal((await consumerOutputs(consumer, "consumerWrites")).consumerAcceptedWrites, true);
    assert.deepEqual(
      (await associations()).map((a) => a.status),
      NAMES.map(() => "ACTIVE"),
    );
    assert.deepEqual(verdict(await previewCheck(consumer)), CLEAN);
    await consumer.destroy();
    assert.deepEqual(await associations(), []);
  });
});

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
