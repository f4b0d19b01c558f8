import * as assert from "node:assert/strict";
import { declaredWrites, findDrift, ResourceState } from "../../../cli/drift/findDrift";
import { DATASHARE as SHARE, NAMESPACE as NS } from "../../fixtures/arns";

function state(inputs: Record<string, unknown> = {}, outputs: Record<string, unknown> = {}): ResourceState {
  const i = { dataShareArn: SHARE, consumerArn: NS, ...inputs };
  return {
    inputs: i,
    outputs: {
      ...i,
      status: "ACTIVE",
      consumerIdentifier: NS,
      producerAllowedWrites: false,
      consumerAcceptedWrites: false,
      ...outputs,
    },
  };
}

const summary = (
  old: ResourceState,
  live: ResourceState | undefined,
  cause?: Parameters<typeof findDrift>[2],
) => findDrift(old, live, cause).map((f) => [f.kind, f.property, f.declared, f.live, f.remedy]);

describe("findDrift", () => {
  it("when the refreshed state equals the stored one, finds nothing", () => {
    assert.deepEqual(findDrift(state(), state()), []);
  });

  it("when only dates or datashare details changed, finds nothing", () => {
    const live = state({}, { createdDate: "2026-01-02T00:00:00Z", statusChangeDate: "x", managedBy: "ADX" });
    assert.deepEqual(findDrift(state(), live), []);
  });

  describe("association gone", () => {
    it("when disassociated by hand, pulumi up heals it", () => {
      assert.deepEqual(summary(state(), undefined, { kind: "disassociated" }), [
        ["association-gone", "status", "ACTIVE", null, "pulumi-up"],
      ]);
    });

    it("when the producer authorized the datashare again read-only, says so and that pulumi up heals it", () => {
      const [f] = findDrift(state(), undefined, { kind: "reauthorized", producerAllowedWrites: false });
      assert.deepEqual([f.kind, f.remedy], ["association-gone", "pulumi-up"]);
      assert.match(
        f.detail,
        /^the producer authorized the datashare again read-only, which ended the association/,
      );
    });

    it("when the cause is unknown, still reports it gone and says why the cause is missing", () => {
      const [f] = findDrift(state(), undefined, { kind: "unknown", reason: "no API" });
      assert.equal(f.kind, "association-gone");
      assert.equal(f.remedy, "pulumi-up");
      assert.match(f.detail, /cause unknown: no API/);
      assert.equal(findDrift(state(), undefined)[0].kind, "association-gone");
    });

    it("when superseded by an entire-account association, pulumi up heals it and the detail names the other", () => {
      const [f] = findDrift(state(), undefined, { kind: "superseded", by: "an entire-account association" });
      assert.deepEqual([f.kind, f.remedy], ["superseded", "pulumi-up"]);
      assert.match(f.detail, /entire-account association/);
    });

    it("when gone and no longer authorized, the producer must act", () => {
      const [f] = findDrift(state(), undefined, { kind: "not-authorized", status: "DEAUTHORIZED" });
      assert.deepEqual([f.kind, f.remedy], ["association-gone", "producer"]);
      assert.match(f.detail, /DEAUTHORIZED/);
    });
  });

  it("when the datashare was deleted, reports the ARN gone and the producer must act", () => {
    assert.deepEqual(summary(state(), undefined, { kind: "datashare-gone" }), [
      ["datashare-gone", "dataShareArn", SHARE, null, "producer"],
    ]);
  });

  describe("status not ACTIVE", () => {
    for (const [status, remedy] of [
      ["DEAUTHORIZED", "producer"],
      ["REJECTED", "producer"],
      ["PENDING_AUTHORIZATION", "producer"],
      ["AVAILABLE", "pulumi-up"],
      ["AUTHORIZED", "pulumi-up"],
      ["SOMETHING_NEW", "producer"],
    ]) {
      it(`when the status is ${status}, the remedy is ${remedy}`, () => {
        assert.deepEqual(summary(state(), state({}, { status })), [
          ["status", "status", "ACTIVE", status, remedy],
        ]);
      });
    }

    it("when the stored status is already not ACTIVE (after --refresh), still reports it", () => {
      const old = state({}, { status: "DEAUTHORIZED" });
      assert.equal(findDrift(old, old)[0].live, "DEAUTHORIZED");
    });

    it("when the status is not ACTIVE, does not add write findings on top", () => {
      const live = state({}, { status: "REJECTED", consumerAcceptedWrites: true });
      assert.deepEqual(
        findDrift(state(), live).map((f) => f.kind),
        ["status"],
      );
    });
  });

  describe("writes", () => {
    const writable = (outputs: Record<string, unknown> = {}) =>
      state({ allowWrites: true }, { producerAllowedWrites: true, consumerAcceptedWrites: true, ...outputs });

    it("when the consumer turned writes off by hand, pulumi up heals it", () => {
      assert.deepEqual(summary(writable(), writable({ consumerAcceptedWrites: false })), [
        ["consumer-writes", "allowWrites", true, false, "pulumi-up"],
      ]);
    });

    it("when the consumer turned writes on against a read-only declaration, pulumi up heals it", () => {
      const old = state({ allowWrites: false }, { producerAllowedWrites: true });
      assert.deepEqual(
        summary(
          old,
          state({ allowWrites: false }, { producerAllowedWrites: true, consumerAcceptedWrites: true }),
        ),
        [["consumer-writes", "allowWrites", false, true, "pulumi-up"]],
      );
    });

    it("when allowWrites is unset, compares with what was accepted at the last update", () => {
      assert.equal(declaredWrites(state({}, { consumerAcceptedWrites: true })), true);
      assert.equal(declaredWrites(state()), false);
      assert.equal(declaredWrites(state({ allowWrites: false }, { consumerAcceptedWrites: true })), false);
    });

    it("when the producer turned writes off, the producer must act", () => {
      assert.deepEqual(summary(writable(), writable({ producerAllowedWrites: false })), [
        ["producer-writes", "producerAllowedWrites", true, false, "producer"],
      ]);
    });

    it("when the producer and the consumer both turned writes off, both findings need the producer", () => {
      assert.deepEqual(
        summary(writable(), writable({ producerAllowedWrites: false, consumerAcceptedWrites: false })),
        [
          ["producer-writes", "producerAllowedWrites", true, false, "producer"],
          ["consumer-writes", "allowWrites", true, false, "producer"],
        ],
      );
    });

    it("when the producer turned writes on, that is not drift", () => {
      assert.deepEqual(findDrift(state(), state({}, { producerAllowedWrites: true })), []);
    });

    it("when the live state does not report the write flags, finds nothing about writes", () => {
      const live = state();
      delete live.outputs.consumerAcceptedWrites;
      delete live.outputs.producerAllowedWrites;
      assert.deepEqual(findDrift(writable(), live), []);
    });
  });

  describe("consumer changed", () => {
    it("when the consumer identifier changed, pulumi up heals it", () => {
      assert.deepEqual(summary(state(), state({}, { consumerIdentifier: "444455556666" })), [
        ["consumer-changed", "consumerIdentifier", NS, "444455556666", "pulumi-up"],
      ]);
    });

    it("when the target inputs changed, reports the input once, not again as an output", () => {
      const live = state({ consumerArn: undefined, consumerRegion: "us-west-2" });
      assert.deepEqual(
        findDrift(state(), live).map((f) => [f.property, f.declared, f.live]),
        [
          ["consumerArn", NS, null],
          ["consumerRegion", null, "us-west-2"],
        ],
      );
    });

    it("when only the case of the namespace ARN differs, finds nothing", () => {
      assert.deepEqual(findDrift(state(), state({}, { consumerIdentifier: NS.toUpperCase() })), []);
    });

    it("when associateEntireAccount goes from false to unset, finds nothing", () => {
      assert.deepEqual(findDrift(state({ associateEntireAccount: false }), state()), []);
    });
  });
});
