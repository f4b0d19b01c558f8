/**
 * The docs' status tables, generated from provider/core/statuses.ts: each block between
 * `<!-- statuses:<table>:start -->` and `<!-- statuses:<table>:end -->` in README.md and
 * docs/drift.md is the named table, formatted as Prettier formats it. test/docs/statusTables.test.ts
 * fails when a document differs; `npm run docs:generate` (main.ts) writes them again.
 */
import * as path from "node:path";
import * as prettier from "prettier";
import { replaceBlock } from "../../harness/markedBlock";
import {
  ASSOCIATION_STATUSES,
  AssociationStatusEntry,
  associationRemedy,
  AUTHORIZATION_STATUSES,
  AuthorizationState,
  AuthorizationStatusEntry,
  OTHER_ASSOCIATION_STATUS,
  OTHER_AUTHORIZATION_STATUS,
} from "../../provider/core/statuses";

const ROOT = path.join(__dirname, "..", "..");

/** The document that carries the status tables (once: README.md links to it). */
export const DOCUMENTS = ["docs/drift.md"] as const;

const code = (text: string) => `\`${text}\``;

/** The first cell of the row for the statuses the tables do not list. */
const OTHER = "any other status";

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function table(header: string[], rows: string[][]): string {
  return [row(header), row(header.map(() => "---")), ...rows.map(row)].join("\n");
}

/** What refresh and `pulumi up --refresh` do with an association in this status. */
function associationEffects(word: string | undefined, s: AssociationStatusEntry): string[] {
  if (s.live) return ["as declared", "nothing to do", "— (no drift)"];
  const remedy = code(associationRemedy(word));
  if (s.associated) {
    return [
      `${code(`status: ${word ?? "<status>"}`)} stays in state`,
      "plans an update; preview warns that the producer must act; fails deleting nothing, then converges " +
        "once the producer authorizes again",
      remedy,
    ];
  }
  return [
    "gone from state (an offer, not an association); the refresh says why",
    s.consumerCanAssociate
      ? "associates again"
      : "associates again, which fails until the producer authorizes",
    remedy,
  ];
}

/** The consumer's statuses: what each means, what refresh and up do, and who heals it. */
export function renderAssociationTable(): string {
  const rows = Object.entries(ASSOCIATION_STATUSES).map(([word, s]) => [
    code(word),
    s.cause,
    ...associationEffects(word, s),
    s.why,
  ]);
  const other = OTHER_ASSOCIATION_STATUS;
  rows.push([OTHER, other.cause, ...associationEffects(undefined, other), other.why]);
  return table(
    ["status", "what happened", "after refresh", "`pulumi up --refresh`", "`drift` remedy", "why"],
    rows,
  );
}

const AUTHORIZATION_EFFECTS: Record<AuthorizationState, (word: string) => string[]> = {
  live: () => ["in order (no diff)", "nothing to do", "— (no drift)"],
  gone: () => [
    "gone from state; the refresh says why",
    "authorizes again",
    "`authorization-gone`, `pulumi-up`",
  ],
  drifted: (word) => [
    `${code(`status: ${word}`)}, a warning in words`,
    "authorizes again (update); remove the resource if unwanted",
    "`status`, `pulumi-up`",
  ],
  other: (word) => [
    `${code(`status: ${word}`)} stays in state`,
    "nothing planned (the provider does not know the status)",
    "`status`, `pulumi-up`",
  ],
};

/** The producer's statuses: what each means for the authorization, what refresh and up do. */
export function renderAuthorizationTable(): string {
  const entries: [string, AuthorizationStatusEntry][] = Object.entries(AUTHORIZATION_STATUSES);
  const rows = entries.map(([word, s]) => [code(word), s.meaning, ...AUTHORIZATION_EFFECTS[s.state](word)]);
  const other = OTHER_AUTHORIZATION_STATUS;
  rows.push([OTHER, other.meaning, ...AUTHORIZATION_EFFECTS[other.state]("<status>")]);
  return table(
    ["status", "what it means", "after refresh", "`pulumi up --refresh`", "`drift` reports"],
    rows,
  );
}

export const TABLES: Record<string, () => string> = {
  association: renderAssociationTable,
  authorization: renderAuthorizationTable,
};

const BLOCK = /<!-- statuses:([\w-]+):start -->[\s\S]*?<!-- statuses:\1:end -->/g;

/** The names of the status tables a document carries, in order. */
export function tablesIn(document: string): string[] {
  return [...document.matchAll(BLOCK)].map((m) => m[1]);
}

/** The document with every status table in it written from statuses.ts, as Prettier formats it. */
export async function withStatusTables(document: string, file: string): Promise<string> {
  const options = { ...(await prettier.resolveConfig(path.join(ROOT, file))), parser: "markdown" };
  let written = document;
  for (const name of tablesIn(document)) {
    const render = TABLES[name];
    if (render === undefined) throw new Error(`${file}: no status table named ${JSON.stringify(name)}`);
    const content = (await prettier.format(render(), options)).trim();
    written = replaceBlock(written, { name: `statuses:${name}`, content });
  }
  return written;
}
