/**
 * Where AWS is silent, the emulator's answer is a named behaviour and the provider is right under
 * each answer: a repeated GRANT (`repeatGrant`) and a REVOKE of a grant that is not there
 * (`revokeAbsent`), met directly and through a lost ExecuteStatement answer that the SDK retries
 * (maxAttempts 3, under each answer of `clientToken`) or gives up on (maxAttempts 1).
 */
import { strict as assert } from "node:assert";
import { GrantWorld, producerSql, startGrantWorld } from "./live";

/**
 * maxAttempts 1: the provider hears nothing. maxAttempts 3: the SDK sends the statement again with
 * its ClientToken, which Redshift honours (one run) or not (behaviour clientToken: it runs twice).
 */
const LOST_ANSWER_CASES = [
  [1, "honoured"],
  [3, "honoured"],
  [3, "ignored"],
] as const;

const DROP_NEXT_EXECUTE = { dropResponse: ["ExecuteStatement"], dropResponseCount: 1 };

/** After `run`: exactly one answer was dropped; faults off again. */
async function oneAnswerDropped<T>(w: GrantWorld, run: Promise<T>): Promise<T> {
  try {
    return await run;
  } finally {
    assert.equal(w.emu.injectedFaults().droppedResponses, 1);
    w.emu.setFaults({});
  }
}

for (const repeatGrant of ["succeed", "refuse"] as const) {
  describe(`DataShareGrant create under repeatGrant=${repeatGrant}`, () => {
    let w: GrantWorld;
    beforeEach(async () => {
      w = await startGrantWorld({ repeatGrant });
    });
    afterEach(async () => {
      await w.emu.stop();
    });

    it("adopts a grant made outside Pulumi", async () => {
      const arn = await w.share("gshare");
      await producerSql(w.emu, `GRANT USAGE ON DATASHARE gshare TO ACCOUNT '${w.consumer}'`);
      const { outs } = await w.provider.create(w.declared("gshare"));
      assert.equal(outs.dataShareArn, arn);
      assert.deepEqual(w.grantsOf(arn), [w.consumer]);
    });

    for (const [maxAttempts, clientToken] of LOST_ANSWER_CASES) {
      it(`adopts the grant after a lost ExecuteStatement answer of its GRANT (maxAttempts ${maxAttempts}, clientToken=${clientToken})`, async () => {
        w.emu.setBehaviours({ repeatGrant, clientToken });
        const arn = await w.share("gshare");
        // The first statement of a create reads the datashare; the answer to the next, the GRANT, is lost.
        let submitted = 0;
        const provider = w.providerWith({
          maxAttempts,
          onStatement: (event) => {
            if (event.kind === "submitted" && ++submitted === 1) w.emu.setFaults(DROP_NEXT_EXECUTE);
          },
        });
        const { id, outs } = await oneAnswerDropped(w, provider.create(w.declared("gshare")));
        assert.equal(outs.dataShareArn, arn);
        assert.deepEqual(w.grantsOf(arn), [w.consumer]);
        assert.equal((await provider.read(id, outs)).id, id);
      });
    }
  });
}

for (const revokeAbsent of ["succeed", "refuse"] as const) {
  describe(`DataShareGrant delete under revokeAbsent=${revokeAbsent}`, () => {
    let w: GrantWorld;
    beforeEach(async () => {
      w = await startGrantWorld({ revokeAbsent });
    });
    afterEach(async () => {
      await w.emu.stop();
    });

    it("is done when usage was already revoked outside Pulumi", async () => {
      const arn = await w.share("gshare");
      const { id, outs } = await w.provider.create(w.declared("gshare"));
      await producerSql(w.emu, `REVOKE USAGE ON DATASHARE gshare FROM ACCOUNT '${w.consumer}'`);
      await w.provider.delete(id, outs);
      assert.deepEqual(w.grantsOf(arn), []);
    });

    for (const [maxAttempts, clientToken] of LOST_ANSWER_CASES) {
      it(`is done after a lost ExecuteStatement answer of its REVOKE (maxAttempts ${maxAttempts}, clientToken=${clientToken})`, async () => {
        w.emu.setBehaviours({ revokeAbsent, clientToken });
        const arn = await w.share("gshare");
        const provider = w.providerWith({ maxAttempts });
        const { id, outs } = await provider.create(w.declared("gshare"));
        w.emu.setFaults(DROP_NEXT_EXECUTE);
        await oneAnswerDropped(w, provider.delete(id, outs));
        assert.deepEqual(w.grantsOf(arn), []);
      });
    }

    it("fails, revoking nothing, when REVOKE fails and the views cannot say the grant is gone", async () => {
      const arn = await w.share("gshare");
      const { id, outs } = await w.provider.create(w.declared("gshare"));
      // A database that does not exist: the REVOKE and the read after it both fail.
      await assert.rejects(
        w.provider.delete(id, { ...outs, database: "other_db" }),
        (e: unknown) =>
          e instanceof Error && /revoking usage of datashare gshare .*does not exist/.test(e.message),
      );
      assert.deepEqual(w.grantsOf(arn), [w.consumer]);
    });
  });
}
