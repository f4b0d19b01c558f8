import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { DATASHARE_AUTHORIZATION_TYPE, DATASHARE_CONSUMER_TYPE } from "../../cli/drift/events";
import { answerOf, BEHAVIOURS, type BehaviourName, type Behaviours } from "../../emulator/model/behaviours";
import { crossAccountStacks, outputsOf, producerEntries } from "../../harness/crossAccount";
import {
  Emulator,
  liveAssociations,
  outOfBand,
  REGION,
  setBehavioursOverHttp,
  startSeededEmulator,
} from "../../harness/emulatorFixture";
import { EngineEvent, PulumiStack } from "../../harness/pulumiStack";
import { defaultInstall, failureOf } from "../../harness/userStacks";

/**
 * Per behaviour, the answer furthest from its default. regionsWithoutWrites is "refused" in the
 * flows' own region (not an unused one, which would exercise nothing): the stacks leave
 * `allowWrites` unset, so they only work if the provider never sends AllowWrites undeclared.
 * The consumer views take `entriesDropped`: the share stays visible without the account's entry,
 * the case read must tell from a disassociation (NOT_AUTHORIZED, the producer must act).
 */
const FURTHEST: Record<BehaviourName, string> = {
  repeatAssociate: "refuse",
  reassociateOtherWrites: "refuse",
  repeatAuthorize: "refuse",
  reauthorizeOtherWrites: "refuse",
  regionsWithoutWrites: "refused",
  accountEntryRegion: "filled",
  dataShareNameCase: "exact",
  deauthorizedConsumerView: "entriesDropped",
  rejectedConsumerView: "entriesDropped",
  repeatGrant: "refuse",
  revokeAbsent: "refuse",
  repeatAdd: "refuse",
  removeAbsent: "succeed",
  datashareDdlInTransaction: "refused",
  droppedShareDatabases: "dropped",
  droppedObjectInShare: "listed",
};

/** The settings of every behaviour in BEHAVIOURS at its FURTHEST answer, for requests in REGION. */
function furthestSettings(): Partial<Behaviours> {
  return Object.assign({}, ...BEHAVIOURS.map((b) => b.settings(FURTHEST[b.name] ?? b.default, REGION)));
}

const FAST = ["--skip-preview"];
const CLEAN = ["--refresh", "--expect-no-changes"];
const OUR_TYPES: Record<string, string> = {
  [DATASHARE_CONSUMER_TYPE]: "DataShareConsumer",
  [DATASHARE_AUTHORIZATION_TYPE]: "DataShareAuthorization",
};

/** The changes a run planned for our resources, as "Type name op [diffs]" (refresh steps excluded). */
function changes(events: readonly EngineEvent[] | undefined): string[] {
  return (events ?? [])
    .map((e) => e.resourcePreEvent?.metadata)
    .filter((m) => m !== undefined && OUR_TYPES[m.type] && !["same", "refresh", "read"].includes(m.op))
    .map((m) => `${OUR_TYPES[m!.type]} ${m!.urn.split("::").pop()} ${m!.op} [${(m!.diffs ?? []).join(",")}]`);
}

async function resourceTypes(stack: PulumiStack): Promise<string[]> {
  return ((await stack.exportStack()).deployment.resources ?? []).map((r) => r.type);
}

/**
 * examples/cross-account through the plain CLI (producer: DataShareAuthorization, consumer:
 * DataShareConsumer through a StackReference), with every emulator behaviour at a non-default
 * answer: up, clean refresh-previews, out-of-band disassociation and deauthorization that those
 * previews name, up --refresh healing once the producer authorized again, destroy leaving nothing.
 * The steps build on each other, so the suite stops at the first failure.
 */
describe("every emulator behaviour at a non-default answer: the main flows with the plain pulumi CLI", function () {
  this.timeout(5 * 60 * 1000);
  this.bail(true);
  let emu: Emulator;
  let producer: PulumiStack;
  let consumer: PulumiStack;
  let stateDir: string;
  let share: string;
  let namespace: string;

  before(async function () {
    this.timeout(15 * 60 * 1000); // the first run installs the packed package
    const install = await defaultInstall();
    emu = await startSeededEmulator(furthestSettings());
    share = emu.dataShareArn("finance"); // granted to the consumer, not yet authorized
    namespace = emu.namespaceArn("consumer", 0);
    ({ producer, consumer, stateDir } = await crossAccountStacks(emu, install, {
      producer: { dataShareArn: share, consumerAccount: emu.accountId("consumer") },
      consumer: { consumerArn: namespace },
    }));
  });

  after(async () => {
    for (const stack of [consumer, producer]) await stack?.dispose().catch(() => undefined);
    if (stateDir) fs.rmSync(stateDir, { recursive: true, force: true });
    await emu?.stop();
  });

  it("the emulator gives a non-default answer for every behaviour it has", async () => {
    // Through the admin API, as another process would: what is in force, not what was asked for.
    const inForce = await setBehavioursOverHttp(emu.endpoint, furthestSettings());
    const atDefault = BEHAVIOURS.filter((b) => answerOf(inForce, b.name, REGION) === b.default);
    assert.deepEqual(
      atDefault.map((b) => b.name),
      [],
      "behaviours left at their default: add them to FURTHEST",
    );
    for (const b of BEHAVIOURS) assert.equal(answerOf(inForce, b.name, REGION), FURTHEST[b.name]);
  });

  it("producer up, then consumer up: the association is ACTIVE, and both refresh-previews are clean", async () => {
    const authorized = outputsOf((await producer.up(FAST)).events, DATASHARE_AUTHORIZATION_TYPE)!;
    assert.equal(authorized.status, "AUTHORIZED");
    assert.equal(authorized.producerAllowedWrites, false);
    const associated = outputsOf((await consumer.up(FAST)).events, DATASHARE_CONSUMER_TYPE)!;
    assert.equal(associated.status, "ACTIVE");
    assert.deepEqual(
      (await liveAssociations(emu)).map((a) => [a.dataShareArn, a.consumerIdentifier, a.status]),
      [[share, namespace, "ACTIVE"]],
    );
    await producer.preview(CLEAN);
    await consumer.preview(CLEAN);
  });

  it("a disassociation by the consumer: its refresh-preview fails naming the create, up --refresh heals it", async () => {
    await outOfBand(emu).disassociate(share, namespace);
    const drifted = await failureOf(consumer.preview(CLEAN));
    assert.deepEqual(changes(drifted.events), ["DataShareConsumer from-producer create []"]);
    await producer.preview(CLEAN); // the producer's side is untouched

    const healed = outputsOf((await consumer.up(["--refresh", ...FAST])).events, DATASHARE_CONSUMER_TYPE)!;
    assert.equal(healed.status, "ACTIVE");
    await consumer.preview(CLEAN);
  });

  it("a deauthorization by the producer: both refresh-previews fail naming their step, the consumer's up fails changing nothing", async () => {
    await outOfBand(emu).deauthorize(share);
    const producerDrift = await failureOf(producer.preview(CLEAN));
    assert.deepEqual(changes(producerDrift.events), ["DataShareAuthorization to-consumer create []"]);
    // entriesDropped: the share is visible without the account's entry; read keeps the
    // association as status drift (NOT_AUTHORIZED, an output: no input diff), not as gone, and
    // diff's warning names who must act.
    const consumerDrift = await failureOf(consumer.preview(CLEAN));
    assert.deepEqual(changes(consumerDrift.events), ["DataShareConsumer from-producer update []"]);
    const warning = consumerDrift.result.stdout + consumerDrift.result.stderr;
    assert.match(warning, /is no longer listed for this account: the producer \(account \d+\)/);
    assert.match(warning, /The producer must authorize the datashare again/);

    const refused = await failureOf(consumer.up(["--refresh", ...FAST]));
    assert.match(refused.result.stdout + refused.result.stderr, /must authorize/i);
    assert.deepEqual(await liveAssociations(emu), []);
    const types = await resourceTypes(consumer);
    assert.ok(types.includes(DATASHARE_CONSUMER_TYPE), "the consumer's stack still claims the association");
  });

  it("producer up --refresh authorizes again, then consumer up --refresh heals; both previews are clean", async () => {
    const authorized = outputsOf(
      (await producer.up(["--refresh", ...FAST])).events,
      DATASHARE_AUTHORIZATION_TYPE,
    )!;
    assert.equal(authorized.status, "AUTHORIZED");
    const associated = outputsOf(
      (await consumer.up(["--refresh", ...FAST])).events,
      DATASHARE_CONSUMER_TYPE,
    )!;
    assert.equal(associated.status, "ACTIVE");
    assert.deepEqual(
      (await liveAssociations(emu)).map((a) => [a.dataShareArn, a.consumerIdentifier, a.status]),
      [[share, namespace, "ACTIVE"]],
    );
    await producer.preview(CLEAN);
    await consumer.preview(CLEAN);
  });

  it("destroy of the consumer, then of the producer, leaves nothing the stacks made", async () => {
    await consumer.destroy(FAST);
    assert.deepEqual(await liveAssociations(emu), []);
    await producer.destroy(FAST);
    const left = (await producerEntries(emu, share)).filter(
      (e) => e.status === "AUTHORIZED" || e.status === "ACTIVE",
    );
    assert.deepEqual(left, []);
    for (const stack of [producer, consumer]) {
      const types = await resourceTypes(stack);
      assert.ok(
        !types.includes(DATASHARE_AUTHORIZATION_TYPE) && !types.includes(DATASHARE_CONSUMER_TYPE),
        types.join(", "),
      );
    }
  });
});
