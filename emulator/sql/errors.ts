/**
 * A statement Redshift refuses or fails: the Data API reports it as a FAILED statement whose
 * Error is the message, never as an API fault. `position` (1-based) when the grammar refused it.
 */
export class StatementError extends Error {
  constructor(
    message: string,
    readonly position?: number,
  ) {
    super(message);
  }
}

/** Refused by the tokenizer or the grammar, before anything ran. */
export class SqlSyntaxError extends StatementError {
  constructor(message: string, position: number) {
    super(message, position);
  }
}
