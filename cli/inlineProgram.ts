import * as pulumi from "@pulumi/pulumi";
import { PulumiFn } from "@pulumi/pulumi/automation";

/**
 * Runs a Pulumi program file (a project's main module) as an Automation API inline program:
 * its top-level code declares the resources and its exports become the stack outputs, as the
 * Node.js language host does. The module is loaded afresh on each run.
 */
export function programFromModule(file: string): PulumiFn {
  return async () => {
    const resolved = require.resolve(file);
    delete require.cache[resolved];
    const exported = require(resolved) as Record<string, unknown>;
    const outputs: Record<string, pulumi.Input<unknown>> = {};
    for (const [key, value] of Object.entries(exported)) {
      if (key !== "__esModule") outputs[key] = value as pulumi.Input<unknown>;
    }
    return outputs;
  };
}
