import * as assert from "node:assert/strict";
import { findAuthorizationDrift } from "../../../cli/drift/findAuthorizationDrift";
import { ResourceState } from "../../../cli/drift/findDrift";
import { DATASHARE as SHARE } from "../../fixtures/arns";

function state(inputs: Record<string, unknown> = {}, outputs: Record<string, unknown> = {}): ResourceState {
  const i = { dataShareArn: SHARE, consumerIdentifier: "444455556666", ...inputs };
  return {
    inputs: i,
    outputs: { ...i, region: "us-east-1", status: "AUTHORIZED", producerAllowedWrites: false, ...outputs },
  };
}

const summary = (old: ResourceState, live: ResourceState | undefined) =>
  findAuthorizationDrift(old, live).map((f) => [f.kind, f.property, f.declared, f.live, f.remedy]);

describe("findAuthorizationDrift", () => {
  it("when the refreshed state equals the stored one, finds nothing", () => {
    assert.deepEqual(findAuthorizationDrift(state(), state()), []);
  });

  it("when the consumer associated the share (ACTIVE), finds nothing", () => {
    assert.deepEqual(
      findAuthorizationDrift(state(), state({}, { status: "ACTIVE", consumerAcceptedWrites: true })),
      [],
    );
  });

  it("when the producer deauthorized by hand (refresh dropped it), its own pulumi up heals it", () => {
    assert.deepEqual(summary(state(), undefined), [
      ["authorization-gone", "status", "AUTHORIZED", null, "pulumi-up"],
    ]);
    assert.match(findAuthorizationDrift(state(), undefined)[0].detail, /444455556666.*DeauthorizeDataShare/);
  });

  it("when the read said why it dropped the authorization, the finding names that cause", () => {
    const deauthorized = findAuthorizationDrift(state(), undefined, {
      kind: "not-authorized",
      status: "DEAUTHORIZED",
    });
    assert.deepEqual(summary(state(), undefined), [
      [
        deauthorized[0].kind,
        deauthorized[0].property,
        deauthorized[0].declared,
        null,
        deauthorized[0].remedy,
      ],
    ]);
    assert.match(
      deauthorized[0].detail,
      /removed outside Pulumi \(DeauthorizeDataShare\) \(status DEAUTHORIZED\)/,
    );
    assert.doesNotMatch(deauthorized[0].detail, /datashare was dropped/);
    const [dropped] = findAuthorizationDrift(state(), undefined, { kind: "datashare-gone" });
    assert.deepEqual(
      [dropped.kind, dropped.property, dropped.live, dropped.remedy],
      ["datashare-gone", "dataShareArn", null, "producer"],
    );
    assert.equal(dropped.declared, state().inputs.dataShareArn);
    assert.match(dropped.detail, /no longer exists; create it again/);
  });

  it("when the consumer rejected the share, pulumi up authorizes again and the detail says so", () => {
    const [f] = findAuthorizationDrift(state(), state({}, { status: "REJECTED" }));
    assert.deepEqual(
      [f.kind, f.property, f.declared, f.live, f.remedy],
      ["status", "status", "AUTHORIZED", "REJECTED", "pulumi-up"],
    );
    assert.match(f.detail, /rejected the datashare/);
  });

  it("when another status is reported, names it", () => {
    const [f] = findAuthorizationDrift(state(), state({}, { status: "PENDING_ACCEPTANCE" }));
    assert.equal(f.live, "PENDING_ACCEPTANCE");
    assert.match(f.detail, /PENDING_ACCEPTANCE/);
  });

  it("when writes declared were turned off by a read-only re-authorization, names allowWrites", () => {
    const old = state({ allowWrites: true }, { producerAllowedWrites: true });
    const live = state({ allowWrites: false }, { producerAllowedWrites: false });
    assert.deepEqual(summary(old, live), [["authorization-writes", "allowWrites", true, false, "pulumi-up"]]);
  });

  it("when writes were turned on by hand where none are declared, names allowWrites", () => {
    const live = state({ allowWrites: true }, { producerAllowedWrites: true });
    assert.deepEqual(summary(state(), live), [
      ["authorization-writes", "allowWrites", false, true, "pulumi-up"],
    ]);
  });

  it("when only the consumer's accepted writes changed, finds nothing (that is the consumer's drift)", () => {
    const old = state({ allowWrites: true }, { producerAllowedWrites: true, consumerAcceptedWrites: true });
    const live = state({ allowWrites: true }, { producerAllowedWrites: true, consumerAcceptedWrites: false });
    assert.deepEqual(findAuthorizationDrift(old, live), []);
  });

  it("when the status is not in order, does not compare writes", () => {
    const old = state({ allowWrites: true }, { producerAllowedWrites: true });
    const live = state({}, { status: "REJECTED", producerAllowedWrites: false });
    assert.deepEqual(
      summary(old, live).map((f) => f[0]),
      ["status"],
    );
  });
});
