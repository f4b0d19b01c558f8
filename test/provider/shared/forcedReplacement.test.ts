/**
 * A replacement that keeps the key, for both resources, as the engine runs `pulumi up --replace`
 * with the SDK's default deleteBeforeReplace: check (the program declares the key) → delete of the
 * original → create of the replacement. The delete leaves the live object alone and the create
 * adopts it, whatever AWS answers to the repeated create; a run without that check deletes.
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

    for (const repeat of ["as the emulator answers", "success", "refusal"] as RepeatAnswer[]) {
      it(`check → delete → create keeps the live object and adopts it (a repeated create answered ${repeat === "as the emulator answers" ? repeat : `with ${repeat}`})`, async () => {
        const notes: string[] = [];
        const provider = world.provider({ repeat, notes });
        const { id, outs } = await provider.create((await provider.check({}, world.declared)).inputs);
        assert.equal(await world.liveCount(), 1);

        await provider.configure(NEW_RUN); // `pulumi up --replace <urn>`
        const { inputs } = await provider.check({}, world.declared);
        await provider.delete(id, outs);
        assert.equal(world.removals(), 0, "the delete made no call that removes anything");
        assert.equal(await world.liveCount(), 1, "still live between the delete and the create");
        assert.equal(notes.length, 1);
        assert.match(
          notes[0],
          /left the (association|authorization) of .* in place: the program still declares it/,
        );

        const replaced = await provider.create(inputs);
        assert.equal(replaced.id, id);
        assert.equal(await world.liveCount(), 1);
        const read = await provider.read(replaced.id, replaced.outs);
        assert.equal((await provider.diff(replaced.id, read.props!, read.inputs!)).changes, false);
      });
    }

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
