/**
 * The one identity of a datashare ARN, shared by the provider (both resources), the drift command
 * and the emulator's look-ups. It lives outside provider/ and emulator/ so that both can import it
 * without the emulator importing the provider: a pure function over a string, with no imports.
 *
 * Two ARNs name the same datashare when they are equal without ASCII letter case. Partition, service,
 * region and the `datashare` word are lower case by definition, the account is digits, the
 * producer namespace GUID is hex that AWS answers in lower case whatever was sent, and the name is
 * a Redshift identifier, whose ASCII letters Redshift folds to lower case (other letters, which
 * UTF-8 identifiers may hold, keep their case) (CREATE DATASHARE takes an unquoted
 * name; `enable_case_sensitive_identifier` covers databases, schemas, tables and columns, not
 * datashares). Folding the name is also the safe side for the provider: a respelling is then never
 * a new key, so it never plans a create of what the delete that follows would remove.
 */
export function dataShareIdentity(dataShareArn: string): string {
  return dataShareArn.replace(ASCII_CAPITALS, (c) => c.toLowerCase());
}

/** Redshift folds the ASCII letters of an identifier only; other letters keep their case. */
const ASCII_CAPITALS = /[A-Z]+/g;

/** Both ARNs name the same datashare. */
export function sameDataShare(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && (a === b || dataShareIdentity(a) === dataShareIdentity(b));
}
