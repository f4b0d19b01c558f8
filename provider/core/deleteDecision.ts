/**
 * What a `delete` does with a key, from what this run knows of it (claims.ts). Pure.
 *
 * - not claimed (destroy, or the program no longer declares it): remove it on AWS;
 * - claimed and held (create first, the one replacement order; a rename; a second declaration):
 *   leave it alone, the stack holds it; one note;
 * - claimed, not held yet: the original of a replacement the program asked to delete first. Left
 *   alone for the create that follows, but the engine marks it pending replacement until then, and
 *   if the run stops first, `destroy` drops it from state without a delete and `refresh` skips it:
 *   the only moment the provider can say so is now, with the command that avoids the orphan.
 */
export type DeleteDecision = { kind: "remove" } | { kind: "note" | "warn"; message: string };

export function deleteDecision(
  resource: string,
  what: string,
  run: { claimed: boolean; held: boolean },
): DeleteDecision {
  if (!run.claimed) return { kind: "remove" };
  if (run.held) {
    return {
      kind: "note",
      message:
        `${resource}: left ${what} in place: the program still declares it in this run ` +
        `(a replacement that keeps it, a rename, or a second declaration), which takes it over.`,
    };
  }
  return {
    kind: "warn",
    message:
      `${resource}: left ${what} in place for the replacement that follows in this run ` +
      `(deleteBeforeReplace is set, and the program still declares it). If this run stops before ` +
      `that replacement is created, the stack keeps it as pending replacement: run \`pulumi up\` ` +
      `next, which completes the replacement by adopting it. A \`pulumi destroy\` run instead ` +
      `would leave it on AWS, unknown to the stack (the engine drops a pending replacement from ` +
      `state without deleting it); \`pulumi up\` and then \`pulumi destroy\` remove it.`,
  };
}
