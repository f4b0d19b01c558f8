import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { AssociateDataShareConsumerCommand } from "@aws-sdk/client-redshift";
import { packageRoot } from "../../harness/pulumiCli";
import { EngineEvent, PulumiStack } from "../../harness/pulumiStack";
import { createUserProject } from "../../harness/userProject";
import type { DataShareAuthorizationArgs, DataShareConsumerArgs } from "../../sdk";
import { accountEnv, runDrift } from "../../harness/crossAccount";
import {
  accountClient,
  authorizedShare,
  Emulator,
  outOfBand,
  startSeededEmulator,
} from "../../harness/emulatorFixture";
import { consumersStack, defaultInstall } from "../../harness/userStacks";

/** Steps of a preview that change something (a refresh preview also reports `refresh` and `same`). */
const CHANGING = new Set(["create", "update", "replace", "create-replacement", "delete", "delete-replaced"]);

/** What a `pulumi preview --refresh --expect-no-changes` run plans to change: resource name → step. */
function plannedChanges(events: readonly EngineEvent[]): Record<string, string> {
  const steps = events
    .map((e) => e.resourcePreEvent?.metadata)
    .filter((m) => m !== undefined && CHANGING.has(m.op) && m.type.startsWith("pulumi-nodejs:dynamic/"))
    .map((m) => [m!.urn.split("::").pop() ?? "", m!.op]);
  return Object.fromEntries(steps.sort(([a], [b]) => a.localeCompare(b)));
}

async function previewRefresh(
  stack: PulumiStack,
): Promise<{ code: number; changed: Record<string, string> }> {
  const run = await stack.preview(["--refresh", "--expect-no-changes"]).catch((err: unknown) => {
    const failed = err as { result?: { code: number }; events?: EngineEvent[] };
    if (!failed.result) throw err;
    return { code: failed.result.code, events: failed.events ?? [] };
  });
  return { code: run.code, changed: plannedChanges(run.events) };
}

/**
 * Pulumi's own drift check, `pulumi refresh --preview-only --expect-no-changes` (exit 7 on drift
 * since v3.227): its exit code, and which datashare resources the refresh would change in state.
 */
async function refreshCheck(stack: PulumiStack): Promise<{ code: number; changed: Record<string, string> }> {
  const run = await stack.runWithEvents(
    ["refresh", "--preview-only", "--expect-no-changes", "--stack", stack.name],
    { allowFailure: true },
  );
  const steps = run.events
    .map((e) => e.resOutputsEvent?.metadata)
    .filter((m) => m !== undefined && CHANGING.has(m.op) && m.type.startsWith("pulumi-nodejs:dynamic/"))
    .map((m) => [m!.urn.split("::").pop() ?? "", m!.op]);
  return { code: run.code, changed: Object.fromEntries(steps.sort(([a], [b]) => a.localeCompare(b))) };
}

/** `pulumi refresh --preview-only --expect-no-changes` exits 7 when the refresh would change state. */
const REFRESH_DRIFT_EXIT = 7;

/** What the drift command reports for each resource: resource name → kinds. */
function driftKinds(report: { drifted: { resource: string; kind: string }[] }): Record<string, string[]> {
  const kinds: Record<string, string[]> = {};
  for (const d of report.drifted) (kinds[d.resource] ??= []).push(d.kind);
  return kinds;
}

async function driftedNames(stack: PulumiStack): Promise<{ code: number; drifted: string[] }> {
  const run = await runDrift(stack);
  return { code: run.code, drifted: [...new Set(run.report.drifted.map((d) => d.resource))].sort() };
}

/**
 * The checks side by side on the same drift: `pulumi preview --refresh --expect-no-changes`
 * fails only on drift that changes what the next `up` would do (an input, or a resource gone),
 * while `drift` compares inputs and outputs, so it also sees a drift of an output alone. Pulumi's
 * own `pulumi refresh --preview-only --expect-no-changes` decides each refresh step through the
 * provider's diff too: it agrees with `drift` resource by resource on every kind but that one.
 */
describe("preview --refresh --expect-no-changes and the drift command see different drift", function () {
  this.timeout(15 * 60 * 1000);
  let emu: Emulator;
  let consumer: PulumiStack;
  let producer: PulumiStack;

  before(async function () {
    this.timeout(20 * 60 * 1000);
    const install = await defaultInstall();
    emu = await startSeededEmulator();
    for (const name of ["d_deauth", "d_reject", "d_cwrites", "d_drop", "d_super", "d_ok"]) {
      await authorizedShare(emu, name, name === "d_cwrites");
    }
    const ns0 = emu.namespaceArn("consumer", 0);
    const on = (share: string, extra: Partial<DataShareConsumerArgs> = {}): DataShareConsumerArgs => ({
      dataShareArn: emu.dataShareArn(share),
      consumerArn: ns0,
      ...extra,
    });
    consumer = await consumersStack(emu, {
      handDisassociated: on("sales"),
      deauthorized: on("d_deauth"),
      rejected: on("d_reject"),
      consumerWrites: on("d_cwrites", { allowWrites: true }),
      producerWrites: on("marketing", { allowWrites: true }),
      shareDropped: on("d_drop"),
      superseded: on("d_super"),
      untouched: on("d_ok"),
    });
    await consumer.up();

    for (const name of ["a_gone", "a_reject", "a_writes", "a_ok"]) {
      const arn = await emu.admin.createDataShare({
        producerAccount: "producer",
        producerNamespace: 0,
        name,
      });
      await emu.admin.grantUsage(arn, emu.accountId("consumer"));
    }
    const to = (share: string): DataShareAuthorizationArgs => ({
      dataShareArn: emu.dataShareArn(share),
      consumerIdentifier: emu.accountId("consumer"),
    });
    const program = path.join(packageRoot(), "harness", "programs", "authorizations", "index.ts");
    const projectDir = createUserProject(install, {
      name: "rds-authorizations",
      files: { "index.ts": fs.readFileSync(program, "utf8") },
    });
    producer = await PulumiStack.init({ projectDir, env: accountEnv(emu, "producer") });
    await producer.setConfig({
      authorizations: JSON.stringify({
        gone: to("a_gone"),
        rejected: to("a_reject"),
        writes: to("a_writes"),
        untouched: to("a_ok"),
      }),
    });
    await producer.up();
  });

  after(async () => {
    await consumer?.dispose().catch(() => undefined);
    await producer?.dispose().catch(() => undefined);
    await emu?.stop();
  });

  it("with no drift, refresh --preview-only --expect-no-changes, preview and drift all exit 0", async () => {
    for (const stack of [consumer, producer]) {
      assert.deepEqual(await refreshCheck(stack), { code: 0, changed: {} });
      assert.deepEqual(await previewRefresh(stack), { code: 0, changed: {} });
      assert.deepEqual(await driftedNames(stack), { code: 0, drifted: [] });
    }
  });

  it("when the producer re-authorized read-only, only an output changed: preview and the refresh check exit 0, drift exits 1", async () => {
    await outOfBand(emu).authorize(emu.dataShareArn("marketing"), false);
    const preview = await previewRefresh(consumer);
    assert.equal(preview.code, 0);
    assert.deepEqual(preview.changed, {});
    assert.deepEqual(await driftedNames(consumer), { code: 1, drifted: ["producerWrites"] });
    // Nor does Pulumi's refresh check: the engine (v3.248, v3.274.1) decides a refresh step through the
    // provider's diff (inputs and the status it acts on), not by comparing outputs.
    assert.deepEqual(await refreshCheck(consumer), { code: 0, changed: {} });
  });

  it("on the consumer's stack, preview fails on every other kind of drift, which drift reports too", async () => {
    const oob = outOfBand(emu);
    const ns0 = emu.namespaceArn("consumer", 0);
    await oob.disassociate(emu.dataShareArn("sales"), ns0);
    await oob.deauthorize(emu.dataShareArn("d_deauth"));
    await oob.reject(emu.dataShareArn("d_reject"));
    await oob.associate(emu.dataShareArn("d_cwrites"), ns0, false);
    await emu.admin.dropDataShare(emu.dataShareArn("d_drop"));
    await accountClient(emu, "consumer").send(
      new AssociateDataShareConsumerCommand({
        DataShareArn: emu.dataShareArn("d_super"),
        AssociateEntireAccount: true,
      }),
    );
    const preview = await previewRefresh(consumer);
    assert.notEqual(preview.code, 0);
    assert.deepEqual(preview.changed, {
      consumerWrites: "update",
      deauthorized: "update",
      handDisassociated: "create",
      rejected: "update",
      shareDropped: "create",
      superseded: "create",
    });
    assert.deepEqual(await driftedNames(consumer), {
      code: 1,
      drifted: [...Object.keys(preview.changed), "producerWrites"].sort(),
    });
    await assertRefreshCheckAgrees(consumer, {
      handDisassociated: ["delete", "association-gone"],
      superseded: ["delete", "superseded"],
      shareDropped: ["delete", "datashare-gone"],
      consumerWrites: ["update", "consumer-writes"],
      deauthorized: ["update", "status"],
      rejected: ["update", "status"],
      producerWrites: ["same", "producer-writes"],
    });
  });

  it("on the producer's stack, both see a deauthorization, a rejection and a change of writes", async () => {
    const oob = outOfBand(emu);
    await oob.deauthorize(emu.dataShareArn("a_gone"));
    await oob.reject(emu.dataShareArn("a_reject"));
    await oob.authorize(emu.dataShareArn("a_writes"), true);
    const preview = await previewRefresh(producer);
    assert.notEqual(preview.code, 0);
    assert.deepEqual(preview.changed, { gone: "create", rejected: "update", writes: "update" });
    assert.deepEqual(await driftedNames(producer), { code: 1, drifted: ["gone", "rejected", "writes"] });
    await assertRefreshCheckAgrees(producer, {
      gone: ["delete", "authorization-gone"],
      rejected: ["update", "status"],
      writes: ["update", "authorization-writes"],
    });
  });
});

/**
 * The table: for each drifted resource, the step Pulumi's refresh check would take on it (`same`:
 * it sees no change) and the kind `drift` reports. Both exit non-zero, and the refresh check
 * changes nothing the table does not name.
 */
async function assertRefreshCheckAgrees(
  stack: PulumiStack,
  table: Record<string, [step: "delete" | "update" | "same", kind: string]>,
): Promise<void> {
  const refresh = await refreshCheck(stack);
  const drift = await runDrift(stack);
  assert.equal(refresh.code, REFRESH_DRIFT_EXIT);
  assert.equal(drift.code, 1);
  const kinds = driftKinds(drift.report);
  const rows = (pick: (name: string) => string | undefined) =>
    Object.keys(table)
      .sort()
      .map((name) => `${name}: ${pick(name) ?? "(nothing)"}`);
  assert.deepEqual(
    rows((name) => `${refresh.changed[name] ?? "same"} / ${(kinds[name] ?? []).join(",")}`),
    rows((name) => `${table[name][0]} / ${table[name][1]}`),
  );
  const changing = Object.keys(table).filter((name) => table[name][0] !== "same");
  assert.deepEqual(Object.keys(refresh.changed).sort(), changing.sort());
  assert.deepEqual(Object.keys(kinds).sort(), Object.keys(table).sort());
}
