import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { providerModuleText, ResourceTypeName } from "../../sdk/providerModule";
import { configureForEmulator, deserialize, useHostEnvironment } from "./providerModuleHarness";
import { requireBuiltPackage } from "../../harness/builtPackage";

const ROOT = path.join(__dirname, "..", "..");

const EXPORTS: Record<ResourceTypeName, string> = {
  DataShareConsumer: "provider",
  DataShareAuthorization: "authorizationProvider",
  DataShare: "dataShareProvider",
  DataShareDatabase: "databaseProvider",
  DataShareGrant: "grantProvider",
};
/** Provider logic that must stay in the package, never in state. */
const LOGIC = [
  "DescribeDataShares",
  "AssociateDataShareConsumer",
  "AuthorizeDataShare",
  "checkInputs",
  "checkAuthorizationInputs",
  "matchAssociation",
  "findAuthorization",
];

for (const type of Object.keys(EXPORTS) as ResourceTypeName[]) {
  describe(`the ${type} provider module (__provider)`, () => {
    const text = providerModuleText(type);

    it("is under 512 bytes: it is stored twice per resource and sent with every call", () => {
      const bytes = Buffer.byteLength(text, "utf8");
      assert.ok(bytes < 512, `${bytes} bytes`);
    });

    it("holds no absolute path of this machine and no provider logic", () => {
      for (const p of [ROOT, process.cwd(), os.homedir() + "/", os.tmpdir() + "/", __dirname]) {
        assert.ok(!text.includes(p), p);
      }
      for (const logic of LOGIC) assert.ok(!text.includes(logic), logic);
    });

    it(`evaluated as the host does, hands over the installed package's ${EXPORTS[type]} itself`, () => {
      requireBuiltPackage();
      // From this checkout the bare name fails (no node_modules holds it) and the fallback resolves
      // the package's self-reference from the working directory, as in a program inside the package.
      const loaded = require(require.resolve("pulumi-redshift-datashare/provider", { paths: [ROOT] }));
      assert.equal(deserialize(text), loaded[EXPORTS[type]]);
    });

    it("fails with the module-not-found error, naming the package, where it is not installed", function () {
      const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "rds-no-package-"));
      const cwd = process.cwd();
      try {
        process.chdir(elsewhere);
        assert.throws(() => deserialize(text), {
          code: "MODULE_NOT_FOUND",
          message: /pulumi-redshift-datashare\/provider/,
        });
      } finally {
        process.chdir(cwd);
        fs.rmSync(elsewhere, { recursive: true, force: true });
      }
    });
  });
}

describe("the DataShareConsumer provider module as the engine runs it", function () {
  this.timeout(60000);
  before(requireBuiltPackage);
  const host = useHostEnvironment("consumer");

  it("configures from stack config, then checks, creates, reads and deletes through the built provider", async () => {
    const provider = deserialize(providerModuleText("DataShareConsumer"));
    await configureForEmulator(provider, host.emu);
    const inputs = {
      dataShareArn: host.emu.dataShareArn("sales"),
      consumerArn: host.emu.namespaceArn("consumer", 1),
    };
    const checked = await provider.check!({}, inputs);
    assert.deepEqual(checked.failures, []);
    // check records the region the calls go to, so a new default shows as a diff on region.
    assert.deepEqual(checked.inputs, { ...inputs, region: "us-east-1" });
    const { id, outs } = await provider.create(checked.inputs);
    assert.equal(outs.status, "ACTIVE");
    const read = await provider.read!(id, outs);
    assert.deepEqual(read.inputs, checked.inputs);
    assert.equal((await provider.diff!(id, read.props, checked.inputs)).changes, false);
    // A new run (destroy): the host configures the provider again, and nothing claims the key.
    await configureForEmulator(provider, host.emu);
    await provider.delete!(id, outs);
    assert.equal((await provider.read!(id, outs)).id, "");
  });

  it("has update, so an in-place change reaches the provider instead of the host's no-op", async () => {
    const provider = deserialize(providerModuleText("DataShareConsumer"));
    await configureForEmulator(provider, host.emu);
    const inputs = {
      dataShareArn: host.emu.dataShareArn("marketing"),
      consumerArn: host.emu.namespaceArn("consumer", 1),
      allowWrites: false,
    };
    const { id, outs } = await provider.create(inputs);
    const updated = await provider.update!(id, outs, { ...inputs, allowWrites: true });
    assert.equal(updated.outs?.consumerAcceptedWrites, true);
    assert.equal(updated.outs?.status, "ACTIVE");
    await provider.delete!(id, updated.outs);
  });

  it("reports check failures", async () => {
    const provider = deserialize(providerModuleText("DataShareConsumer"));
    const { failures } = await provider.check!({}, { dataShareArn: "" });
    assert.ok(failures?.some((f) => f.property === "dataShareArn"));
  });
});
