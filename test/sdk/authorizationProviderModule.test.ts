import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { providerModuleText } from "../../sdk/providerModule";
import { deserialize, withEnv } from "./providerModuleHarness";

const ROOT = path.join(__dirname, "..", "..");

describe("the DataShareAuthorization provider module as the engine runs it", function () {
  this.timeout(60000);
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let restore: () => void;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, "dist", "provider", "authorization", "provider.js"))) {
      throw new Error("dist/provider/authorization is missing: run `npm run build` first (npm test does)");
    }
  });
  beforeEach(async () => {
    emu = await startEmulator({ seed: "emulator/seeds/default.json" });
    const creds = emu.credentials("producer");
    restore = withEnv({
      AWS_ACCESS_KEY_ID: creds.accessKeyId,
      AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_REGION: undefined,
      REDSHIFT_DATASHARE_ENDPOINT: undefined,
    });
  });
  afterEach(async () => {
    restore();
    await emu.stop();
  });

  it("configures from stack config, then checks, creates, reads, updates and deletes with the producer's credentials", async () => {
    const provider = deserialize(providerModuleText("DataShareAuthorization"));
    const config: Record<string, string> = {
      "aws:region": "us-east-1",
      "redshift-datashare:endpoint": emu.endpoint,
      "redshift-datashare:maxAttempts": "1",
    };
    await provider.configure({ config: { get: (k) => config[k], require: (k) => config[k] } });
    const inputs = {
      dataShareArn: emu.dataShareArn("finance"),
      consumerIdentifier: emu.accountId("consumer"),
    };
    assert.deepEqual((await provider.check!({}, inputs)).failures, []);
    const { id, outs } = await provider.create(inputs);
    assert.equal(outs.status, "AUTHORIZED");
    const read = await provider.read!(id, outs);
    assert.deepEqual(read.inputs, inputs);
    assert.equal((await provider.diff!(id, read.props, inputs)).changes, false);
    const writes = { ...inputs, allowWrites: true };
    const updated = await provider.update!(id, read.props, writes);
    assert.equal(updated.outs?.producerAllowedWrites, true);
    await provider.delete!(id, updated.outs);
    assert.equal((await provider.read!(id, updated.outs)).id, "");
  });

  it("reports check failures", async () => {
    const provider = deserialize(providerModuleText("DataShareAuthorization"));
    const { failures } = await provider.check!({}, { dataShareArn: emu.dataShareArn("finance") });
    assert.ok(failures?.some((f) => f.property === "consumerIdentifier"));
  });
});
