/**
 * Redshift's lexical rules for the statements the emulator understands. Unquoted identifiers
 * start with an ASCII letter, an underscore or a multibyte character, go on with those, digits
 * and `$`, and fold to lower case (ASCII only, as PostgreSQL does for UTF-8). Quoted identifiers
 * keep any printable character, `""` stands for one `"`, and (Redshift's default,
 * enable_case_sensitive_identifier off) they fold to lower case too. String literals are `'…'`
 * with `''` for one quote. Comments are `-- …` to the end of the line and `/* … *\/` (nesting).
 */

import { SqlSyntaxError } from "./errors";

export type TokenKind = "word" | "quoted" | "string" | "number" | "symbol" | "end";

export interface Token {
  kind: TokenKind;
  /** The text as written (for error messages). */
  raw: string;
  /** word: folded; quoted: unescaped and folded; string: unescaped; symbol/number: as written. */
  value: string;
  /** 1-based character position in the statement, as Redshift reports it. */
  position: number;
}

/** Redshift's longest identifier, in UTF-8 bytes. */
export const MAX_IDENTIFIER_BYTES = 127;

const SYMBOLS = new Set(["(", ")", ",", ".", ";", "=", "*"]);

function isIdentifierStart(ch: string): boolean {
  return /[A-Za-z_]/.test(ch) || ch.codePointAt(0)! > 0x7f;
}

function isIdentifierPart(ch: string): boolean {
  return isIdentifierStart(ch) || /[0-9$]/.test(ch);
}

function isControl(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return code < 0x20 || code === 0x7f;
}

function foldAscii(text: string): string {
  return text.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

function checkIdentifierLength(name: string, position: number): void {
  if (Buffer.byteLength(name, "utf8") > MAX_IDENTIFIER_BYTES) {
    throw new SqlSyntaxError(
      `identifier "${name}" is too long: at most ${MAX_IDENTIFIER_BYTES} bytes`,
      position,
    );
  }
}

export function tokenize(sql: string): Token[] {
  const chars = [...sql];
  const tokens: Token[] = [];
  let i = 0;
  const at = (k: number) => chars[k] ?? "";
  const near = (start: number) => chars.slice(start, start + 20).join("");
  while (i < chars.length) {
    const ch = chars[i];
    const position = i + 1;
    if (ch === "\0") throw new SqlSyntaxError('invalid byte sequence for encoding "UTF8": 0x00', position);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "-" && at(i + 1) === "-") {
      while (i < chars.length && chars[i] !== "\n") i++;
    } else if (ch === "/" && at(i + 1) === "*") {
      let depth = 0;
      do {
        if (at(i) === "/" && at(i + 1) === "*") {
          depth++;
          i += 2;
        } else if (at(i) === "*" && at(i + 1) === "/") {
          depth--;
          i += 2;
        } else if (i >= chars.length) {
          throw new SqlSyntaxError(`unterminated /* comment at or near "${near(position - 1)}"`, position);
        } else i++;
      } while (depth > 0);
    } else if (ch === '"' || ch === "'") {
      let text = "";
      let j = i + 1;
      for (;;) {
        if (j >= chars.length) {
          const what = ch === '"' ? "quoted identifier" : "quoted string";
          throw new SqlSyntaxError(`unterminated ${what} at or near "${near(i)}"`, position);
        }
        if (chars[j] === ch) {
          if (at(j + 1) === ch) {
            text += ch;
            j += 2;
            continue;
          }
          break;
        }
        text += chars[j++];
      }
      const raw = chars.slice(i, j + 1).join("");
      if (ch === '"') {
        if (text === "")
          throw new SqlSyntaxError(`zero-length delimited identifier at or near """"`, position);
        if ([...text].some(isControl)) {
          throw new SqlSyntaxError(
            `delimited identifier with a control character at or near "${near(i)}"`,
            position,
          );
        }
        checkIdentifierLength(text, position);
        tokens.push({ kind: "quoted", raw, value: text.toLowerCase(), position });
      } else tokens.push({ kind: "string", raw, value: text, position });
      i = j + 1;
    } else if (isIdentifierStart(ch)) {
      let j = i;
      while (j < chars.length && isIdentifierPart(chars[j])) j++;
      const raw = chars.slice(i, j).join("");
      checkIdentifierLength(raw, position);
      tokens.push({ kind: "word", raw, value: foldAscii(raw), position });
      i = j;
    } else if (/[0-9]/.test(ch)) {
      let j = i;
      while (j < chars.length && /[0-9]/.test(chars[j])) j++;
      const raw = chars.slice(i, j).join("");
      tokens.push({ kind: "number", raw, value: raw, position });
      i = j;
    } else if (SYMBOLS.has(ch)) {
      tokens.push({ kind: "symbol", raw: ch, value: ch, position });
      i++;
    } else {
      throw new SqlSyntaxError(`syntax error at or near "${ch}"`, position);
    }
  }
  tokens.push({ kind: "end", raw: "", value: "", position: chars.length + 1 });
  return tokens;
}
