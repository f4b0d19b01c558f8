/**
 * A Go Pulumi program's executable, built once and kept under the hash of its sources (the program,
 * go.mod, go.sum and the SDK `pulumi package add` wrote): later runs, and every command of a run,
 * use the cached executable through the Go runtime's `binary` option instead of compiling and
 * linking again. A change to the program or to the plugin's schema (hence its SDK) builds afresh.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import { cacheRoot } from "./pulumiCli";
import { run } from "./pluginProjects";

/** The files of the project the build reads, in a fixed order, without Pulumi's own files. */
function sourceFiles(dir: string, sub = ""): string[] {
  return fs
    .readdirSync(path.join(dir, sub), { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const rel = path.join(sub, entry.name);
      if (entry.isDirectory()) return entry.name.startsWith(".") ? [] : sourceFiles(dir, rel);
      return /\.go$|^go\.(mod|sum)$/.test(entry.name) ? [rel] : [];
    });
}

/** The path of the program's executable, building it (`go build`) only when no run built these sources. */
export async function cachedGoBinary(projectDir: string, env: NodeJS.ProcessEnv): Promise<string> {
  const hash = createHash("sha256");
  for (const file of sourceFiles(projectDir)) {
    hash.update(file + "\0");
    hash.update(fs.readFileSync(path.join(projectDir, file)));
  }
  const binary = path.join(cacheRoot(), "go-programs", hash.digest("hex").slice(0, 20), "program");
  if (fs.existsSync(binary)) return binary;
  fs.mkdirSync(path.dirname(binary), { recursive: true });
  const partial = `${binary}.${process.pid}.tmp`;
  await run("go", ["build", "-o", partial, "."], projectDir, env);
  fs.renameSync(partial, binary); // atomic: a concurrent run sees the whole file or none
  return binary;
}
