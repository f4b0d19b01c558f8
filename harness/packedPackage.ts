/**
 * Developer harness: this package as users receive it, `npm pack`ed from the built checkout.
 * Packed once per process; the tarball is kept in the cache under its content hash, so an
 * unchanged package reuses the installs made from it.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { cacheRoot, packageRoot } from "./pulumiCli";

export interface PackedPackage {
  /** Absolute path of the tarball in the cache. */
  tarball: string;
  /** sha256 of the tarball: the key of every install made from it. */
  hash: string;
}

let packed: PackedPackage | undefined;

/** Packs the package (it must be built: `npm run build`); scripts are not run again. */
export function packPackage(): PackedPackage {
  if (packed) return packed;
  const root = packageRoot();
  if (!fs.existsSync(path.join(root, "dist", "sdk", "index.js"))) {
    throw new Error("the package is not built: run `npm run build` before packing it");
  }
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "rds-pack-"));
  try {
    const out = execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    });
    const [{ filename }] = JSON.parse(out) as { filename: string }[];
    const source = path.join(scratch, path.basename(filename));
    const hash = createHash("sha256").update(fs.readFileSync(source)).digest("hex");
    const dir = path.join(cacheRoot(), "packs");
    fs.mkdirSync(dir, { recursive: true });
    const tarball = path.join(dir, `pulumi-redshift-datashare-${hash.slice(0, 16)}.tgz`);
    if (!fs.existsSync(tarball)) {
      // Another process (a parallel test worker) may pack at the same time: it sees the whole file or none.
      const partial = `${tarball}.${process.pid}.partial`;
      fs.copyFileSync(source, partial);
      fs.renameSync(partial, tarball);
    }
    packed = { tarball, hash };
    return packed;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}
