/** What a delete does with a key, from what this run knows of it (provider/core/deleteDecision.ts). */
import * as assert from "node:assert/strict";
import { DeleteDecision, deleteDecision } from "../../../provider/core/deleteDecision";

const WHAT = "the association of arn:x with namespace y";
const messageOf = (d: DeleteDecision) => ("message" in d ? d.message : "");

describe("the delete decision", () => {
  it("removes a key no check of this run declared (destroy, a key the program dropped)", () => {
    assert.deepEqual(deleteDecision("DataShareConsumer", WHAT, { claimed: false, held: false }), {
      kind: "remove",
    });
    assert.deepEqual(deleteDecision("DataShareConsumer", WHAT, { claimed: false, held: true }), {
      kind: "remove",
    });
  });

  it("leaves a declared key the stack holds with a note (create first, a rename, a second declaration)", () => {
    const d = deleteDecision("DataShareConsumer", WHAT, { claimed: true, held: true });
    assert.equal(d.kind, "note");
    assert.ok(messageOf(d).startsWith(`DataShareConsumer: left ${WHAT} in place:`));
  });

  it("leaves a declared key not yet held with a warning: the original of a delete-first replacement, and what to run", () => {
    const d = deleteDecision("DataShareAuthorization", WHAT, { claimed: true, held: false });
    assert.equal(d.kind, "warn");
    const message = messageOf(d);
    assert.match(message, /^DataShareAuthorization: left .* in place for the replacement that follows/);
    assert.match(message, /deleteBeforeReplace is set/);
    assert.match(message, /run `pulumi up` next/);
    assert.match(message, /`pulumi up` and then `pulumi destroy` remove it/);
  });
});
