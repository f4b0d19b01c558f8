import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";

interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

describe("the DataShareAuthorization resource", () => {
  let result: { registered: Registration[]; status: string; writes: boolean };

  before(function () {
    this.timeout(120000);
    const script = path.join(__dirname, "fixtures", "registerAuthorizationWithMocks.ts");
    const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", script], {
      cwd: path.join(__dirname, "..", ".."),
      encoding: "utf8",
      env: { ...process.env, RDS_SDK_MOCK_FIXTURE: "1" },
    });
    result = JSON.parse(out.trim().split("\n").pop() ?? "{}");
  });

  it("registers under the type token pulumi-nodejs:dynamic/redshift:DataShareAuthorization", () => {
    assert.deepEqual(Object.fromEntries(result.registered.map((r) => [r.name, r.type])), {
      a: "pulumi-nodejs:dynamic/redshift:DataShareAuthorization",
      b: "pulumi-nodejs:dynamic/redshift:DataShareAuthorization",
      c: "pulumi-nodejs:dynamic/redshift:DataShareConsumer",
    });
  });

  it("passes the declared inputs and leaves unset ones out", () => {
    const b = result.registered.find((r) => r.name === "b");
    assert.ok(b);
    assert.equal(b.inputs.consumerIdentifier, "777788889999");
    assert.ok(!("allowWrites" in b.inputs) || b.inputs.allowWrites === undefined);
  });

  it("stores one provider module for every authorization, not the consumer's", () => {
    const provider = (name: string) => result.registered.find((r) => r.name === name)?.inputs.__provider;
    const [a, b, c] = ["a", "b", "c"].map(provider);
    assert.equal(typeof a, "string");
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.match(String(a), /authorizationProvider/);
  });

  it("exposes the provider's outputs as resource outputs", () => {
    assert.equal(result.status, "AUTHORIZED");
    assert.equal(result.writes, true);
  });
});
