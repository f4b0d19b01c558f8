import { RESERVED_WORDS } from "../../identity/reservedWords";
import { SqlSyntaxError } from "./errors";
import type { Token } from "./tokenizer";

/** Walks the tokens of one statement; every refusal is Redshift's "syntax error at or near". */
export class TokenCursor {
  private index = 0;

  constructor(private readonly tokens: Token[]) {}

  get current(): Token {
    return this.tokens[this.index];
  }

  fail(token: Token = this.current): never {
    if (token.kind === "end") throw new SqlSyntaxError("syntax error at end of input", token.position);
    throw new SqlSyntaxError(`syntax error at or near "${token.raw}"`, token.position);
  }

  private advance(): Token {
    const token = this.current;
    if (token.kind !== "end") this.index++;
    return token;
  }

  /** An unquoted keyword here? (A quoted word is never a keyword.) */
  isWord(...words: string[]): boolean {
    return this.current.kind === "word" && words.includes(this.current.value);
  }

  acceptWord(word: string): boolean {
    if (!this.isWord(word)) return false;
    this.advance();
    return true;
  }

  expectWord(...words: string[]): string {
    if (!this.isWord(...words)) this.fail();
    return this.advance().value;
  }

  /** Any unquoted word (a type name). */
  word(): string {
    if (this.current.kind !== "word") this.fail();
    return this.advance().value;
  }

  isSymbol(symbol: string): boolean {
    return this.current.kind === "symbol" && this.current.value === symbol;
  }

  acceptSymbol(symbol: string): boolean {
    if (!this.isSymbol(symbol)) return false;
    this.advance();
    return true;
  }

  expectSymbol(symbol: string): void {
    if (!this.acceptSymbol(symbol)) this.fail();
  }

  /** A name: quoted, or unquoted and not a reserved word. */
  identifier(): string {
    const token = this.current;
    if (token.kind === "quoted" || (token.kind === "word" && !RESERVED_WORDS.has(token.value))) {
      return this.advance().value;
    }
    return this.fail();
  }

  stringLiteral(): string {
    if (this.current.kind !== "string") this.fail();
    return this.advance().value;
  }

  numberLiteral(): number | undefined {
    if (this.current.kind !== "number") return undefined;
    return Number(this.advance().value);
  }

  booleanLiteral(): boolean {
    return this.expectWord("true", "false") === "true";
  }

  /** `;` at most once, then nothing but the end. */
  finish(): void {
    this.acceptSymbol(";");
    if (this.current.kind !== "end") this.fail();
  }
}
