import { strict as assert } from "node:assert";
import { renderBanner } from "../../emulator/banner";
import { parseCliArgs } from "../../emulator/cliArgs";
import { loadSeed } from "../../emulator";
import { stateFromSeed } from "../../emulator/model/seed";
import { parseBanner } from "../../harness/emulatorBanner";

describe("the emulator's built-in seeds (--seed <name>)", () => {
  it("--seed no-datashares starts from the default seed's accounts and namespaces with no datashare", () => {
    const command = parseCliArgs(["--seed", "no-datashares"]);
    assert.ok(!command.help);
    const seed = loadSeed(command.options.seed);
    const fallback = loadSeed(undefined);
    assert.deepEqual(seed.accounts, fallback.accounts);
    assert.deepEqual(seed.dataShares ?? [], []);
    assert.ok((fallback.dataShares ?? []).length > 0);
  });

  it("--seed default is the default seed; any other value is a file", () => {
    const named = parseCliArgs(["--seed", "default"]);
    const file = parseCliArgs(["--seed", "no-datashares.json"]);
    assert.ok(!named.help && !file.help);
    assert.deepEqual(loadSeed(named.options.seed), loadSeed(undefined));
    assert.equal(file.options.seed, "no-datashares.json");
  });

  it("with no datashares the banner prints every Data API target with no role, and no datashare", () => {
    const command = parseCliArgs(["--seed", "no-datashares"]);
    assert.ok(!command.help);
    const text = renderBanner("http://127.0.0.1:4566", stateFromSeed(loadSeed(command.options.seed)));
    const banner = parseBanner(text);
    assert.deepEqual(banner.dataShares, []);
    assert.match(text, /^Datashares \(dataShareArn\).*\n {2}none$/m);
    assert.deepEqual(banner.dataApiTargets[0], {
      account: "producer 111122223333",
      clusterIdentifier: "producer-cluster",
      database: "dev",
      namespaceId: "a1b2c3d4-0000-4000-8000-000000000001",
    });
    assert.ok(banner.dataApiTargets.every((t) => t.role === undefined));
    assert.ok(banner.dataApiTargets.some((t) => t.clusterIdentifier === "consumer-cluster"));
  });
});
