/**
 * Which keys the program declares in this run. Every successful `check` records the canonical key
 * of the inputs it checked (known values only). A `delete` of a key that a `check` in this same
 * process claimed leaves the live object alone: the program still declares it, as the original of
 * a replacement that keeps the key (`pulumi up --replace`, `replaceOnChanges`), a resource renamed
 * without an alias, or a second declaration of the same association or authorization. The create
 * that goes with it adopts the live object, so nothing goes away in between.
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
  /** A new run of this resource's provider (configure): its claims are forgotten. */
  forget(resource: string): void;
}

export function createClaimRegistry(): ClaimRegistry {
  const claimed = new Map<string, Set<string>>();
  const of = (resource: string) => {
    let keys = claimed.get(resource);
    if (!keys) claimed.set(resource, (keys = new Set()));
    return keys;
  };
  return {
    claim: (resource, key) => void of(resource).add(key),
    isClaimed: (resource, key) => claimed.get(resource)?.has(key) === true,
    forget: (resource) => void claimed.delete(resource),
  };
}
