/**
 * The shape of a resource's one schema: property names, types, docs, which are inputs and which
 * outputs, which inputs make its key, and the type tokens. The SDK classes, the providers' input
 * and state types, the key parts, the drift command's event filter, the documents' tables, the
 * benchmark's no-op resource and a provider plugin's package schema derive from it.
 */

/** A single value's type. */
export type ScalarType = "string" | "boolean";

/** A property's or field's value type: a single value, or a list of `items`. */
export type ValueType = ScalarType | "array";

/** A field of an object type (one element of a list of objects). */
export interface FieldSpec {
  type: ValueType;
  /** Set when `type` is "array": what each element is. */
  items?: ItemSpec;
  description: string;
  required?: boolean;
}

/**
 * A named object type, the element of a list of objects: the SDK declares it as an interface and a
 * plugin's package schema under `types` (so YAML and Go programs can declare one).
 */
export interface ObjectTypeSpec {
  type: "object";
  /** The type's name, e.g. "DataShareSchema": the SDK's interface and the package type token's last part. */
  name: string;
  description: string;
  fields: Record<string, FieldSpec>;
}

/** What one element of a list is: a single value or an object. */
export type ItemSpec = { type: ScalarType } | ObjectTypeSpec;

export interface PropertySpec {
  type: ValueType;
  /** Set when `type` is "array": what each element is. */
  items?: ItemSpec;
  description: string;
  /** Set for an input; `required` when the program must give it. */
  input?: { required?: boolean };
  /** The provider reports it in the resource's outputs. */
  output: boolean;
  /**
   * The provider reports it for every resource it holds: the SDK declares the output without
   * `undefined` (a required input always is).
   */
  alwaysReported?: boolean;
  secret?: boolean;
}

export interface ResourceSpec {
  /** The resource's name, e.g. "DataShareConsumer". */
  name: string;
  description: string;
  properties: Record<string, PropertySpec>;
  /**
   * The inputs that say which object on AWS the resource holds (its canonical key, id.ts): a
   * change of one replaces, and check claims the key only when all of them are known.
   */
  keyParts: readonly string[];
  /** Whose account runs it: the datashare's producer or its consumer (the README's table of resources). */
  side: "producer" | "consumer";
  /** What it does, in one line (the README's table of resources). */
  summary: string;
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

/** The names of a schema's required inputs, as a type. */
export type RequiredInputName<S extends ResourceSpec> = {
  [K in keyof S["properties"]]: S["properties"][K] extends { input: { required: true } } ? K : never;
}[keyof S["properties"]] &
  string;

/** The names of a schema's outputs (inputs included), as a type. */
export type OutputName<S extends ResourceSpec> = {
  [K in keyof S["properties"]]: S["properties"][K] extends { output: true } ? K : never;
}[keyof S["properties"]] &
  string;

type Flatten<T> = { [K in keyof T]: T[K] };

/** The names of an object type's required fields, as a type. */
type RequiredFieldName<F> = {
  [K in keyof F]: F[K] extends { required: true } ? K : never;
}[keyof F];

/** The TypeScript type of an object type's values: required fields present, others optional. */
export type ObjectValueOf<F> = Flatten<
  { -readonly [K in RequiredFieldName<F>]: ValueOf<F[K]> } & {
    -readonly [K in Exclude<keyof F, RequiredFieldName<F>>]?: ValueOf<F[K]>;
  }
>;

type ItemValueOf<I> = I extends { type: "object"; fields: infer F } ? ObjectValueOf<F> : ValueOf<I>;

/** The TypeScript type of a property's (or field's) values. */
export type ValueOf<P> = P extends { type: "string" }
  ? string
  : P extends { type: "boolean" }
    ? boolean
    : P extends { type: "array"; items: infer I }
      ? ItemValueOf<I>[]
      : never;

/** A resource's declared inputs, as the engine hands them over: required ones present, others optional. */
export type InputsOf<S extends ResourceSpec> = Flatten<
  { [K in RequiredInputName<S>]: ValueOf<S["properties"][K]> } & {
    [K in Exclude<InputName<S>, RequiredInputName<S>>]?: ValueOf<S["properties"][K]>;
  }
>;

/** A resource's stored state: its inputs, then every output (each may be absent). */
export type StateOf<S extends ResourceSpec> = Flatten<
  InputsOf<S> & { [K in Exclude<OutputName<S>, InputName<S>>]?: ValueOf<S["properties"][K]> }
>;

/** Every stored property named, each with its value or undefined: the compiler holds a state builder to the schema. */
export type StateRecord<S extends ResourceSpec> = {
  [K in InputName<S> | OutputName<S>]: ValueOf<S["properties"][K]> | undefined;
};

/** The names of the outputs the provider always reports (required inputs included), as a type. */
export type AlwaysReportedName<S extends ResourceSpec> =
  | RequiredInputName<S>
  | {
      [K in keyof S["properties"]]: S["properties"][K] extends { alwaysReported: true } ? K : never;
    }[keyof S["properties"]];

/** A schema's key parts, as a type. */
export type KeyPart<S extends ResourceSpec> = S["keyParts"][number];

/** A property of the given type, as the `input` or `output` helpers of a schema module build it. */
export function inputProperty<T extends ScalarType>(type: T, description: string) {
  return { type, description, input: {}, output: true } as const;
}

/** An optional input that is a list of `items` (reported back as an output). */
export function inputListProperty<I extends ItemSpec>(items: I, description: string) {
  return { type: "array", items, description, input: {}, output: true } as const;
}

export function outputProperty<T extends ScalarType>(type: T, description: string) {
  return { type, description, output: true } as const;
}

/** An output the provider reports for every resource it holds (see `alwaysReported`). */
export function reportedProperty<T extends ScalarType>(type: T, description: string) {
  return { type, description, output: true, alwaysReported: true } as const;
}

/** The object types a resource's properties use (each once, in the schema's order). */
export function objectTypes(spec: ResourceSpec): ObjectTypeSpec[] {
  const found = new Map<string, ObjectTypeSpec>();
  const visit = (item: ItemSpec | undefined) => {
    if (item?.type !== "object" || found.has(item.name)) return;
    found.set(item.name, item);
    for (const field of Object.values(item.fields)) visit(field.items);
  };
  for (const p of Object.values(spec.properties)) visit(p.items);
  return [...found.values()];
}

/** The required inputs, in the schema's order. */
export function requiredInputNames<S extends ResourceSpec>(spec: S): RequiredInputName<S>[] {
  return inputNames(spec).filter(
    (name) => spec.properties[name].input?.required === true,
  ) as unknown as RequiredInputName<S>[];
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
