/** The benchmark's vocabulary: what a stack declares, and the engine commands a run takes it through. */

/** The provider, its floor (same properties), the second reference (two properties), the plugin. */
export type Kind = "DataShareConsumer" | "no-op, same properties" | "no-op" | "plugin";
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
