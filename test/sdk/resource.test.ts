/**
 * What the DataShareConsumer class hands the engine, seen under Pulumi's mocks in a child process
 * (test/sdk/fixtures/registerWithMocks.ts), once from the sources and once from the built package.
 */
import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { consumerSpec, inputNames, outputOnlyNames } from "../../provider/schema";
import { providerModuleText } from "../../sdk/providerModule";
import { requireBuiltPackage } from "../../harness/builtPackage";
import { marker } from "./fixtures/registerWithMocks";

interface Registration {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}
interface Registered {
  registered: Registration[];
  outputs: Record<string, unknown>;
}

const ROOT = path.join(__dirname, "..", "..");
const INPUTS = inputNames(consumerSpec);
/** What AWS reports besides the inputs (consumerRegion is both an input and a reported value). */
const REPORTED = outputOnlyNames(consumerSpec);

function register(sdkDir: string): Registered {
  const script = path.join(__dirname, "fixtures", "registerWithMocks.ts");
  const out = execFileSync(process.execPath, ["-r", "ts-node/register/transpile-only", script], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      RDS_SDK_MOCK_FIXTURE: "1",
      RDS_SDK_DIR: sdkDir,
      RDS_SDK_OUTPUT_NAMES: JSON.stringify([...INPUTS, ...REPORTED]),
    },
  });
  return JSON.parse(out.trim().split("\n").pop() ?? "{}");
}

const byName = (r: Registered, name: string) => {
  const found = r.registered.find((x) => x.name === name);
  assert.ok(found, `resource ${name} registered`);
  return found;
};

describe("the DataShareConsumer resource", () => {
  let fromSources: Registered;

  before(function () {
    this.timeout(120000);
    fromSources = register(path.join(ROOT, "sdk"));
  });

  it("registers under the dynamic provider's type token for redshift:DataShareConsumer", () => {
    assert.deepEqual(
      fromSources.registered.map((r) => r.type),
      [
        "pulumi-nodejs:dynamic/redshift:DataShareConsumer",
        "pulumi-nodejs:dynamic/redshift:DataShareConsumer",
      ],
    );
  });

  it("sends only what the program set: unset inputs and the outputs go as undefined, not as defaults", () => {
    assert.deepEqual(Object.keys(byName(fromSources, "a").inputs).sort(), [
      "__provider",
      "consumerArn",
      "dataShareArn",
    ]);
    const b = byName(fromSources, "b").inputs;
    assert.deepEqual(Object.keys(b).sort(), [
      "__provider",
      "allowWrites",
      "consumerRegion",
      "dataShareArn",
      "region",
    ]);
    assert.equal(b.allowWrites, false);
  });

  it("exposes every declared input and reported value as an output, each carrying its own value", () => {
    const { outputs } = fromSources;
    const expected = [...INPUTS, ...REPORTED, "__provider", "id", "urn"].sort();
    assert.deepEqual(Object.keys(outputs).sort(), expected);
    for (const name of [...REPORTED, "associateEntireAccount", "consumerRegion", "allowWrites", "region"]) {
      assert.equal(outputs[name], marker(name), name);
    }
    assert.equal(outputs.consumerArn, byName(fromSources, "a").inputs.consumerArn);
  });

  it("stores the provider module text, from the sources and when built, the same for every resource", function () {
    this.timeout(120000);
    const text = providerModuleText("DataShareConsumer");
    for (const r of fromSources.registered) assert.equal(r.inputs.__provider, text);
    requireBuiltPackage();
    const built = register(path.join(ROOT, "dist", "sdk"));
    assert.ok(built.registered.length > 0);
    for (const r of built.registered) assert.equal(r.inputs.__provider, text);
  });
});
