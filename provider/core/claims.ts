/**
 * Which keys the program declares in this run. Every successful `check` records the canonical key
 * of the inputs it checked (known values only). A `delete` of a key that a `check` in this same
 * process claimed leaves the live object alone: the program still declares it, as the original of
 * a replacement that keeps the key (`pulumi up --replace`, `replaceOnChanges`), a resource renamed
 * without an alias, or a second declaration of the same association or authorization. The create
 * that goes with it adopts the live object, so nothing goes away in between.
 *
 * Which of those keys the stack also holds in this run: a create made or adopted it, an update kept
 * it, or a diff found it unchanged. A claimed delete of a key not yet held is the original of a
 * replacement that deletes first (`deleteBeforeReplace: true`, set by the program): the engine then
 * marks it pending replacement, and if the run stops before the create, `destroy` drops it from
 * state without calling `delete` (provider/README.md, "Replacement order"), so it is told then.
 *
 * The engine runs one provider host per deployment, and the host configures each provider once,
 * before its first call; `configure` forgets the resource's claims, so a claim lives exactly as
 * long as the run that declared it (in-process users start a new run the same way). `destroy` and
 * `refresh` run no check: they claim nothing, so destroy deletes. Keys are per resource type (an
 * association and an authorization never share one).
 */
export interface ClaimRegistry {
  /** The program declares this key in this run. */
  claim(resource: string, canonicalKey: string): void;
  /** Whether a check in this run declared the key. */
  isClaimed(resource: string, canonicalKey: string): boolean;
  /** The stack holds this key in this run (a create, an update, or a diff that found no change). */
  hold(resource: string, canonicalKey: string): void;
  /** Whether the stack already holds the key in this run. */
  isHeld(resource: string, canonicalKey: string): boolean;
  /** A new run of this resource's provider (configure): its claims are forgotten. */
  forget(resource: string): void;
}

function keySets() {
  const sets = new Map<string, Set<string>>();
  return {
    add: (resource: string, key: string) => {
      let keys = sets.get(resource);
      if (!keys) sets.set(resource, (keys = new Set()));
      keys.add(key);
    },
    has: (resource: string, key: string) => sets.get(resource)?.has(key) === true,
    forget: (resource: string) => void sets.delete(resource),
  };
}

export function createClaimRegistry(): ClaimRegistry {
  const claimed = keySets();
  const held = keySets();
  return {
    claim: claimed.add,
    isClaimed: claimed.has,
    hold: held.add,
    isHeld: held.has,
    forget: (resource) => {
      claimed.forget(resource);
      held.forget(resource);
    },
  };
}
