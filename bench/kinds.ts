/** The benchmark's vocabulary: what a stack declares, and the engine commands a run takes it through. */

/** The provider, its floor (same properties), the second reference (two properties), the plugin. */
export type Kind = "DataShareConsumer" | "no-op, same properties" | "no-op" | "plugin" | SqlKind;
/** The SQL part's stack (DataShare, DataShareGrant, DataShareDatabase) and its floor (their statements sent with the SDK). */
export type SqlKind = "SQL resources" | "SQL floor";
export const SQL_KINDS: readonly Kind[] = ["SQL resources", "SQL floor"];
export const OURS: Kind = "DataShareConsumer";
export const FLOOR: Kind = "no-op, same properties";

/** `change` is `up` after the first resource moved to the spare namespace (the engine replaces it). */
export type Step = "up" | "preview" | "drift" | "refresh" | "change" | "destroy";

export const STEP_LABEL: Record<Step, string> = {
  up: "pulumi up",
  preview: "pulumi preview --refresh --expect-no-changes",
  drift: "pulumi-redshift-datashare drift",
  refresh: "pulumi refresh",
  change: "pulumi up, one resource changed (replaced)",
  destroy: "pulumi destroy",
};
