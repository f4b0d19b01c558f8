import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { deserialize, serializedShim, withEnv } from "./shimHarness";

const ROOT = path.join(__dirname, "..", "..");
const SECRET = "shim-test/secret/access/key/that/must/not/leak/0001";
const TOKEN = "shim-test-session-token-that-must-not-leak";

const serialize = () => serializedShim("DataShareConsumer");

describe("the serialized provider shim", () => {
  let text: string;
  let restore: () => void;

  before(async () => {
    restore = withEnv({
      AWS_ACCESS_KEY_ID: "AKIASHIMTEST00000001",
      AWS_SECRET_ACCESS_KEY: SECRET,
      AWS_SESSION_TOKEN: TOKEN,
    });
    text = await serialize();
  });
  after(() => restore());

  it("is smaller than 4 KB", () => {
    const bytes = Buffer.byteLength(text, "utf8");
    assert.ok(bytes < 4096, `${bytes} bytes`);
  });

  it("holds no credential even when they are set in the environment", () => {
    for (const value of [SECRET, TOKEN, "AKIASHIMTEST00000001"]) assert.ok(!text.includes(value), value);
  });

  it("holds no absolute path of this machine", () => {
    for (const p of [ROOT, process.cwd(), os.homedir() + "/", os.tmpdir() + "/", __dirname]) {
      assert.ok(!text.includes(p), p);
    }
  });

  it("holds no provider logic: it loads the installed package's provider by name", () => {
    assert.match(text, /pulumi-redshift-datashare\/provider/);
    for (const logic of [
      "DescribeDataShares",
      "AssociateDataShareConsumer",
      "checkInputs",
      "matchAssociation",
    ]) {
      assert.ok(!text.includes(logic), logic);
    }
  });

  it("serializes to the same text every time (resources share one provider)", async () => {
    assert.equal(await serialize(), text);
  });
});

describe("the shim as the engine runs it", function () {
  this.timeout(60000);
  let emu: Awaited<ReturnType<typeof startEmulator>>;
  let restore: () => void;

  before(function () {
    if (!fs.existsSync(path.join(ROOT, "dist", "provider", "index.js"))) {
      throw new Error("dist/provider is missing: run `npm run build` first (npm test does)");
    }
  });
  beforeEach(async () => {
    emu = await startEmulator({ seed: "emulator/seeds/default.json" });
    const creds = emu.credentials("consumer");
    restore = withEnv({
      AWS_ACCESS_KEY_ID: creds.accessKeyId,
      AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_REGION: undefined,
      REDSHIFT_DATASHARE_ENDPOINT: undefined,
      // STS goes where the SDK's own setting says; the Redshift endpoint never carries it.
      AWS_ENDPOINT_URL_STS: emu.endpoint,
    });
  });
  afterEach(async () => {
    restore();
    await emu.stop();
  });

  it("configures from stack config, then checks, creates, reads and deletes through the compiled provider", async () => {
    const provider = deserialize(await serialize());
    const config: Record<string, string> = {
      "aws:region": "us-east-1",
      "redshift-datashare:endpoint": emu.endpoint,
      "redshift-datashare:maxAttempts": "1",
    };
    await provider.configure({ config: { get: (k) => config[k], require: (k) => config[k] } });
    const inputs = { dataShareArn: emu.dataShareArn("sales"), consumerArn: emu.namespaceArn("consumer", 1) };
    const checked = await provider.check!({}, inputs);
    assert.deepEqual(checked.failures, []);
    // check records the region the calls go to, so a new default shows as a diff on region.
    assert.deepEqual(checked.inputs, { ...inputs, region: "us-east-1" });
    const { id, outs } = await provider.create(checked.inputs);
    assert.equal(outs.status, "ACTIVE");
    const read = await provider.read!(id, outs);
    assert.deepEqual(read.inputs, checked.inputs);
    assert.equal((await provider.diff!(id, read.props, checked.inputs)).changes, false);
    await provider.delete!(id, outs);
    assert.equal((await provider.read!(id, outs)).id, "");
  });

  it("forwards update, so an in-place change reaches the provider instead of the host's no-op", async () => {
    const provider = deserialize(await serialize());
    const config: Record<string, string> = {
      "aws:region": "us-east-1",
      "redshift-datashare:endpoint": emu.endpoint,
      "redshift-datashare:maxAttempts": "1",
    };
    await provider.configure({ config: { get: (k) => config[k], require: (k) => config[k] } });
    const inputs = {
      dataShareArn: emu.dataShareArn("marketing"),
      consumerArn: emu.namespaceArn("consumer", 1),
      allowWrites: false,
    };
    const { id, outs } = await provider.create(inputs);
    const updated = await provider.update!(id, outs, { ...inputs, allowWrites: true });
    assert.equal(updated.outs?.consumerAcceptedWrites, true);
    assert.equal(updated.outs?.status, "ACTIVE");
    await provider.delete!(id, updated.outs);
  });

  it("reports check failures through the shim", async () => {
    const provider = deserialize(await serialize());
    const { failures } = await provider.check!({}, { dataShareArn: "" });
    assert.ok(failures?.some((f) => f.property === "dataShareArn"));
  });
});
