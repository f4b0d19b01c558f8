/** Plain-words warnings from a provider; a warning must never fail the call that found it. */
export function warnThroughPulumi(message: string): void {
  try {
    void require("@pulumi/pulumi").log.warn(message);
  } catch {
    console.warn(`warning: ${message}`);
  }
}
