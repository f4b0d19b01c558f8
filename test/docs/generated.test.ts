/**
 * What derives from the resource registry and the settings table is what the files hold: the
 * README's marked blocks (the resources' and the settings' tables), the resource reference's
 * (each resource's argument and output tables) and the SDK's sources. After a change of a schema
 * or a setting, `npm run docs:generate` writes them again; a new resource's section of the
 * reference is written by hand.
 */
import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { SETTING_NAMES } from "../../provider/core/config";
import { consumerSpec, inputNames, outputOnlyNames, RESOURCES } from "../../provider/schema";
import { generatedFiles, RESOURCE_REFERENCE } from "../../scripts/generate/main";
import { replaceBlock } from "../../harness/markedBlock";
import {
  argumentsTable,
  readmeBlocks,
  resourceAnchor,
  resourceReferenceBlocks,
} from "../../scripts/generate/readmeBlocks";

const ROOT = path.join(__dirname, "..", "..");

describe("the resource reference has a section per registered resource", () => {
  const reference = fs.readFileSync(path.join(ROOT, RESOURCE_REFERENCE), "utf8");

  for (const { spec } of RESOURCES) {
    it(`${spec.name}: its \`## ${spec.name}\` section holds its argument and output blocks`, () => {
      const section = reference.split(/^## /m).find((s) => s.startsWith(`${spec.name}\n`));
      assert.ok(
        section,
        `${RESOURCE_REFERENCE} has no "## ${spec.name}" section: write one, then run docs:generate`,
      );
      for (const kind of ["arguments", "outputs"]) {
        const marker = `<!-- schema:${kind}:${spec.name}:start -->`;
        assert.ok(section.includes(marker), `${RESOURCE_REFERENCE}, "## ${spec.name}", lacks ${marker}`);
      }
    });
  }

  it("the README holds no resource's argument or output block: they live once, in the reference", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    assert.deepEqual(
      [...readme.matchAll(/<!-- (schema:\w+:\w+):start -->/g)].map((m) => m[1]),
      [],
    );
  });

  it("its resource sections are in the registry's order, and the README's table links to each", () => {
    const headings = [...reference.matchAll(/^## (\S+)$/gm)].map((m) => m[1]);
    assert.deepEqual(
      headings.filter((h) => RESOURCES.some(({ spec }) => spec.name === h)),
      RESOURCES.map(({ spec }) => spec.name),
    );
    const table = readmeBlocks(RESOURCE_REFERENCE).find((b) => b.name === "resources")?.content ?? "";
    for (const { spec } of RESOURCES) {
      assert.ok(table.includes(`](${RESOURCE_REFERENCE}#${resourceAnchor(spec)})`), spec.name);
    }
  });
});

describe("generated documents and SDK sources", function () {
  this.timeout(30_000); // Prettier formats the README once

  let files: { file: string; content: string }[];
  before(async () => {
    files = await generatedFiles();
  });

  it("the README's resources and settings blocks are what the schemas and the settings table generate", () => {
    const readme = files.find((f) => f.file === "README.md");
    assert.ok(readme);
    assert.equal(
      fs.readFileSync(path.join(ROOT, "README.md"), "utf8"),
      readme.content,
      "README.md differs from the schemas: run `npm run docs:generate`",
    );
  });

  it("the resource reference's argument and output blocks are what the schemas generate", () => {
    const doc = files.find((f) => f.file === RESOURCE_REFERENCE);
    assert.ok(doc);
    assert.equal(
      fs.readFileSync(path.join(ROOT, RESOURCE_REFERENCE), "utf8"),
      doc.content,
      `${RESOURCE_REFERENCE} differs from the schemas: run \`npm run docs:generate\``,
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
        "sdk/dataShare.ts",
        "sdk/dataShareDatabase.ts",
        "sdk/dataShareGrant.ts",
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

  it("the reference has one block per resource and kind; the README the resources' table and the settings", () => {
    assert.deepEqual(
      resourceReferenceBlocks().map((b) => b.name),
      RESOURCES.flatMap(({ spec }) => [`schema:arguments:${spec.name}`, `schema:outputs:${spec.name}`]),
    );
    const readme = readmeBlocks(RESOURCE_REFERENCE);
    assert.deepEqual(
      readme.map((b) => b.name),
      ["resources", "settings"],
    );
    const resources = readme[0].content.split("\n").slice(2);
    assert.deepEqual(
      resources.map((r) => /^\| `(\w+)` \| (producer|consumer) \|/.exec(r)?.[1]),
      RESOURCES.map(({ spec }) => spec.name),
    );
    const settings = readme[1].content;
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
