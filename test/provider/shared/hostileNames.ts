/**
 * Names an attacker or an accident could put in a program, each with the verdict the provider
 * owes it: whether it may be a Redshift name (sql.ts: quoted, never interpreted) and whether it may
 * be a literal in a system-view SELECT. Every one of them, accepted or not, survives the ID codec
 * (sqlId.ts) unchanged, except the empty name, which no ID part may be.
 */

export interface HostileName {
  name: string;
  /** Why it is refused as a name (a fragment of identifierProblem's reason), or "ok". */
  identifier: "ok" | RegExp;
  /** Whether quoteLiteral refuses it (backslashes, control and invisible characters). */
  literalRefused: boolean;
}

const INVISIBLE = /control or invisible character/;
const ok = (name: string): HostileName => ({ name, identifier: "ok", literalRefused: false });
const invisible = (name: string): HostileName => ({ name, identifier: INVISIBLE, literalRefused: true });
const refused = (name: string, why: RegExp, literalRefused = false): HostileName => ({
  name,
  identifier: why,
  literalRefused,
});

export const HOSTILE_NAMES: readonly HostileName[] = [
  ok('a"b'),
  ok('";--'),
  ok('"; drop datashare sales; --'),
  ok("'; drop database dev; --"),
  ok("x'; grant usage on datashare s to account '999999999999'; --"),
  ok("sales; drop database dev"),
  ok("sales /* comment */"),
  ok("/* open comment"),
  ok('""'),
  ok("'"),
  ok("''"),
  { name: "a\\b", identifier: "ok", literalRefused: true },
  { name: "\\", identifier: "ok", literalRefused: true },
  invisible("nul\0byte"),
  invisible("tab\there"),
  invisible("line\nbreak"),
  invisible("carriage\rreturn"),
  invisible("del\u007f"),
  invisible("zero\u200bwidth"),
  invisible("\u200d"),
  invisible("bidi\u202eoverride"),
  invisible("rtl\u200fmark"),
  invisible("isolate\u2066x\u2069"),
  invisible("bom\ufeff"),
  invisible("nbsp\u00a0name"),
  invisible("line\u2028separator"),
  refused(" leading", /starts or ends with a space/),
  refused("trailing ", /starts or ends with a space/),
  refused("trailing  ", /starts or ends with a space/),
  refused("Upper", /upper-case/),
  refused("SALES", /upper-case/),
  refused("İstanbul", /upper-case/),
  refused("", /must not be empty/),
  refused("x".repeat(128), /128 bytes/),
  refused("é".repeat(64), /128 bytes/),
  refused("名".repeat(43), /129 bytes/),
  ok("x".repeat(127)),
  ok("é".repeat(63) + "a"),
  ok("table"),
  ok("select"),
  ok("user"),
  ok("with permissions"),
  ok("données"),
  ok("名前"),
  ok("emoji😀"),
  ok("$dollar"),
  ok("9starts_with_digit"),
  ok("a.b"),
  ok("a b"),
  ok("a,b"),
  ok(",leading,comma"),
  ok("%"),
  ok("100%"),
  refused("%2C", /upper-case/),
  ok("%2c"),
  ok("%25"),
  ok("%zz"),
  ok("cluster:x"),
  ok("workgroup:y,z"),
];
