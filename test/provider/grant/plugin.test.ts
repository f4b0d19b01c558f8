/**
 * The plugin delivery form serves DataShareGrant by its package type token, through the same
 * provider: check, create, read by the ID alone (`pulumi import`), delete.
 */
import { strict as assert } from "node:assert";
import { createPluginProvider } from "../../../plugin/provider";
import { REGION } from "../../../harness/emulatorFixture";
import { GrantWorld, startGrantWorld } from "./live";

const URN = "urn:pulumi:dev::proj::redshift-datashare:index:DataShareGrant::toAnalytics";

describe("DataShareGrant through the provider plugin (emulator)", () => {
  let w: GrantWorld;
  beforeEach(async () => {
    w = await startGrantWorld();
  });
  afterEach(async () => {
    await w.emu.stop();
  });

  const plugin = () => {
    const p = createPluginProvider({
      version: "0.0.1",
      schema: () => "{}",
      stsEndpoint: w.emu.endpoint,
      credentials: w.emu.credentials("producer"),
      env: {},
      warn: () => undefined,
    });
    p.configure({ endpoint: w.emu.endpoint, region: REGION, maxAttempts: 1 });
    return p;
  };

  it("checks, grants, imports by ID and revokes", async () => {
    const arn = await w.share("gshare");
    const p = plugin();
    const bad = await p.check(URN, {}, { ...w.declared("gshare"), consumerIdentifier: "ADX" });
    assert.deepEqual(
      (bad.failures ?? []).map((f) => f.property),
      ["consumerIdentifier"],
    );
    const { id, outs } = await p.create(URN, w.declared("gshare"));
    assert.equal(outs.dataShareArn, arn);
    const imported = await p.read(id, URN, {});
    assert.equal(imported.id, id);
    assert.deepEqual(imported.inputs, { ...w.declared("gshare"), region: REGION });
    assert.deepEqual(w.grantsOf(arn), [w.consumer]);
    await p.delete(id, URN, outs);
    assert.deepEqual(w.grantsOf(arn), []);
  });
});
