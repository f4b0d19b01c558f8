/**
 * Whether dist/ holds a build of the current sources. `npm start` builds only when it does not,
 * so that the main job run in the middle of the test suite leaves alone the build the other tests
 * use, and a second `npm start` starts at once.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** What tsconfig.build.json compiles, and the settings it compiles them with. */
const SOURCE_FOLDERS = ["provider", "sdk", "emulator", "cli"];
const SOURCE_FILES = ["tsconfig.json", "tsconfig.build.json"];

export interface FileTime {
  file: string;
  mtimeMs: number;
}

/**
 * Why the build is stale (no output, or a source changed after the oldest output was written),
 * or undefined when it is current.
 */
export function staleness(outputs: readonly FileTime[], sources: readonly FileTime[]): string | undefined {
  if (outputs.length === 0) return "dist/ holds no build";
  const builtAt = Math.min(...outputs.map((o) => o.mtimeMs));
  const changed = sources.find((s) => s.mtimeMs > builtAt);
  return changed ? `${changed.file} changed after the last build` : undefined;
}

/** staleness() of the checkout at `root`. */
export function distStaleness(root: string): string | undefined {
  const outputs = filesUnder(path.join(root, "dist"), (f) => f.endsWith(".js"));
  const sources = [
    ...SOURCE_FOLDERS.flatMap((folder) => filesUnder(path.join(root, folder), (f) => f.endsWith(".ts"))),
    ...SOURCE_FILES.map((f) => path.join(root, f)).filter((f) => fs.existsSync(f)),
  ];
  const timed = (files: string[]): FileTime[] =>
    files.map((file) => ({ file: path.relative(root, file), mtimeMs: fs.statSync(file).mtimeMs }));
  return staleness(timed(outputs), timed(sources));
}

function filesUnder(dir: string, wanted: (file: string) => boolean): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter(wanted);
}
