import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { startEmulator } from "../../emulator";
import { deserialize, serializedShim, withEnv } from "./shimHarness";

const ROOT = path.join(__dirname, "..", "..");
const SECRET = "auth-shim-test/secret/access/key/that/must/not/leak/0001";
const TOKEN = "auth-shim-test-session-token-that-must-not-leak";

const serialize = () => serializedShim("DataShareAuthorization");

describe("the serialized DataShareAuthorization shim", () => {
  let text: string;
  let restore: () => void;

  before(async () => {
    restore = withEnv({
      AWS_ACCESS_KEY_ID: "AKIAAUTHSHIMTEST0001",
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
    for (const value of [SECRET, TOKEN, "AKIAAUTHSHIMTEST0001"]) assert.ok(!text.includes(value), value);
  });

  it("holds no absolute path of this machine", () => {
    for (const p of [ROOT, process.cwd(), os.homedir() + "/", os.tmpdir() + "/", __dirname]) {
      assert.ok(!text.includes(p), p);
    }
  });

  it("holds no provider logic: it loads the package's authorizationProvider by name", () => {
    assert.match(text, /pulumi-redshift-datashare\/provider/);
    assert.match(text, /authorizationProvider/);
    for (const logic of [
      "AuthorizeDataShare",
      "DescribeDataShares",
      "checkAuthorizationInputs",
      "findAuthorization",
    ]) {
      assert.ok(!text.includes(logic), logic);
    }
  });

  it("serializes to the same text every time (resources share one provider)", async () => {
    assert.equal(await serialize(), text);
  });
});

describe("the DataShareAuthorization shim as the engine runs it", function () {
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
    const provider = deserialize(await serialize());
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

  it("reports check failures through the shim", async () => {
    const provider = deserialize(await serialize());
    const { failures } = await provider.check!({}, { dataShareArn: emu.dataShareArn("finance") });
    assert.ok(failures?.some((f) => f.property === "consumerIdentifier"));
  });
});
