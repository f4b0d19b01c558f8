import { strict as assert } from "node:assert";
import { renderBanner } from "../../emulator/banner";
import { loadSeed } from "../../emulator";
import { stateFromSeed } from "../../emulator/model/seed";

describe("the emulator's banner: where to send SQL", () => {
  it("names the producer's cluster and database first, then every other Data API target", () => {
    const banner = renderBanner("http://127.0.0.1:4566", stateFromSeed(loadSeed(undefined)));
    const section = banner.slice(
      banner.indexOf("SQL through the Redshift Data API"),
      banner.indexOf("Consumer namespaces"),
    );
    const lines = section
      .split("\n")
      .slice(1)
      .filter((l) => l.trim() !== "");
    assert.match(
      lines[0],
      /^ {2}producer 111122223333 +ClusterIdentifier=producer-cluster Database=dev {2}\(producer, /,
    );
    assert.match(lines[1], /WorkgroupName=producer-workgroup Database=dev/);
    assert.ok(
      lines.some((l) => /consumer 444455556666 +ClusterIdentifier=consumer-cluster Database=dev/.test(l)),
    );
  });
});
