/**
 * The providers' contract under every answer of every emulator behaviour (issue 19), as one table:
 * the emulator's exported API_BEHAVIOURS (the SQL ones don't touch these resources) → each answer → both resources. In-process against the
 * emulator with the real AWS SDK. Correct means: it converges, or it fails with a one-line message
 * and changes nothing; no diff once converged; state as the account is; nothing removed.
 */
import * as assert from "node:assert/strict";
import { API_BEHAVIOURS, startEmulator, type Behaviours } from "../../../emulator";
import { Emulator, REGION } from "../../../harness/emulatorFixture";
import { NEW_RUN, type AnyProvider } from "../shared/resources";
import { CONTRACTS, Contract } from "./contracts";

type Bag = Record<string, unknown>;

/** A failure the user can act on: one of the providers' explained errors, matching `pattern`. */
function explained(pattern: RegExp) {
  return (e: unknown) => {
    assert.ok(e instanceof Error);
    assert.match(e.name, /^DataShare(Consumer|Authorization)Error$/, e.stack);
    assert.match(e.message, pattern);
    return true;
  };
}

/** `pulumi destroy`: a new run, whose program declares nothing. */
async function destroyed(p: AnyProvider, id: string, outs: Bag) {
  await p.configure(NEW_RUN);
  await p.delete(id, outs);
}

async function created(p: AnyProvider, inputs: Bag) {
  return p.create((await p.check({}, inputs)).inputs);
}

/** Refresh, then the preview of the same program: nothing to do. */
async function assertConverged(p: AnyProvider, id: string, outs: Bag, declared: Bag) {
  const read = await p.read(id, outs);
  assert.equal(read.id, id, "refresh keeps the resource");
  const news = (await p.check(read.inputs ?? {}, declared)).inputs;
  const diff = await p.diff(id, read.props ?? {}, news);
  assert.equal(diff.changes, false, `no diff after refresh: ${JSON.stringify(diff)}`);
  return read;
}

function writesConverge(name: string, b: Behaviours): boolean {
  if (b.regionsWithoutWrites.includes(REGION)) return false;
  return name === "DataShareConsumer"
    ? b.reassociateOtherWrites === "flip"
    : b.reauthorizeOtherWrites === "flip";
}

/** What the consumer's read shows after the producer deauthorized it or the consumer rejected it. */
function afterLoss(view: Behaviours["deauthorizedConsumerView"], status: string): string | undefined {
  return view === "status" ? status : view === "entriesDropped" ? "NOT_AUTHORIZED" : undefined;
}

for (const behaviour of API_BEHAVIOURS) {
  for (const answer of behaviour.answers) {
    describe(`behaviour ${behaviour.name} = ${answer}`, () => {
      let emu: Emulator;
      let b: Behaviours;
      before(async () => {
        emu = await startEmulator({
          seed: "emulator/seeds/default.json",
          behaviours: behaviour.settings(answer, REGION),
        });
        b = emu.behaviours();
      });
      after(() => emu.stop());
      beforeEach(() => emu.admin.reset());

      for (const contractOf of CONTRACTS) {
        describe(contractOf.name, () => {
          let c: Contract;
          let warnings: string[];
          let p: AnyProvider;
          beforeEach(() => {
            c = contractOf(emu);
            warnings = [];
            p = c.provider(warnings);
          });

          it("create, refresh (no diff), delete", async () => {
            const { id, outs } = await created(p, c.declared);
            assert.ok(await c.live());
            await assertConverged(p, id, outs, c.declared);
            await destroyed(p, id, outs);
            assert.equal(await c.live(), undefined);
            assert.equal((await p.read(id, outs)).id, "", "read after delete: gone");
          });

          it("create adopts what exists, whether AWS repeats it or refuses", async () => {
            await c.makeOutOfBand();
            const { id, outs } = await created(p, c.declared);
            assert.deepEqual(await c.live(), { status: (await c.live())?.status, writes: false });
            await assertConverged(p, id, outs, c.declared);
          });

          it("update of allowWrites: converges, or fails saying what to do and changes nothing", async () => {
            const { id, outs } = await created(p, c.writable);
            const wanted = { ...c.writable, allowWrites: true };
            const news = (await p.check(outs, wanted)).inputs;
            const diff = await p.diff(id, outs, news);
            assert.deepEqual(diff.replaces, [], "writes never replace");
            const before = await c.live(c.writable);
            if (writesConverge(c.name, b)) {
              const updated = await p.update(id, outs, news);
              assert.equal(updated.outs[c.writesOutput], true);
              assert.equal((await c.live(c.writable))?.writes, true);
              await assertConverged(p, id, updated.outs, wanted);
            } else {
              const why = b.regionsWithoutWrites.includes(REGION)
                ? /write sharing is not available in us-east-1.*Leave allowWrites unset/
                : /(kept|refused to change) \w+Writes=false.*remove this resource from the program.*`pulumi up --replace` does not do this/;
              await assert.rejects(p.update(id, outs, news), explained(why));
              assert.deepEqual(await c.live(c.writable), before, "nothing changed");
            }
          });

          it("a respelled datashare name never replaces, and a create spelled so converges or fails cleanly", async () => {
            const { id, outs } = await created(p, c.declared);
            const news = (await p.check(outs, c.respelled)).inputs;
            const diff = await p.diff(id, outs, news);
            assert.deepEqual(diff.replaces, []);
            const updated = await p.update(id, outs, news);
            await assertConverged(p, id, updated.outs, c.respelled);
            await destroyed(p, id, updated.outs);
            if (b.dataShareNameCase === "folded") {
              const again = await created(p, c.respelled);
              await assertConverged(p, again.id, again.outs, c.respelled);
            } else {
              await assert.rejects(created(p, c.respelled), explained(/does not exist/));
              assert.equal(await c.live(), undefined);
            }
          });

          it("read after the producer deauthorizes: status drift the producer must fix", async () => {
            const { id, outs } = await created(p, c.declared);
            await c.deauthorize();
            const read = await p.read(id, outs);
            if (c.name === "DataShareAuthorization") {
              // The producer's own authorization is gone: its `up` authorizes again.
              assert.equal(read.id, "");
              const again = await created(p, c.declared);
              await assertConverged(p, again.id, again.outs, c.declared);
              return;
            }
            await assertDriftThenConverge(read, id, afterLoss(b.deauthorizedConsumerView, "DEAUTHORIZED"));
          });

          it("read after the consumer rejects: status drift, not gone", async () => {
            const { id, outs } = await created(p, c.declared);
            await c.reject();
            const read = await p.read(id, outs);
            if (c.name === "DataShareAuthorization") {
              assert.equal(read.props?.status, "REJECTED");
              assert.match(warnings.join("\n"), /rejected datashare/);
              const news = (await p.check(read.inputs ?? {}, c.declared)).inputs;
              assert.deepEqual((await p.diff(id, read.props ?? {}, news)).replaces, []);
              const updated = await p.update(id, read.props ?? {}, news);
              await assertConverged(p, id, updated.outs, c.declared);
              return;
            }
            await assertDriftThenConverge(read, id, afterLoss(b.rejectedConsumerView, "REJECTED"));
          });

          /**
           * The consumer's association was lost on the producer's side. Kept (status drift): the
           * update fails naming the producer and changes nothing, then converges once authorized.
           * Hidden (the share is invisible, like a dropped one): gone, with a warning naming the
           * producer; the create fails the same way, then converges.
           */
          async function assertDriftThenConverge(
            read: { id?: string; props?: Bag },
            id: string,
            status?: string,
          ) {
            const news = (await p.check({}, c.declared)).inputs;
            const producerMustAct = /producer .*must authorize|authorize it for this account/;
            if (status === undefined) {
              assert.equal(read.id, "");
              assert.match(warnings.join("\n"), /no longer visible.*producer/);
              await assert.rejects(p.create(news), explained(producerMustAct));
              assert.equal(await c.live(), undefined);
              await c.authorizeAgain();
              const again = await p.create(news);
              await assertConverged(p, again.id, again.outs, c.declared);
              return;
            }
            assert.equal(read.id, id);
            assert.equal(read.props?.status, status);
            const diff = await p.diff(id, read.props ?? {}, news);
            assert.deepEqual(diff.replaces, []);
            if (status === "NOT_AUTHORIZED") {
              // The share is listed without this account's entry: the warning says who must act.
              assert.match(
                warnings.join("\n"),
                /is no longer listed for this account: the producer \(account \d+\)/,
              );
              assert.match(warnings.join("\n"), /The producer must authorize the datashare again/);
            }
            await assert.rejects(p.update(id, read.props ?? {}, news), explained(producerMustAct));
            assert.equal(await c.live(), undefined);
            await c.authorizeAgain();
            const updated = await p.update(id, read.props ?? {}, news);
            assert.equal(updated.outs.status, "ACTIVE");
            await assertConverged(p, id, updated.outs, c.declared);
          }
        });
      }
    });
  }
}
