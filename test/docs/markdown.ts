/**
 * What the docs tests read out of the Markdown files: their relative links and the commands of
 * their shell blocks. Pure, over file text.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.join(__dirname, "..", "..");

/** The Markdown files a user reads: the README, the changelog, docs/, and every folder's README. */
export function userDocuments(): string[] {
  const out = ["README.md", "CHANGELOG.md"];
  for (const name of fs.readdirSync(path.join(ROOT, "docs")).sort()) {
    if (name.endsWith(".md")) out.push(`docs/${name}`);
  }
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) walk(rel);
      else if (entry.name.endsWith(".md")) out.push(rel);
    }
  };
  for (const dir of ["examples", "emulator", "provider", "bench"]) walk(dir);
  return out;
}

export interface RelativeLink {
  /** The target as written, without its `#anchor`. */
  target: string;
  /** The target's path from the repository root. */
  resolved: string;
}

/** The relative links (`[text](target)`) of a document at `file` (a path from the root). */
export function relativeLinks(file: string, text: string): RelativeLink[] {
  const links: RelativeLink[] = [];
  for (const m of text.matchAll(/\[[^\]]*\]\(([^)\s]+)\)/g)) {
    const raw = m[1];
    if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith("#")) continue;
    const target = raw.split("#")[0];
    links.push({ target, resolved: path.posix.normalize(path.posix.join(path.posix.dirname(file), target)) });
  }
  return links;
}

/** A command line of a shell block, with the marker comment that precedes its block, if any. */
export interface DocumentedCommand {
  file: string;
  command: string;
  /** `quickstart:run`, … when the block is one of the README's quick start steps. */
  marker?: string;
}

/** Every command line of the `sh` blocks of a document: comments and continuation lines dropped. */
export function shellCommands(file: string, text: string): DocumentedCommand[] {
  const out: DocumentedCommand[] = [];
  for (const m of text.matchAll(/(?:<!-- ([^>]*?) -->\s*\n)?```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    const marker = m[1];
    let previousContinues = false;
    for (const raw of m[2].split("\n")) {
      const line = raw.trim();
      const continuation = previousContinues;
      previousContinues = line.endsWith("\\");
      if (line === "" || line.startsWith("#") || continuation) continue;
      const command = line.replace(/\s+#\s.*$/, "").replace(/\s*\\$/, "");
      out.push(marker === undefined ? { file, command } : { file, command, marker });
    }
  }
  return out;
}
