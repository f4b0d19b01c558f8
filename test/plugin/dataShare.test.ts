import * as assert from "node:assert/strict";
import { runtime } from "@pulumi/pulumi";
import { createPluginProvider } from "../../plugin/provider";
import { Emulator, REGION, startSeededEmulator } from "../../harness/emulatorFixture";

const DATASHARE = "urn:pulumi:dev::proj::redshift-datashare:index:DataShare::sales";
const secret = (value: unknown) => ({ [runtime.specialSigKey]: runtime.specialSecretSig, value });
const isSecret = (value: unknown) => runtime.isRpcSecret(value);

describe("the provider plugin serves DataShare, its list of schemas included", () => {
  let emu: Emulator;
  beforeEach(async () => {
    emu = await startSeededEmulator();
  });
  afterEach(() => emu.stop());

  it("creates, reads, updates in place and deletes; a secret inside schemas keeps the whole list secret", async () => {
    const plugin = createPluginProvider({
      version: "0.0.1",
      schema: () => "{}",
      stsEndpoint: emu.endpoint,
      credentials: emu.credentials("producer"),
      env: {},
      warn: () => undefined,
    });
    plugin.configure({ endpoint: emu.endpoint, region: REGION, maxAttempts: 1 });
    const target = emu.dataApiTarget("producer", 0);
    const news = {
      name: "plugin_share",
      clusterIdentifier: target.clusterIdentifier,
      database: target.database,
      schemas: [{ name: "sales", tables: [secret("orders")], includeNew: true }],
    };
    const checked = await plugin.check(DATASHARE, {}, news);
    assert.deepEqual(checked.failures, []);
    assert.ok(isSecret(checked.inputs.schemas));
    const { id, outs } = await plugin.create(DATASHARE, checked.inputs);
    assert.equal(id, `cluster:${target.clusterIdentifier},dev,plugin_share,${REGION}`);
    assert.ok(isSecret(outs.schemas));
    assert.deepEqual(outs.schemas.value, [{ name: "sales", tables: ["orders"], includeNew: true }]);
    assert.equal(outs.dataShareArn, emu.dataShareArn("plugin_share"));

    const plain = { ...news, schemas: [{ name: "sales", tables: ["orders", "regions"] }] };
    const diff = await plugin.diff(id, DATASHARE, outs, plain);
    assert.deepEqual(diff.replaces, []);
    const { outs: updated } = await plugin.update(id, DATASHARE, outs, plain);
    assert.deepEqual(updated.schemas, [{ name: "sales", tables: ["orders", "regions"] }]);

    const imported = await plugin.read(id, DATASHARE, {});
    assert.deepEqual(imported.inputs.schemas, [{ name: "sales", tables: ["orders", "regions"] }]);
    assert.equal(imported.inputs.clusterIdentifier, target.clusterIdentifier);

    // A later run (destroy): in the run whose check declared the key, a delete leaves it alone.
    plugin.configure({ endpoint: emu.endpoint, region: REGION, maxAttempts: 1 });
    await plugin.delete(id, DATASHARE, updated);
    assert.equal((await plugin.read(id, DATASHARE, updated)).id, "");
  });
});
