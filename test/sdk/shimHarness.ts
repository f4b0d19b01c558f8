/**
 * What the engine does with a provider shim, for the shim tests: serialize it as the resource
 * classes do (sdk/serializedProvider.ts), and evaluate the text as the dynamic-provider host does.
 */
import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { ResourceTypeName, serializeShim } from "../../sdk/serializedProvider";

export type HostProvider = pulumi.dynamic.ResourceProvider & {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
};

/** The `__provider` text of one resource type, checked to hold no secret. */
export async function serializedShim(type: ResourceTypeName): Promise<string> {
  const text = await serializeShim(type);
  assert.ok(text.startsWith("exports.handler"), "not a serialized module");
  return text;
}

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
