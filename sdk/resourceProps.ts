/**
 * What an SDK class registers, from its resource's schema: each input from the args by name, each
 * property only the provider fills in as undefined (so the engine reports it), the `__provider` text,
 * and the type token. No resource option is defaulted: a replacement takes the engine's order,
 * create first, as through the plugin (provider/README.md, "Replacement order").
 */
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
