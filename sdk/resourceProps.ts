/**
 * What an SDK class registers, from its resource's schema: each input from the args by name, each
 * property only the provider fills in as undefined (so the engine reports it), the `__provider` text,
 * and the type token. Also the one default of the resource options (see provider/README.md,
 * "Update or replace"): a replacement deletes first unless the program says otherwise.
 */
import type * as pulumi from "@pulumi/pulumi";
import { dynamicTypeToken, inputNames, outputOnlyNames, type ResourceSpec } from "../provider/core/schema";
import { providerModuleText, ResourceTypeName } from "./providerModule";

export function typeToken(spec: ResourceSpec): string {
  return dynamicTypeToken(spec);
}

export function registeredProps(
  spec: ResourceSpec & { name: ResourceTypeName },
  args: object,
): Record<string, unknown> {
  const given = args as Record<string, unknown>;
  const props: Record<string, unknown> = { __provider: providerModuleText(spec.name) };
  for (const name of inputNames(spec)) props[name] = given[name];
  for (const name of outputOnlyNames(spec)) props[name] = undefined;
  return props;
}

/**
 * `deleteBeforeReplace` defaults to true: with it, a replacement that keeps the association or
 * authorization (`pulumi up --replace`, `replaceOnChanges`) deletes first, and that delete leaves
 * the live object alone because the program still declares it; the create then adopts it. No
 * deletion of the original is left pending at the end of the run. A value the program sets wins.
 */
export function withResourceDefaults(
  opts: pulumi.CustomResourceOptions | undefined,
): pulumi.CustomResourceOptions {
  return { ...opts, deleteBeforeReplace: opts?.deleteBeforeReplace ?? true };
}
