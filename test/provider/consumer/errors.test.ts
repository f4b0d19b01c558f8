import * as assert from "node:assert/strict";
import {
  AwsCallError,
  isDataShareMissing,
  isOutcomeUnknown,
  mapAwsFailure as mapFailure,
  redact,
} from "../../../provider/core/errors";
import {
  AssociateEvidence,
  DataShareConsumerError,
  isAlreadyAssociated,
  isAssociationMissing,
  mapAssociateFailure,
} from "../../../provider/consumer/errors";
import { CONSUMER_ACCOUNT, DATASHARE, NAMESPACE, PRODUCER_ACCOUNT } from "../../fixtures/arns";

/** The core's one mapping, for the consumer's failures. */
const mapAwsFailure = (err: unknown, action: string, secrets?: string[]) =>
  mapFailure(err, action, DataShareConsumerError, secrets);
/** `status` null: no HTTP answer arrived. */
const fault = (code: string, message = "something", status: number | null = 400) =>
  new AwsCallError("AssociateDataShareConsumer", code, message, "req-123", status ?? undefined);
const evidence = (over: Partial<AssociateEvidence> = {}): AssociateEvidence => ({
  dataShareArn: DATASHARE,
  producerAccount: PRODUCER_ACCOUNT,
  callerAccount: CONSUMER_ACCOUNT,
  dataShareVisible: true,
  callerStatus: "AVAILABLE",
  producerAllowedWrites: true,
  allowWritesRequested: false,
  ...over,
});

function mapped(err: AwsCallError, ev = evidence()): DataShareConsumerError {
  const e = mapAssociateFailure(err, ev);
  assert.ok(e instanceof DataShareConsumerError, String(e));
  return e;
}

describe("mapping AWS faults", () => {
  it("a datashare ARN that does not exist says so and keeps the AWS code and request id", () => {
    const e = mapped(
      fault("InvalidDataShareFault", `The datashare ${DATASHARE} is invalid because the ARN doesn't exist.`),
    );
    assert.equal(e.kind, "DataShareNotFound");
    assert.match(e.message, /does not exist or is not shared with account 444455556666/);
    assert.match(e.message, /\(AWS error InvalidDataShareFault, request id req-123\)$/);
  });

  it("a datashare the caller cannot see, without AWS saying it does not exist, is an authorization problem", () => {
    const e = mapped(
      fault("InvalidDataShareFault"),
      evidence({ dataShareVisible: false, callerStatus: undefined }),
    );
    assert.equal(e.kind, "NotAuthorized");
    assert.match(e.message, /not visible to this account: not granted to it, or not authorized yet/);
  });

  for (const status of ["DEAUTHORIZED", "REJECTED"]) {
    it(`a datashare ${status} for the caller says the producer must authorize it again and that nothing changed`, () => {
      const e = mapped(fault("InvalidDataShareFault"), evidence({ callerStatus: status }));
      assert.equal(e.kind, "NotAuthorized");
      assert.match(
        e.message,
        new RegExp(
          `is ${status} for account 444455556666: the producer \\(account 111122223333\\) must authorize it again`,
        ),
      );
      assert.match(e.message, /Nothing was changed/);
    });
  }

  it("a datashare pending authorization asks the producer to authorize it", () => {
    const e = mapped(fault("InvalidDataShareFault"), evidence({ callerStatus: "PENDING_AUTHORIZATION" }));
    assert.equal(e.kind, "NotAuthorized");
    assert.match(e.message, /its status for this account is PENDING_AUTHORIZATION/);
    assert.match(e.message, /ask the producer \(account 111122223333\) to authorize it/i);
  });

  it("writes requested on a read-only authorization say who can allow them", () => {
    const e = mapped(
      fault("InvalidDataShareFault"),
      evidence({ allowWritesRequested: true, producerAllowedWrites: false }),
    );
    assert.equal(e.kind, "WritesNotAllowed");
    assert.match(e.message, /allowWrites is true, but the producer .* read-only/);
    assert.match(e.message, /AllowWrites=true/);
  });

  it("writes requested on a share that is not authorized at all is an authorization problem", () => {
    const e = mapped(
      fault("InvalidDataShareFault"),
      evidence({
        allowWritesRequested: true,
        producerAllowedWrites: false,
        callerStatus: "PENDING_AUTHORIZATION",
      }),
    );
    assert.equal(e.kind, "NotAuthorized");
  });

  it("an association that exists but could not be adopted says so, not that the share is unauthorized", () => {
    const refusal = fault(
      "InvalidDataShareFault",
      `Can't associate the data share ${DATASHARE} because it's already associated with the namespace ${NAMESPACE} with the same settings.`,
    );
    assert.ok(isAlreadyAssociated(refusal));
    assert.ok(!isAlreadyAssociated(fault("InvalidDataShareFault")));
    const e = mapped(refusal, evidence({ callerStatus: "ACTIVE" }));
    assert.equal(e.kind, "AlreadyAssociated");
    assert.match(e.message, /already associated as declared .* not adopted\. Run `pulumi up` again/);
  });

  it("a namespace outside the caller's account says whose namespace is needed", () => {
    const e = mapped(fault("InvalidNamespaceFault"), evidence({ consumerArn: NAMESPACE }));
    assert.equal(e.kind, "NamespaceNotInAccount");
    assert.match(
      e.message,
      new RegExp(`consumerArn ${NAMESPACE} is not a namespace of account 444455556666`),
    );
  });

  const generic: [string, number | null, string][] = [
    ["InvalidClientTokenId", 403, "Credentials"],
    ["SignatureDoesNotMatch", 403, "Credentials"],
    ["CredentialsProviderError", null, "Credentials"],
    ["AccessDenied", 403, "AccessDenied"],
    ["InvalidParameterValue", 400, "InvalidRequest"],
    ["InvalidParameterCombination", 400, "InvalidRequest"],
    ["ThrottlingException", 400, "Unavailable"],
    ["ServiceUnavailable", 503, "Unavailable"],
    ["ECONNRESET", null, "Network"],
    ["SomethingNew", 400, "Unknown"],
  ];
  for (const [code, status, kind] of generic) {
    it(`${code} maps to ${kind} and keeps the code`, () => {
      const e = mapAwsFailure(fault(code, "details", status), "reading");
      assert.ok(e instanceof DataShareConsumerError);
      assert.equal(e.kind, kind);
      assert.match(e.message, new RegExp(`AWS error ${code}`));
    });
  }

  it("never puts access key ids or known secrets in a message", () => {
    const secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    const e = mapAwsFailure(
      fault("SignatureDoesNotMatch", `key AKIAEMULCONSUMER0001 signed with ${secret}`, 403),
      "x",
      [secret],
    );
    assert.ok(!e.message.includes("AKIAEMULCONSUMER0001"));
    assert.ok(!e.message.includes(secret));
    assert.equal(redact("ASIAABCDEFGHIJKLMNOP"), "ASIA****");
  });

  it("errors that are not AWS calls pass through unchanged", () => {
    const original = new TypeError("boom");
    assert.equal(mapAwsFailure(original, "x"), original);
    assert.equal(mapAssociateFailure(original, evidence()), original);
  });

  it("tells a missing datashare, a missing association and an unknown outcome apart", () => {
    const missingShare = fault("InvalidDataShareFault", "... because the ARN doesn't exist.");
    const missingAssoc = fault(
      "InvalidDataShareFault",
      "... either doesn't exist or isn't associated with this data consumer.",
    );
    assert.deepEqual([isDataShareMissing(missingShare), isAssociationMissing(missingShare)], [true, false]);
    assert.deepEqual([isDataShareMissing(missingAssoc), isAssociationMissing(missingAssoc)], [false, true]);
    assert.equal(isDataShareMissing(fault("ResourceNotFoundFault", "", 404)), true);
    assert.equal(isDataShareMissing(fault("InvalidDataShareFault", "not authorized")), false);
    assert.equal(isOutcomeUnknown(fault("ECONNRESET", "socket hang up", null)), true);
    assert.equal(isOutcomeUnknown(fault("InvalidDataShareFault")), false);
  });
});
