/**
 * Warnings from the provider core (`pulumi.log.warn`: a status only the producer can heal, a
 * superseded association) reach the user through the engine's Log service. The engine hides what a
 * resource plugin writes to stderr (only the dynamic-provider host's stderr is shown), and
 * `@pulumi/pulumi`'s provider server connects its log to the engine only inside construct and
 * call. So the plugin points the runtime's log at the engine address it was started with.
 */
import { runtime } from "@pulumi/pulumi";

/** The engine's address among a plugin's arguments: the first one that is not a logging flag. */
export function engineAddress(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--logtostderr" || arg.startsWith("-v=")) continue;
    if (arg === "--tracing") {
      i++;
      continue;
    }
    return arg;
  }
  return undefined;
}

/** Sends `pulumi.log` messages of this process to the engine (a no-op without an address). */
export function logThroughEngine(args: readonly string[]): void {
  const address = engineAddress(args);
  if (address !== undefined) runtime.resetOptions("", "", 1, address, "", false, "");
}
