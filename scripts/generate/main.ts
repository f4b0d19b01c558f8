/**
 * `npm run docs:generate`: writes what derives from the resource registry and the settings table
 * into the files that hold it: the marked blocks of README.md, of the resource reference (RESOURCE_REFERENCE)
 * and of docs/plugin.md (readmeBlocks.ts), the status tables of README.md and docs/drift.md (statusTables.ts,
 * from provider/core/statuses.ts) and the SDK's sources (sdkSource.ts), formatted by Prettier. `generatedFiles` is what test/docs/generated.test.ts
 * holds the files to.
 *
 *   node -r ts-node/register/transpile-only scripts/generate/main.ts
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import { replaceBlock, type Block } from "../../harness/markedBlock";
import { pluginDocBlocks, readmeBlocks, resourceReferenceBlocks } from "./readmeBlocks";
import { sdkFiles } from "./sdkSource";
import { withStatusTables } from "./statusTables";

const ROOT = path.join(__dirname, "..", "..");

/** The document holding each resource's section, its argument and output tables: the README links to it. */
export const RESOURCE_REFERENCE = "docs/resources.md";

async function formatted(file: string, text: string): Promise<string> {
  const full = path.join(ROOT, file);
  const options = await prettier.resolveConfig(full);
  return prettier.format(text, { ...options, filepath: full });
}

/** Every generated file with the content it should have, by path from the package root. */
export async function generatedFiles(): Promise<{ file: string; content: string }[]> {
  const withBlocks = (file: string, blocks: Block[]) => {
    try {
      return { file, content: blocks.reduce(replaceBlock, fs.readFileSync(path.join(ROOT, file), "utf8")) };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(
        `${file}: ${why}: write the section that holds it (a new resource: ${RESOURCE_REFERENCE})`,
        { cause: e },
      );
    }
  };
  const files = [
    withBlocks("README.md", readmeBlocks(RESOURCE_REFERENCE)), // the README is at the root
    withBlocks(RESOURCE_REFERENCE, resourceReferenceBlocks()),
    withBlocks("docs/plugin.md", pluginDocBlocks()),
    withBlocks("docs/drift.md", []),
    ...sdkFiles(),
  ];
  return Promise.all(
    files.map(async (f) => {
      const content = f.file.endsWith(".md") ? await withStatusTables(f.content, f.file) : f.content;
      return { file: f.file, content: await formatted(f.file, content) };
    }),
  );
}

async function main(): Promise<void> {
  for (const { file, content } of await generatedFiles()) {
    const full = path.join(ROOT, file);
    const before = fs.existsSync(full) ? fs.readFileSync(full, "utf8") : undefined;
    if (before === content) continue;
    fs.writeFileSync(full, content);
    console.log(`${file} written`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
