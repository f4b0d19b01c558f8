/**
 * The Pulumi package schema of `redshift-datashare`, derived from the resources' specs and the
 * provider settings (resources.ts): `pulumi package get-schema` prints it, `pulumi package gen-sdk`
 * and `pulumi package add` write every language's SDK from it. Pure.
 *
 * Each resource lists its dynamic-provider type as an alias, so SDKs generated from this schema
 * move a resource of a dynamic-provider stack to the plugin in place (docs/plugin.md).
 */
import { PropertySpec, ResourceSpec, SettingSpec, dynamicTypeToken, packageTypeToken } from "./resources";

export const PACKAGE_NAME = "redshift-datashare";

/** The Go package's import path; its module is the path's parent (`…/sdk/go`). */
export const GO_IMPORT_BASE_PATH = "example.com/pulumi-redshift-datashare/sdk/go/redshiftdatashare";

interface SchemaProperty {
  type: string;
  description: string;
  secret?: boolean;
}

const property = (spec: PropertySpec | SettingSpec): SchemaProperty => ({
  type: spec.type,
  description: spec.description,
  ...("secret" in spec && spec.secret ? { secret: true } : {}),
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
