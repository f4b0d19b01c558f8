import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { crossAccountStacks, runDrift } from "../../../harness/crossAccount";
import { Emulator, outOfBand, startSeededEmulator } from "../../../harness/emulatorFixture";
import { PulumiStack } from "../../../harness/pulumiStack";
import { defaultInstall } from "../../../harness/userStacks";

const FAST = ["--skip-preview"];
const REAUTHORIZED =
  /the producer \(account \d{12}\) authorized the datashare again read-only \(it was with writes allowed\), which ended the association/;
const ALL = new RegExp(REAUTHORIZED.source, "g");

/**
 * What a person reads in the plain `pulumi` CLI's output when a drift is found, on the two stacks
 * of examples/cross-account: the cause names who changed what, once per resource and run, and no
 * record meant for the drift command is printed; the drift command still reads that record.
 */
describe("what a user reads: the plain CLI's output after a drift", function () {
  this.timeout(5 * 60 * 1000);
  this.bail(true);
  let emu: Emulator;
  let producer: PulumiStack;
  let consumer: PulumiStack;
  let stateDir: string;
  let share: string;

  before(async function () {
    this.timeout(15 * 60 * 1000); // the first run installs the packed package
    const install = await defaultInstall();
    emu = await startSeededEmulator();
    share = emu.dataShareArn("finance");
    ({ producer, consumer, stateDir } = await crossAccountStacks(emu, install, {
      producer: { dataShareArn: share, consumerAccount: emu.accountId("consumer"), allowWrites: "true" },
      consumer: { consumerArn: emu.namespaceArn("consumer", 0), allowWrites: "true" },
    }));
    await producer.up(FAST);
    await consumer.up(FAST);
    // The producer authorizes the datashare again, read-only: AWS ends the consumer's association.
    await outOfBand(emu).deauthorize(share);
    await outOfBand(emu).authorize(share, false);
  });

  after(async () => {
    for (const stack of [consumer, producer]) await stack?.dispose().catch(() => undefined);
    if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
    await emu?.stop();
  });

  it("preview --refresh names the producer's new read-only authorization as the cause, once, without the record for tools", async () => {
    const { stdout, stderr, events } = await consumer.preview(["--refresh"]);
    const printed = stdout + stderr;
    assert.doesNotMatch(printed, /disassociated outside Pulumi/);
    assert.doesNotMatch(printed, /\{"v":1|pulumi-redshift-datashare gone/, printed);
    // One warning from the engine; a non-interactive CLI echoes it as it comes and in Diagnostics.
    const warnings = events.filter(
      (e) => e.diagnosticEvent?.severity?.startsWith("info#err") || e.diagnosticEvent?.severity === "warning",
    );
    assert.equal(warnings.filter((e) => REAUTHORIZED.test(e.diagnosticEvent!.message)).length, 1, printed);
    const diagnostics = printed.slice(printed.indexOf("Diagnostics:"));
    assert.equal(diagnostics.match(ALL)?.length, 1, printed);
    // The record for the drift command is in the event log, at debug severity only.
    const records = events.filter((e) => e.diagnosticEvent?.message.includes('{"v":1'));
    assert.deepEqual(
      records.map((e) => e.diagnosticEvent!.severity),
      ["debug"],
    );
  });

  it("the drift command still reads the cause from the engine's event log", async () => {
    const drift = await runDrift(consumer);
    assert.equal(drift.code, 1);
    const [finding] = drift.report.drifted;
    assert.equal(finding.kind, "association-gone");
    assert.equal(finding.remedy, "pulumi-up");
    assert.match(finding.detail, /^the producer authorized the datashare again read-only/);
  });
});
