/**
 * The shape of a resource's one schema: property names, types, docs, which are inputs and which
 * outputs, and the type tokens. The SDK classes, the state lists, the drift command's event filter,
 * the benchmark's no-op resource and a provider plugin's package schema derive from it.
 */

export interface PropertySpec {
  type: "string" | "boolean";
  description: string;
  /** Set for an input; `required` when the program must give it. */
  input?: { required?: boolean };
  /** The provider reports it in the resource's outputs. */
  output: boolean;
  secret?: boolean;
}

export interface ResourceSpec {
  /** The resource's name, e.g. "DataShareConsumer". */
  name: string;
  description: string;
  properties: Record<string, PropertySpec>;
}

/** The type token the dynamic provider's resources carry in state (`pulumi-nodejs:dynamic/redshift:<name>`). */
export function dynamicTypeToken(spec: ResourceSpec): string {
  return `pulumi-nodejs:dynamic/redshift:${spec.name}`;
}

/** The type token of the resource in a provider plugin's package (`redshift-datashare:index:<name>`). */
export function packageTypeToken(spec: ResourceSpec): string {
  return `redshift-datashare:index:${spec.name}`;
}

/** The names of a schema's inputs, as a type (for specs declared `as const`). */
export type InputName<S extends ResourceSpec> = {
  [K in keyof S["properties"]]: S["properties"][K] extends { input: object } ? K : never;
}[keyof S["properties"]] &
  string;

/** The names of a schema's output-only properties, as a type. */
export type OutputOnlyName<S extends ResourceSpec> = Exclude<keyof S["properties"] & string, InputName<S>>;

/** A property of the given type, as the `input` or `output` helpers of a schema module build it. */
export function inputProperty<T extends PropertySpec["type"]>(type: T, description: string) {
  return { type, description, input: {}, output: true } as const;
}

export function outputProperty<T extends PropertySpec["type"]>(type: T, description: string) {
  return { type, description, output: true } as const;
}

/** The input property names, in the schema's order. */
export function inputNames<S extends ResourceSpec>(spec: S): InputName<S>[] {
  return Object.keys(spec.properties).filter(
    (name) => spec.properties[name].input !== undefined,
  ) as InputName<S>[];
}

/** The properties only the provider fills in (outputs that are not inputs), in the schema's order. */
export function outputOnlyNames<S extends ResourceSpec>(spec: S): OutputOnlyName<S>[] {
  return Object.keys(spec.properties).filter(
    (name) => spec.properties[name].output && spec.properties[name].input === undefined,
  ) as OutputOnlyName<S>[];
}

/** Every property the provider reports, inputs included, in the schema's order. */
export function outputNames(spec: ResourceSpec): string[] {
  return Object.keys(spec.properties).filter((name) => spec.properties[name].output);
}

/** The declared inputs out of a property bag that may also hold outputs and `__provider`; unset ones left out. */
export function pickInputs(spec: ResourceSpec, bag: Record<string, unknown>): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  for (const name of inputNames(spec)) {
    const v = bag[name];
    if (v !== undefined && v !== null) picked[name] = v;
  }
  return picked;
}
