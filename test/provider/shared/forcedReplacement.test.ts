/**
 * A replacement that keeps the key, for both resources, call by call as the engine makes them
 * (provider/README.md, "Replacement order"). Create first, the one order: check (the program
 * declares the key) → create of the replacement (adopts) → delete of the original (left alone).
 * An interrupted run, then the next `up`, `destroy`, or `refresh` and `destroy`: nothing lost, and
 * nothing left once destroyed. Delete first (a program that sets deleteBeforeReplace): the original
 * is left alone with a warning that says what to run. A run without that check deletes.
 */
import * as assert from "node:assert/strict";
import { UNKNOWN } from "../../../provider/core/types";
import { NEW_RUN, RESOURCES, RepeatAnswer, World } from "./resources";

for (const fixture of RESOURCES) {
  describe(`${fixture.spec.name}: a replacement that keeps the key (the claim registry)`, () => {
    let world: World;
    beforeEach(async () => {
      world = await fixture.start();
    });
    afterEach(() => world.emu.stop());

    /** The original, made in an earlier run, and its replacement made by this run's create (create first). */
    async function replacedCreateFirst(provider: ReturnType<World["provider"]>) {
      const original = await provider.create((await provider.check({}, world.declared)).inputs);
      await provider.configure(NEW_RUN); // `pulumi up --replace <urn>`
      const { inputs } = await provider.check({}, world.declared);
      const replacement = await provider.create(inputs);
      return { original, replacement, inputs };
    }

    for (const repeat of ["as the emulator answers", "success", "refusal"] as RepeatAnswer[]) {
      it(`create first: check → create (adopts) → delete (left alone) keeps the live object (a repeated create answered ${repeat === "as the emulator answers" ? repeat : `with ${repeat}`})`, async () => {
        const notes: string[] = [];
        const warnings: string[] = [];
        const provider = world.provider({ repeat, notes, warnings });
        const { original, replacement } = await replacedCreateFirst(provider);
        assert.equal(replacement.id, original.id);
        assert.equal(await world.liveCount(), 1);

        await provider.delete(original.id, original.outs);
        assert.equal(world.removals(), 0, "the delete made no call that removes anything");
        assert.equal(await world.liveCount(), 1);
        assert.deepEqual(warnings, []);
        assert.equal(notes.length, 1);
        assert.match(
          notes[0],
          /left the (association|authorization) of .* in place: the program still declares it/,
        );
        const read = await provider.read(replacement.id, replacement.outs);
        assert.equal((await provider.diff(replacement.id, read.props!, read.inputs!)).changes, false);
      });
    }

    it("interrupted after the create, the next `up` retires the original's pending delete and keeps the live object", async () => {
      const notes: string[] = [];
      const warnings: string[] = [];
      const provider = world.provider({ notes, warnings });
      const { original, replacement } = await replacedCreateFirst(provider);
      // The run stops here: the original stays in state as a pending delete.
      await provider.configure(NEW_RUN); // the next `up`: the program runs, then pending deletes go
      const { inputs: again } = await provider.check({}, world.declared);
      assert.equal((await provider.diff(replacement.id, replacement.outs, again)).changes, false);
      await provider.delete(original.id, original.outs);
      assert.equal(world.removals(), 0);
      assert.equal(await world.liveCount(), 1);
      assert.deepEqual(warnings, []);
      assert.equal(notes.length, 1);
    });

    for (const refreshFirst of [false, true]) {
      it(`interrupted after the create, ${refreshFirst ? "`refresh` then `destroy`" : "`destroy`"} removes the live object: the second delete of the key finds it gone`, async () => {
        const provider = world.provider();
        const { original, replacement } = await replacedCreateFirst(provider);
        await provider.configure(NEW_RUN); // refresh and destroy run no check: nothing is claimed
        if (refreshFirst) {
          for (const r of [original, replacement]) assert.equal((await provider.read(r.id, r.outs)).id, r.id);
        }
        await provider.delete(replacement.id, replacement.outs);
        await provider.delete(original.id, original.outs);
        assert.equal(await world.liveCount(), 0);
      });
    }

    it("delete first (a program that sets deleteBeforeReplace): the original is left alone, with a warning naming what to run", async () => {
      const notes: string[] = [];
      const warnings: string[] = [];
      const provider = world.provider({ notes, warnings });
      const { id, outs } = await provider.create((await provider.check({}, world.declared)).inputs);
      await provider.configure(NEW_RUN);
      const { inputs } = await provider.check({}, world.declared);
      await provider.delete(id, outs);
      assert.equal(world.removals(), 0);
      assert.equal(await world.liveCount(), 1, "still live between the delete and the create");
      assert.deepEqual(notes, []);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /left the (association|authorization) of .* in place for the replacement/);
      assert.match(warnings[0], /run `pulumi up`[^.]*next/);
      assert.match(warnings[0], /`pulumi destroy` run instead would leave it on AWS/);
      const replaced = await provider.create(inputs);
      assert.equal(replaced.id, id);
      assert.equal(await world.liveCount(), 1);
    });

    it("a respelled key (datashare name in capitals) claims the same object", async () => {
      const provider = world.provider();
      const { id, outs } = await provider.create(world.declared);
      await provider.configure(NEW_RUN);
      await provider.check({}, world.respelled);
      await provider.delete(id, outs);
      assert.equal(world.removals(), 0);
      assert.equal(await world.liveCount(), 1);
    });

    it("a run without a check of the key (destroy, or the program no longer declares it) deletes", async () => {
      const provider = world.provider();
      const { id, outs } = await provider.create(world.declared);
      await provider.configure(NEW_RUN);
      await provider.check({}, world.other);
      await provider.delete(id, outs);
      assert.equal(world.removals(), 1);
      assert.equal(await world.liveCount(), 0);
    });

    it("a check that failed, or whose key is still unknown, claims nothing", async () => {
      const provider = world.provider();
      const { id, outs } = await provider.create(world.declared);
      await provider.configure(NEW_RUN);
      await provider.check({}, { ...world.declared, dataShareArn: UNKNOWN });
      await provider.check({}, { ...world.declared, allowWrites: "yes" });
      await provider.delete(id, outs);
      assert.equal(await world.liveCount(), 0);
    });

    it("claims last one run: configure (the next run) forgets them", async () => {
      const provider = world.provider();
      const { inputs } = await provider.check({}, world.declared);
      const { id, outs } = await provider.create(inputs);
      await provider.configure(NEW_RUN);
      await provider.delete(id, outs);
      assert.equal(await world.liveCount(), 0);
    });

    it("a replacement to a datashare that does not exist fails at diff, before anything is deleted", async () => {
      const provider = world.provider();
      const { id, outs } = await provider.create(world.declared);
      const err = await provider.diff(id, outs, world.missing).then(
        () => undefined,
        (e: unknown) => e as Error,
      );
      assert.ok(err, "diff must fail");
      assert.match(
        err.message,
        /^dataShareArn: the replacement (association|authorization) of .*nosuchshare.* cannot be made/,
      );
      assert.match(err.message, /nothing was changed/i);
      assert.equal(String(err), err.name, "no stack trace: the text form is the name");
      assert.equal(world.removals(), 0);
      assert.equal(await world.liveCount(), 1);
    });

    it("a replacement to another key that can be made passes diff", async () => {
      const provider = world.provider();
      const { id, outs } = await provider.create(world.declared);
      const diff = await provider.diff(id, outs, world.other);
      assert.ok(diff.replaces.length > 0);
    });
  });
}
