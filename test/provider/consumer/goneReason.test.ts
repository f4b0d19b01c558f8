import * as assert from "node:assert/strict";
import { matchAssociation } from "../../../provider/consumer/find";
import { explainGone } from "../../../provider/consumer/goneReason";
import type { AssociationKey } from "../../../provider/consumer/types";
import type { GoneReason } from "../../../provider/core/goneReport";
import type { LiveAssociation, LiveDataShare } from "../../../provider/core/types";
import { DATASHARE as SHARE, NAMESPACE as NS } from "../../fixtures/arns";

const CALLER = "444455556666";
const nsKey: AssociationKey = { dataShareArn: SHARE, target: { kind: "namespace", consumerArn: NS } };
const accountKey: AssociationKey = { dataShareArn: SHARE, target: { kind: "account" } };

const shares = (...associations: LiveAssociation[]): LiveDataShare[] => [
  { dataShareArn: SHARE, associations },
];

/** What read concludes from the answer it got (undefined: the ARN is unknown to AWS). */
function reasonFor(key: AssociationKey, answer: LiveDataShare[] | undefined): GoneReason {
  const match = answer === undefined ? undefined : matchAssociation(answer, key, CALLER);
  if (match?.found) throw new Error("the association is there");
  return explainGone(key, answer, match ?? { found: false, reason: "datashare-gone" }, CALLER).reason;
}

describe("explainGone: why read found no association", () => {
  it("when the ARN does not exist, the datashare is gone", () => {
    assert.deepEqual(reasonFor(nsKey, undefined), { kind: "datashare-gone" });
  });

  it("when the datashare is not in the answer, the datashare is gone", () => {
    assert.deepEqual(reasonFor(nsKey, []), { kind: "datashare-gone" });
  });

  it("when only the AVAILABLE offer is left, the association was disassociated", () => {
    assert.deepEqual(reasonFor(nsKey, shares({ consumerIdentifier: CALLER, status: "AVAILABLE" })), {
      kind: "disassociated",
    });
  });

  it("when an entire-account association took the namespace's place, it was superseded", () => {
    const reason = reasonFor(nsKey, shares({ consumerIdentifier: CALLER, status: "ACTIVE" }));
    assert.deepEqual(reason, { kind: "superseded", by: `an entire-account association of ${CALLER}` });
  });

  it("when namespace associations took the account's place, it was superseded and names them", () => {
    const reason = reasonFor(accountKey, shares({ consumerIdentifier: NS, status: "ACTIVE" }));
    assert.deepEqual(reason, { kind: "superseded", by: `namespace/region associations (${NS})` });
  });

  for (const status of ["DEAUTHORIZED", "REJECTED"]) {
    it(`when only a ${status} account-level entry is left, the share is not authorized (not superseded)`, () => {
      assert.deepEqual(reasonFor(nsKey, shares({ consumerIdentifier: CALLER, status })), {
        kind: "not-authorized",
        status,
      });
    });
  }

  it("when only a DEAUTHORIZED namespace entry is left, an entire-account resource is not superseded", () => {
    assert.deepEqual(reasonFor(accountKey, shares({ consumerIdentifier: NS, status: "DEAUTHORIZED" })), {
      kind: "not-authorized",
      status: "DEAUTHORIZED",
    });
  });

  it("when nothing of the caller is left, the share is no longer authorized", () => {
    assert.deepEqual(reasonFor(nsKey, shares()), { kind: "not-authorized" });
  });

  it("when the offer left has other writes than the state recorded, the producer authorized it again", () => {
    const answer = shares({ consumerIdentifier: CALLER, status: "AUTHORIZED", producerAllowedWrites: false });
    const match = matchAssociation(answer, nsKey, CALLER);
    assert.ok(!match.found);
    const gone = explainGone(nsKey, answer, match, CALLER, { producerAllowedWrites: true });
    assert.deepEqual(gone.reason, { kind: "reauthorized", producerAllowedWrites: false });
    assert.match(
      gone.sentence,
      /is gone: the producer \(account 111122223333\) authorized the datashare again read-only \(it was with writes allowed\), which ended the association; the datashare is still offered to this account/,
    );
    assert.doesNotMatch(gone.sentence, /disassociated outside Pulumi/);
  });

  it("when the offer's writes are as recorded, it names both who may have ended the association", () => {
    const answer = shares({ consumerIdentifier: CALLER, status: "AUTHORIZED", producerAllowedWrites: true });
    const match = matchAssociation(answer, nsKey, CALLER);
    assert.ok(!match.found);
    const gone = explainGone(nsKey, answer, match, CALLER, { producerAllowedWrites: true });
    assert.deepEqual(gone.reason, { kind: "disassociated" });
    assert.match(gone.sentence, /by this account or by the producer \(account 111122223333\) deauthorizing/);
  });

  it("the sentence names the datashare and the target", () => {
    const match = matchAssociation(shares(), nsKey, CALLER);
    assert.ok(!match.found);
    const { sentence } = explainGone(nsKey, shares(), match, CALLER);
    assert.match(sentence, new RegExp(`association of .*/sales with namespace ${NS}.* is gone`));
  });
});
