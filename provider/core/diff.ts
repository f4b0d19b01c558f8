/** The answer both resources' `diff` give (the engine's DiffResult plus what changes in place). */
export interface DiffResult {
  /**
   * true: something changes. false: nothing to do. undefined: something changes, and the engine
   * names the changed inputs itself (see `engineCanNameChanges`).
   */
  changes: boolean | undefined;
  /** Properties whose change makes another association: the engine replaces the resource. */
  replaces: string[];
  /**
   * Whether a replacement deletes first: only where AWS would undo a create-first (associations
   * that supersede each other, or a key part still unknown). Otherwise the engine's own order,
   * create first, which is also the only order of a replacement it forces (`--replace`), where it
   * asks no `diff` (provider/README.md, "Replacement order").
   */
  deleteBeforeReplace: boolean;
  /** Properties that change in place (the engine does not read this; tests and messages do). */
  inPlace: string[];
}
