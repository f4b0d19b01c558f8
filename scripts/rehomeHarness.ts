/**
 * One-off: moves the developer harness (dev/, test/support/, scripts/distFreshness.ts) into
 * harness/ with `git mv`, then rewrites what points at the old places: relative imports in
 * TypeScript, and repo-relative paths in code, configs and docs. Run it again after merging a
 * branch that still uses the old paths: moves already made are skipped, and only what still points
 * at an old place is rewritten. Delete this file once no branch uses the old paths.
 *
 *   node -r ts-node/register/transpile-only scripts/rehomeHarness.ts
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

const ROOT = path.join(__dirname, "..");
const SELF = path.relative(ROOT, __filename);

/** Old path → new path, repo-relative. Folders move whole. */
const MOVES: [string, string][] = [
  ["dev/nodeRuntime.ts", "harness/nodeRuntime.ts"],
  ["dev/offlineEnv.ts", "harness/offlineEnv.ts"],
  ["dev/packedPackage.ts", "harness/packedPackage.ts"],
  ["dev/pulumiCli.ts", "harness/pulumiCli.ts"],
  ["dev/pulumiProcess.ts", "harness/pulumiProcess.ts"],
  ["dev/pulumiStack.ts", "harness/pulumiStack.ts"],
  ["dev/userProject.ts", "harness/userProject.ts"],
  ["test/support/builtPackage.ts", "harness/builtPackage.ts"],
  ["test/support/crossAccount.ts", "harness/crossAccount.ts"],
  ["test/support/emulatorFixture.ts", "harness/emulatorFixture.ts"],
  ["test/support/quietAwsSdk.ts", "harness/quietAwsSdk.ts"],
  ["test/support/unitTierGuard.ts", "harness/unitTierGuard.ts"],
  ["test/support/userStacks.ts", "harness/userStacks.ts"],
  ["test/support/programs", "harness/programs"],
  ["test/support/emulatorBanner.ts", "harness/emulatorBanner.ts"],
  ["test/support/pluginLifecycle.ts", "harness/pluginLifecycle.ts"],
  ["test/support/pluginProjects.ts", "harness/pluginProjects.ts"],
  ["test/support/pluginSdks.ts", "harness/pluginSdks.ts"],
  ["test/support/quickstartSteps.ts", "harness/quickstartSteps.ts"],
  ["scripts/distFreshness.ts", "harness/distFreshness.ts"],
  ["test/scripts/distFreshness.test.ts", "test/harness/distFreshness.test.ts"],
];

/** Repo-relative path prefixes in text (docs, configs, path strings), longest first. */
const TEXT: [RegExp, string][] = [
  [/(?<![\w.-])\.\/test\/support\//g, "./harness/"],
  [/(?<![\w./-])test\/support\//g, "harness/"],
  [/(?<![\w./-])scripts\/distFreshness\b/g, "harness/distFreshness"],
  [/(?<![\w./-])test\/scripts\//g, "test/harness/"],
  [/(?<![\w./-])dev\/(?=[a-zA-Z])/g, "harness/"],
  [/"test", "support", /g, '"harness", '],
];

const git = (...args: string[]) => execFileSync("git", args, { cwd: ROOT, encoding: "utf8" });

/** Moves what is still at its old place; returns the files moved now, old → new. */
function moveFiles(): Map<string, string> {
  const moved = new Map<string, string>();
  for (const [from, to] of MOVES) {
    if (!fs.existsSync(path.join(ROOT, from)) || fs.existsSync(path.join(ROOT, to))) continue;
    const files = fs.statSync(path.join(ROOT, from)).isDirectory()
      ? git("ls-files", from).split("\n").filter(Boolean)
      : [from];
    fs.mkdirSync(path.dirname(path.join(ROOT, to)), { recursive: true });
    git("mv", from, to);
    for (const file of files) moved.set(file, to + file.slice(from.length));
  }
  return moved;
}

/** Where an old repo-relative file lives now (itself when it did not move). */
function newPlace(file: string): string {
  for (const [from, to] of MOVES) {
    if (file === from || file.startsWith(from + "/")) return to + file.slice(from.length);
  }
  return file;
}

const IMPORT = /(\bfrom\s+|\bimport\s+|\brequire\(\s*|\bimport\(\s*)(["'])(\.{1,2}\/[^"']*)\2/g;

/** Rewrites the relative imports of one TypeScript file now at `file` (before at `before`). */
function rewriteImports(file: string, before: string): boolean {
  const full = path.join(ROOT, file);
  const text = fs.readFileSync(full, "utf8");
  const rewritten = text.replace(IMPORT, (whole, lead: string, quote: string, spec: string) => {
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(before), spec));
    const candidates = [target, `${target}.ts`, `${target}/index.ts`];
    const found = candidates.find((c) => newPlace(c) !== c || fs.existsSync(path.join(ROOT, c)));
    if (found === undefined) return whole;
    // Keep the specifier's form: no extension stays none, a folder stays a folder.
    const suffix = found.slice(target.length);
    const moved = newPlace(found);
    const wanted = moved.slice(0, moved.length - suffix.length);
    let next = path.posix.relative(path.posix.dirname(file), wanted);
    if (!next.startsWith(".")) next = "./" + next;
    return next === spec ? whole : `${lead}${quote}${next}${quote}`;
  });
  if (rewritten === text) return false;
  fs.writeFileSync(full, rewritten);
  return true;
}

function rewriteText(file: string): boolean {
  const full = path.join(ROOT, file);
  const text = fs.readFileSync(full, "utf8");
  const rewritten = TEXT.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
  if (rewritten === text) return false;
  fs.writeFileSync(full, rewritten);
  return true;
}

function main(): void {
  const moved = moveFiles();
  const beforeOf = new Map([...moved].map(([from, to]) => [to, from]));
  const changed: string[] = [];
  for (const file of git("ls-files").split("\n").filter(Boolean)) {
    if (file === SELF || !fs.existsSync(path.join(ROOT, file))) continue;
    let touched = false;
    if (file.endsWith(".ts")) touched = rewriteImports(file, beforeOf.get(file) ?? file) || touched;
    if (/\.(ts|json|md|mjs|sh|yml)$/.test(file) || path.basename(file).startsWith(".mocharc")) {
      touched = rewriteText(file) || touched;
    }
    if (touched) changed.push(file);
  }
  console.log(`moved ${moved.size} file(s); rewrote ${changed.length} file(s)`);
  for (const file of changed) console.log(`  ${file}`);
}

main();
