import * as assert from "node:assert/strict";
import { findGrantDrift } from "../../../cli/drift/findGrantDrift";
import { ResourceState } from "../../../cli/drift/findDrift";

function state(): ResourceState {
  const inputs = {
    clusterIdentifier: "producer",
    database: "dev",
    dataShareName: "sales",
    consumerIdentifier: "444455556666",
  };
  const arn = "arn:aws:redshift:us-east-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/sales";
  return { inputs, outputs: { ...inputs, dataShareArn: arn } };
}

const summary = (...args: Parameters<typeof findGrantDrift>) =>
  findGrantDrift(...args).map((f) => [f.kind, f.property, f.declared, f.live, f.remedy]);

describe("findGrantDrift", () => {
  it("when the refresh keeps the grant, finds nothing", () => {
    assert.deepEqual(findGrantDrift(state(), state()), []);
  });

  it("when usage was revoked by hand, the producer's own pulumi up --refresh heals it", () => {
    assert.deepEqual(summary(state(), undefined, { kind: "revoked" }), [
      ["grant-gone", "consumerIdentifier", "444455556666", null, "pulumi-up"],
    ]);
    const [f] = findGrantDrift(state(), undefined, { kind: "revoked" });
    assert.match(f.detail, /revoked outside Pulumi \(REVOKE USAGE ON DATASHARE\)/);
    assert.match(f.detail, /authorize \(and associate\) again/);
    assert.doesNotMatch(f.detail, /dropped/);
  });

  it("when the datashare was dropped, the datashare must come back first (the producer)", () => {
    assert.deepEqual(summary(state(), undefined, { kind: "datashare-gone" }), [
      ["datashare-gone", "dataShareName", "sales", null, "producer"],
    ]);
    assert.match(
      findGrantDrift(state(), undefined, { kind: "datashare-gone" })[0].detail,
      /DataShare resource/,
    );
  });

  it("when the refresh did not say why, the finding names both causes", () => {
    const [f] = findGrantDrift(state(), undefined, {
      kind: "unknown",
      reason: "the refresh did not say why",
    });
    assert.equal(f.kind, "grant-gone");
    assert.match(f.detail, /revoked outside Pulumi, or the datashare was dropped.*cause unknown/);
    assert.equal(findGrantDrift(state(), undefined)[0].kind, "grant-gone");
  });
});
