/**
 * `npm run docs:generate`: writes what derives from the resource registry and the settings table
 * into the files that hold it: the marked blocks of README.md and docs/plugin.md (readmeBlocks.ts), the status
 * tables of README.md and docs/drift.md (statusTables.ts, from provider/core/statuses.ts) and the SDK's sources
 * (sdkSource.ts), formatted by Prettier. `generatedFiles` is what test/docs/generated.test.ts
 * holds the files to.
 *
 *   node -r ts-node/register/transpile-only scripts/generate/main.ts
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as prettier from "prettier";
import { replaceBlock, type Block } from "../../harness/markedBlock";
import { pluginDocBlocks, readmeBlocks } from "./readmeBlocks";
import { sdkFiles } from "./sdkSource";
import { withStatusTables } from "./statusTables";

const ROOT = path.join(__dirname, "..", "..");

async function formatted(file: string, text: string): Promise<string> {
  const full = path.join(ROOT, file);
  const options = await prettier.resolveConfig(full);
  return prettier.format(text, { ...options, filepath: full });
}

/** Every generated file with the content it should have, by path from the package root. */
export async function generatedFiles(): Promise<{ file: string; content: string }[]> {
  const withBlocks = (file: string, blocks: Block[]) => ({
    file,
    content: blocks.reduce(replaceBlock, fs.readFileSync(path.join(ROOT, file), "utf8")),
  });
  const files = [
    withBlocks("README.md", readmeBlocks()),
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
