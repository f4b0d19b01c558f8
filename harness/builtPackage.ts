import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..");

/** Fails (never skips) a suite that needs the built package when dist/ is missing. */
export function requireBuiltPackage(): void {
  for (const entry of ["sdk", "provider", "emulator"]) {
    if (!fs.existsSync(path.join(ROOT, "dist", entry, "index.js"))) {
      throw new Error(`dist/${entry}/index.js is missing: run \`npm run build\` first (npm test does)`);
    }
  }
}
