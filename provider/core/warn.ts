/**
 * Plain-words lines from a provider; a log line must never fail the call that wrote it. In the
 * dynamic provider host there is no engine connection, so these reach the engine as the host's
 * stderr (warnings) and stdout (notes), shown as stack-level messages.
 */
export function warnThroughPulumi(message: string): void {
  try {
    void require("@pulumi/pulumi").log.warn(message);
  } catch {
    console.warn(`warning: ${message}`);
  }
}

export function noteThroughPulumi(message: string): void {
  try {
    void require("@pulumi/pulumi").log.info(message);
  } catch {
    console.log(`info: ${message}`);
  }
}
