/**
 * Searching artifacts for secrets. A secret counts as leaked if it appears verbatim, base64- or
 * URL-encoded, in any searched text. Pure apart from `readTree`, which reads a folder.
 */
import * as fs from "node:fs";
import * as path from "node:path";

export interface Needle {
  label: string;
  value: string;
}

export interface Artifact {
  where: string;
  text: string;
}

export interface Leak {
  needle: string;
  form: string;
  where: string;
}

function forms(value: string): { form: string; text: string }[] {
  return [
    { form: "plain", text: value },
    { form: "base64", text: Buffer.from(value).toString("base64").replace(/=+$/, "") },
    { form: "url-encoded", text: encodeURIComponent(value) },
  ];
}

export function findLeaks(needles: Needle[], artifacts: Artifact[]): Leak[] {
  const leaks: Leak[] = [];
  for (const n of needles) {
    for (const f of forms(n.value)) {
      for (const a of artifacts) {
        if (a.text.includes(f.text)) leaks.push({ needle: n.label, form: f.form, where: a.where });
      }
    }
  }
  return leaks;
}

/** Every regular file under `dir` (symlinks and node_modules skipped), as text. */
export function readTree(dir: string, label: string): Artifact[] {
  const found: Artifact[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory() && entry.name !== "node_modules") walk(full);
      else if (entry.isFile())
        found.push({ where: `${label}/${path.relative(dir, full)}`, text: readAny(full) });
    }
  };
  if (fs.existsSync(dir)) walk(dir);
  return found;
}

/** State backups may be gzipped; search both the raw bytes and the unzipped text. */
function readAny(file: string): string {
  const raw = fs.readFileSync(file);
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    return require("node:zlib").gunzipSync(raw).toString("utf8") + raw.toString("latin1");
  }
  return raw.toString("utf8");
}

export function totalSize(artifacts: Artifact[]): number {
  return artifacts.reduce((n, a) => n + a.text.length, 0);
}
