import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";

interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

describe("the DataShareConsumer resource", () => {
  let result: { registered: Registration[]; status: string; writes: boolean };

  before(function () {
    this.timeout(120000);
    const script = path.join(__dirname, "fixtures", "registerWithMocks.ts");
    const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", script], {
      cwd: path.join(__dirname, "..", ".."),
      encoding: "utf8",
      env: { ...process.env, RDS_SDK_MOCK_FIXTURE: "1" },
    });
    result = JSON.parse(out.trim().split("\n").pop() ?? "{}");
  });

  it("registers under the type token pulumi-nodejs:dynamic/redshift:DataShareConsumer", () => {
    assert.deepEqual(
      result.registered.map((r) => r.type),
      [
        "pulumi-nodejs:dynamic/redshift:DataShareConsumer",
        "pulumi-nodejs:dynamic/redshift:DataShareConsumer",
      ],
    );
  });

  it("passes the declared inputs and leaves unset ones out", () => {
    const a = result.registered.find((r) => r.name === "a");
    assert.ok(a);
    assert.equal(
      a.inputs.consumerArn,
      "arn:aws:redshift:us-east-1:444455556666:namespace:c0ffee00-0000-4000-8000-000000000001",
    );
    assert.ok(!("allowWrites" in a.inputs) || a.inputs.allowWrites === undefined);
  });

  it("stores the same serialized provider with every resource", () => {
    const providers = result.registered.map((r) => r.inputs.__provider);
    assert.equal(typeof providers[0], "string");
    assert.equal(providers[0], providers[1]);
  });

  it("exposes the provider's outputs as resource outputs", () => {
    assert.equal(result.status, "ACTIVE");
    assert.equal(result.writes, false);
  });
});
