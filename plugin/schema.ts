/**
 * The Pulumi package schema of `redshift-datashare`, derived from the resources' specs and the
 * provider settings (resources.ts): `pulumi package get-schema` prints it, `pulumi package gen-sdk`
 * and `pulumi package add` write every language's SDK from it. Pure.
 *
 * Each resource lists its dynamic-provider type as an alias, so SDKs generated from this schema
 * move a resource of a dynamic-provider stack to the plugin in place (docs/plugin.md).
 */
import {
  FieldSpec,
  ItemSpec,
  ObjectTypeSpec,
  PropertySpec,
  ResourceSpec,
  SettingSpec,
  dynamicTypeToken,
  objectTypes,
  packageTypeToken,
} from "./resources";

export const PACKAGE_NAME = "redshift-datashare";

/** The Go package's import path; its module is the path's parent (`…/sdk/go`). */
export const GO_IMPORT_BASE_PATH = "example.com/pulumi-redshift-datashare/sdk/go/redshiftdatashare";

/** An object type's token in the package (`redshift-datashare:index:<name>`), as a `$ref` names it. */
const typeToken = (type: ObjectTypeSpec) => `${PACKAGE_NAME}:index:${type.name}`;

/** A list's element as the package schema writes it: a type, or a reference to an object type. */
const items = (item: ItemSpec) =>
  item.type === "object" ? { $ref: `#/types/${typeToken(item)}` } : { type: item.type };

/** The type part of a property or field: `{ type }`, or a list with its items. */
const typeOf = (spec: PropertySpec | FieldSpec | SettingSpec) =>
  spec.type === "array" && "items" in spec && spec.items !== undefined
    ? { type: "array", items: items(spec.items) }
    : { type: spec.type };

const property = (spec: PropertySpec | SettingSpec) => ({
  ...typeOf(spec),
  description: spec.description,
  ...("secret" in spec && spec.secret ? { secret: true } : {}),
});

/** An object type as the package schema's `types` declares it. */
const objectTypeSchema = (type: ObjectTypeSpec) => ({
  type: "object",
  description: type.description,
  properties: Object.fromEntries(
    Object.entries(type.fields).map(([name, f]) => [name, { ...typeOf(f), description: f.description }]),
  ),
  required: Object.keys(type.fields).filter((name) => type.fields[name].required === true),
});

const pick = (props: Record<string, PropertySpec>, keep: (p: PropertySpec) => boolean) =>
  Object.fromEntries(Object.entries(props).filter(([, p]) => keep(p)));

function resourceSchema(spec: ResourceSpec) {
  const inputs = pick(spec.properties, (p) => p.input !== undefined);
  const outputs = pick(spec.properties, (p) => p.output);
  const requiredInputs = Object.keys(pick(inputs, (p) => p.input?.required === true));
  const mapValues = (props: Record<string, PropertySpec>) =>
    Object.fromEntries(Object.entries(props).map(([name, p]) => [name, property(p)]));
  return {
    description: spec.description,
    properties: mapValues(outputs),
    // An output is always present when it is a required input; the others may be unset.
    required: requiredInputs.filter((name) => name in outputs),
    inputProperties: mapValues(inputs),
    requiredInputs,
    aliases: [{ type: dynamicTypeToken(spec) }],
  };
}

export interface SchemaSource {
  version: string;
  resources: readonly ResourceSpec[];
  settings: Record<string, SettingSpec>;
}

export function buildSchema(source: SchemaSource) {
  const settings = Object.fromEntries(Object.entries(source.settings).map(([k, s]) => [k, property(s)]));
  return {
    name: PACKAGE_NAME,
    displayName: "Redshift datashare",
    version: source.version,
    description:
      "Amazon Redshift datashares across accounts: the consumer's associations (DataShareConsumer) and the " +
      "producer's authorizations (DataShareAuthorization), with refresh that reports drift precisely.",
    keywords: ["pulumi", "aws", "redshift", "datashare", "category/database", "kind/native"],
    license: "Apache-2.0",
    config: { variables: settings },
    provider: {
      description: "The redshift-datashare provider: AWS settings for its resources' API calls.",
      inputProperties: settings,
    },
    types: Object.fromEntries(
      source.resources.flatMap(objectTypes).map((t) => [typeToken(t), objectTypeSchema(t)]),
    ),
    resources: Object.fromEntries(source.resources.map((r) => [packageTypeToken(r), resourceSchema(r)])),
    language: {
      nodejs: { respectSchemaVersion: true },
      python: { respectSchemaVersion: true },
      // No published Go module: a program links the generated SDK with a `replace` line (what
      // `pulumi package add` writes). Set so that the package folder and its import path agree.
      go: { respectSchemaVersion: true, importBasePath: GO_IMPORT_BASE_PATH },
    },
  };
}
