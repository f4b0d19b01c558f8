/**
 * What an SDK class registers, from its resource's schema: each input from the args by name, each
 * property only the provider fills in as undefined (so the engine reports it), the `__provider` text,
 * and the type token. No resource option is defaulted: a replacement takes the engine's order,
 * create first, as through the plugin (provider/README.md, "Replacement order").
 */
import type * as pulumi from "@pulumi/pulumi";
import {
  dynamicTypeToken,
  inputNames,
  outputOnlyNames,
  type AlwaysReportedName,
  type InputName,
  type OutputName,
  type RequiredInputName,
  type ResourceSpec,
  type ValueOf,
} from "../provider/core/schema";
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

/** An SDK class's Args, from its schema: each input as a `pulumi.Input`, required ones required. */
export type SdkArgs<S extends ResourceSpec> = {
  [K in RequiredInputName<S>]: pulumi.Input<ValueOf<S["properties"][K]>>;
} & {
  [K in Exclude<InputName<S>, RequiredInputName<S>>]?: pulumi.Input<ValueOf<S["properties"][K]>>;
};

/** An SDK class's outputs, from its schema: possibly undefined unless the provider always reports it. */
export type SdkOutputs<S extends ResourceSpec> = {
  readonly [K in OutputName<S>]: pulumi.Output<
    K extends AlwaysReportedName<S> ? ValueOf<S["properties"][K]> : ValueOf<S["properties"][K]> | undefined
  >;
};

/** The members an SDK class declares beyond those of every custom resource. */
export type DeclaredOutputs<C> = Omit<C, keyof pulumi.CustomResource>;

/**
 * `true` when A and B have the same members, each with the same optionality and type: the
 * compile-time check of an SDK class's declarations against its schema, in both directions.
 */
export type SameShape<A, B> = [keyof A] extends [keyof B]
  ? [keyof B] extends [keyof A]
    ? [A] extends [B]
      ? [B] extends [A]
        ? { [K in keyof A]-?: Exact<A[K], B[K & keyof B]> }[keyof A] extends true
          ? true
          : never
        : never
      : never
    : never
  : never;

type Exact<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
