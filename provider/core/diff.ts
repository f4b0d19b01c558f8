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
   * Whether a replacement deletes first. True whenever the create could reach what the old
   * resource holds (same key, an unknown part of the key, kinds that supersede each other). The
   * engine does not ask for a replacement it forces (`--replace`): there the resource option
   * decides, which the SDK classes default to true (see provider/README.md).
   */
  deleteBeforeReplace: boolean;
  /** Properties that change in place (the engine does not read this; tests and messages do). */
  inPlace: string[];
}
