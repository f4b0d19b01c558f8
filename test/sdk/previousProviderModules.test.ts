/**
 * Stacks written before the `__provider` text became a provider module (sdk/providerModule.ts)
 * hold the previous release's closure-serialized shims in state; the host evaluates whatever text
 * a resource's state holds (refresh and destroy use the stored outputs). Those texts load the
 * installed package by name, so they must keep reaching the current provider.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { configureForEmulator, deserialize, useHostEnvironment } from "./providerModuleHarness";
import { requireBuiltPackage } from "../../harness/builtPackage";

const PREVIOUS = JSON.parse(
  fs.readFileSync(path.join(__dirname, "fixtures", "providerModules-0.1.0-shim.json"), "utf8"),
) as Record<"DataShareConsumer" | "DataShareAuthorization", string>;

describe("the previous release's __provider texts, still in users' state", function () {
  this.timeout(60000);
  before(requireBuiltPackage);
  const host = useHostEnvironment("consumer");

  it("are the old shims, not the current text", () => {
    for (const text of Object.values(PREVIOUS)) {
      assert.ok(text.length > 2000 && text.includes("__shim"), text.slice(0, 80));
    }
  });

  it("DataShareConsumer's configures, creates, reads and deletes through the current provider", async () => {
    const provider = deserialize(PREVIOUS.DataShareConsumer);
    await configureForEmulator(provider, host.emu);
    const inputs = {
      dataShareArn: host.emu.dataShareArn("sales"),
      consumerArn: host.emu.namespaceArn("consumer", 1),
    };
    const { id, outs } = await provider.create(inputs);
    assert.equal(outs.status, "ACTIVE");
    assert.equal((await provider.read!(id, outs)).props?.status, "ACTIVE");
    await provider.delete!(id, outs);
    assert.equal((await provider.read!(id, outs)).id, "");
  });

  it("DataShareAuthorization's reaches the current authorization provider", async () => {
    const provider = deserialize(PREVIOUS.DataShareAuthorization);
    const { failures } = await provider.check!({}, { dataShareArn: host.emu.dataShareArn("finance") });
    assert.ok(failures?.some((f) => f.property === "consumerIdentifier"));
  });
});
