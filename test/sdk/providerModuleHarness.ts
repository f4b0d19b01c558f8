/**
 * What the engine does with a resource's `__provider` text, for the provider-module tests: evaluate
 * it as the dynamic-provider host does (a module without a file name) and call its handler.
 */
import type * as pulumi from "@pulumi/pulumi";

export type HostProvider = pulumi.dynamic.ResourceProvider & {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
};

/** The host evaluates the text as a module without a file name and calls its handler. */
export function deserialize(text: string): HostProvider {
  const requireFromString = require("require-from-string") as (code: string) => { handler(): never };
  return requireFromString(text).handler();
}

/** Sets environment variables for a test; the returned function puts the old values back. */
export function withEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  return () => apply(saved);
}
