/**
 * Written once, run over both resources: refusals are one line without a stack trace, and state
 * round-trips (create → read → diff plans nothing; an import read from the ID alone plans nothing).
 * Also the schema: what the provider stores is what the schema names.
 */
import * as assert from "node:assert/strict";
import { ExplainedError } from "../../../provider/core/errors";
import { inputNames, outputNames } from "../../../provider/core/schema";
import { RESOURCES, World } from "./resources";

for (const fixture of RESOURCES) {
  describe(`${fixture.spec.name}: messages and state, as for its sibling`, () => {
    let world: World;
    beforeEach(async () => {
      world = await fixture.start();
    });
    afterEach(() => world.emu.stop());

    const refusals: [string, (w: World) => Promise<unknown>][] = [
      ["an unreadable ID at read", (w) => w.provider().read("not-an-id", {})],
      ["an unreadable ID at delete", (w) => w.provider().delete("not-an-id", {})],
      ["invalid inputs at create", (w) => w.provider().create({ ...w.declared, allowWrites: "yes" })],
      ["a datashare that does not exist at create", (w) => w.provider().create(w.missing)],
    ];
    for (const [what, run] of refusals) {
      it(`${what}: an ExplainedError, one line, its stack the message alone`, async () => {
        const err = await run(world).then(
          () => assert.fail("expected a refusal"),
          (e: unknown) => e,
        );
        assert.ok(err instanceof ExplainedError, String(err));
        assert.equal(String(err), err.name);
        assert.equal(err.stack, err.message);
        assert.doesNotMatch(err.message, /\n/);
      });
    }

    it("create → read → diff plans nothing, and the outputs are the schema's properties", async () => {
      const provider = world.provider();
      const { inputs } = await provider.check({}, world.declared);
      const { id, outs } = await provider.create(inputs);
      const read = await provider.read(id, outs);
      assert.equal(read.id, id);
      assert.equal((await provider.diff(id, read.props!, inputs)).changes, false);
      const named = new Set<string>(outputNames(fixture.spec));
      assert.deepEqual(
        Object.keys(read.props!).filter((k) => !named.has(k)),
        [],
      );
      const inputsNamed = new Set<string>(inputNames(fixture.spec));
      assert.deepEqual(
        Object.keys(read.inputs!).filter((k) => !inputsNamed.has(k)),
        [],
      );
    });

    it("an import (read from the ID alone) rebuilds inputs that plan nothing", async () => {
      const provider = world.provider();
      const { id } = await provider.create((await provider.check({}, world.declared)).inputs);
      const imported = await provider.read(id, {});
      assert.equal(imported.id, id);
      assert.equal((await provider.diff(id, imported.props!, imported.inputs!)).changes, false);
    });

    it("a respelled datashare name is not a replacement", async () => {
      const provider = world.provider();
      const { id, outs } = await provider.create((await provider.check({}, world.declared)).inputs);
      const diff = await provider.diff(id, outs, (await provider.check({}, world.respelled)).inputs);
      assert.deepEqual(diff.replaces, []);
    });
  });
}
