/**
 * What derives from the resource registry and the settings table is what the files hold: the
 * README's marked blocks (argument, output and settings tables) and the SDK's sources. After a
 * change of a schema or a setting, `npm run docs:generate` writes them again.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { SETTING_NAMES } from "../../provider/core/config";
import { consumerSpec, inputNames, outputOnlyNames, RESOURCES } from "../../provider/schema";
import { generatedFiles } from "../../scripts/generate/main";
import { replaceBlock } from "../../harness/markedBlock";
import { argumentsTable, readmeBlocks } from "../../scripts/generate/readmeBlocks";

const ROOT = path.join(__dirname, "..", "..");

describe("generated documents and SDK sources", function () {
  this.timeout(30_000); // Prettier formats the README once

  let files: { file: string; content: string }[];
  before(async () => {
    files = await generatedFiles();
  });

  it("the README's argument, output and settings blocks are what the schemas and the settings table generate", () => {
    const readme = files.find((f) => f.file === "README.md");
    assert.ok(readme);
    assert.equal(
      fs.readFileSync(path.join(ROOT, "README.md"), "utf8"),
      readme.content,
      "README.md differs from the schemas: run `npm run docs:generate`",
    );
  });

  it("docs/plugin.md's settings table is what the settings table generates", () => {
    const doc = files.find((f) => f.file === "docs/plugin.md");
    assert.ok(doc);
    assert.equal(
      fs.readFileSync(path.join(ROOT, "docs/plugin.md"), "utf8"),
      doc.content,
      "docs/plugin.md differs from the settings table: run `npm run docs:generate`",
    );
  });

  it("the SDK's sources are what the registry generates (one class per resource, and the entry)", () => {
    assert.deepEqual(
      files.map((f) => f.file).filter((f) => f.startsWith("sdk/")),
      [
        "sdk/dataShareConsumer.ts",
        "sdk/dataShareAuthorization.ts",
        "sdk/dataShareDatabase.ts",
        "sdk/dataShareGrant.ts",
        "sdk/dataShare.ts",
        "sdk/index.ts",
      ],
    );
    for (const { file, content } of files.filter((f) => f.file.startsWith("sdk/"))) {
      assert.equal(
        fs.readFileSync(path.join(ROOT, file), "utf8"),
        content,
        `${file} differs from the registry: run \`npm run docs:generate\``,
      );
    }
  });

  it("there is one block per resource and kind, and one for the settings", () => {
    const names = readmeBlocks().map((b) => b.name);
    assert.deepEqual(names, [
      ...RESOURCES.flatMap(({ spec }) => [`schema:arguments:${spec.name}`, `schema:outputs:${spec.name}`]),
      "settings",
    ]);
    const settings = readmeBlocks().find((b) => b.name === "settings")?.content ?? "";
    for (const name of SETTING_NAMES) assert.match(settings, new RegExp(`\\| \`${name}\` \\|`));
  });

  it("an argument table lists every input in the schema's order, the required ones marked", () => {
    const rows = argumentsTable(consumerSpec).split("\n").slice(2);
    assert.deepEqual(
      rows.map((r) => /^\| `(\w+)`/.exec(r)?.[1]),
      inputNames(consumerSpec),
    );
    assert.match(rows[0], /^\| `dataShareArn` \(required\) \| ARN of the producer's datashare/);
    assert.ok(outputOnlyNames(consumerSpec).every((name) => !rows.some((r) => r.includes(`\`${name}\``))));
  });

  it("a block is replaced between its markers only, and a missing marker is refused", () => {
    const doc = "a\n<!-- x:start -->\nold\n<!-- x:end -->\nb\n";
    assert.equal(
      replaceBlock(doc, { name: "x", content: "new" }),
      "a\n<!-- x:start -->\n\nnew\n\n<!-- x:end -->\nb\n",
    );
    assert.throws(() => replaceBlock(doc, { name: "y", content: "new" }), /no <!-- y:start -->/);
  });
});
