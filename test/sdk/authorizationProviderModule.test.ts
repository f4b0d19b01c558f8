import * as assert from "node:assert/strict";
import { providerModuleText } from "../../sdk/providerModule";
import { configureForEmulator, deserialize, useHostEnvironment } from "./providerModuleHarness";
import { requireBuiltPackage } from "../../harness/builtPackage";

describe("the DataShareAuthorization provider module as the engine runs it", function () {
  this.timeout(60000);
  before(requireBuiltPackage);
  const host = useHostEnvironment("producer");

  it("configures from stack config, then checks, creates, reads, updates and deletes with the producer's credentials", async () => {
    const provider = deserialize(providerModuleText("DataShareAuthorization"));
    await configureForEmulator(provider, host.emu);
    const inputs = {
      dataShareArn: host.emu.dataShareArn("finance"),
      consumerIdentifier: host.emu.accountId("consumer"),
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
    // A new run (destroy): the host configures the provider again, and nothing claims the key.
    await configureForEmulator(provider, host.emu);
    await provider.delete!(id, updated.outs);
    assert.equal((await provider.read!(id, updated.outs)).id, "");
  });

  it("reports check failures", async () => {
    const provider = deserialize(providerModuleText("DataShareAuthorization"));
    const { failures } = await provider.check!({}, { dataShareArn: host.emu.dataShareArn("finance") });
    assert.ok(failures?.some((f) => f.property === "consumerIdentifier"));
  });
});
