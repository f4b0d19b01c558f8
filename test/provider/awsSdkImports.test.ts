/** The AWS SDK stays behind the two adapters: everything else is testable without a client. */
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sources(rel);
    return e.name.endsWith(".ts") ? [rel] : [];
  });
}

const importers = (pattern: RegExp) =>
  ["provider", "plugin", "cli", "sdk"]
    .filter((dir) => fs.existsSync(path.join(ROOT, dir)))
    .flatMap(sources)
    .filter((file) => pattern.test(fs.readFileSync(path.join(ROOT, file), "utf8")))
    .sort();

describe("the AWS SDK's place in the package", () => {
  it("only the two adapters import it", () => {
    assert.deepEqual(importers(/from "@aws-sdk\//), [
      "provider/core/dataApi.ts",
      "provider/core/redshiftApi.ts",
    ]);
  });

  it("only dataApi.ts imports the Redshift Data API's client", () => {
    assert.deepEqual(importers(/from "@aws-sdk\/client-redshift-data"/), ["provider/core/dataApi.ts"]);
  });
});
