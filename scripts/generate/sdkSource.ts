/**
 * The SDK's sources, from the registry (provider/registry.ts): one class file per resource
 * (`sdk/<resource>.ts`: its Args, its output declarations with the schema's docs, the class) and
 * the entry `sdk/index.ts`. Pure: text in, text out; main.ts writes it and Prettier formats it.
 */
import {
  inputNames,
  objectTypes,
  outputNames,
  type ItemSpec,
  type ObjectTypeSpec,
  type PropertySpec,
  type ResourceSpec,
  type ValueType,
} from "../../provider/core/schema";
import { RESOURCES } from "../../provider/registry";

export const GENERATED_NOTE =
  "// Generated from the resource registry (provider/registry.ts) by `npm run docs:generate`; do not edit.";

/** `DataShareConsumer` → `dataShareConsumer` (the file's name). */
export const sdkModuleName = (spec: ResourceSpec) => spec.name[0].toLowerCase() + spec.name.slice(1);

/** `DataShareConsumer` → `DATA_SHARE_CONSUMER_TYPE`. */
const typeConstName = (spec: ResourceSpec) =>
  `${spec.name.replace(/(?<!^)([A-Z])/g, "_$1").toUpperCase()}_TYPE`;

const doc = (text: string, indent: string) => `${indent}/** ${text.replace(/\*\//g, "*\\/")} */\n`;

function alwaysPresent(p: PropertySpec): boolean {
  return p.input?.required === true || p.alwaysReported === true;
}

/** A property's or field's TypeScript type: `string`, `boolean`, `string[]`, `DataShareSchema[]`. */
function tsType(p: { type: ValueType; items?: ItemSpec }): string {
  if (p.type !== "array") return p.type;
  if (p.items === undefined) throw new Error("a list property needs its items");
  return `${p.items.type === "object" ? p.items.name : p.items.type}[]`;
}

/** An object type as an SDK interface (its fields, required ones required). */
function renderObjectType(type: ObjectTypeSpec): string {
  const fields = Object.entries(type.fields)
    .map(
      ([key, f]) => `${doc(f.description, "  ")}  ${key}${f.required === true ? "" : "?"}: ${tsType(f)};\n`,
    )
    .join("");
  return `\n${doc(type.description, "")}export interface ${type.name} {\n${fields}}\n`;
}

export function renderSdkClass(spec: ResourceSpec): string {
  const name = spec.name;
  const constName = typeConstName(spec);
  const args = inputNames(spec)
    .map((key) => {
      const p = spec.properties[key];
      const optional = p.input?.required === true ? "" : "?";
      return `${doc(p.description, "  ")}  ${key}${optional}: pulumi.Input<${tsType(p)}>;\n`;
    })
    .join("");
  const outputs = outputNames(spec)
    .map((key) => {
      const p = spec.properties[key];
      const type = alwaysPresent(p) ? tsType(p) : `${tsType(p)} | undefined`;
      return `${doc(p.description, "  ")}  declare public readonly ${key}: pulumi.Output<${type}>;\n`;
    })
    .join("");
  return `${GENERATED_NOTE}
import * as pulumi from "@pulumi/pulumi";
import { resourceEntry } from "../provider/registry";
import {
  registeredProps,
  typeToken,
  type DeclaredOutputs,
  type SameShape,
  type SdkArgs,
  type SdkOutputs,
} from "./resourceProps";

const spec = resourceEntry(${JSON.stringify(name)}).spec;

export const ${constName} = typeToken(spec);
${objectTypes(spec).map(renderObjectType).join("")}
/** Inputs of a {@link ${name}}. ${spec.description} */
export interface ${name}Args {
${args}}

/**
 * ${spec.description}
 * A Pulumi dynamic resource: the engine runs its provider in the dynamic-provider host from the
 * \`__provider\` text, a few lines that load this package's provider by name (providerModule.ts).
 */
export class ${name} extends pulumi.CustomResource {
${outputs}
  /**
   * A replacement creates first, as through the plugin; a forced one (\`pulumi up --replace\`) keeps
   * what the resource holds on AWS live throughout (provider/README.md, "Replacement order").
   */
  constructor(name: string, args: ${name}Args, opts?: pulumi.CustomResourceOptions) {
    super(${constName}, name, registeredProps(spec, args), opts);
  }
}

/** Compile time: the declarations are the schema's, in both directions, outputs included. */
const argsMatchSchema: SameShape<${name}Args, SdkArgs<typeof spec>> = true;
const outputsMatchSchema: SameShape<DeclaredOutputs<${name}>, SdkOutputs<typeof spec>> = true;
void argsMatchSchema;
void outputsMatchSchema;
`;
}

export function renderSdkIndex(): string {
  const lines = RESOURCES.map(({ spec }) => {
    const module = `./${sdkModuleName(spec)}`;
    const types = [`${spec.name}Args`, ...objectTypes(spec).map((t) => t.name)].join(", ");
    return `export { ${spec.name} } from "${module}";\nexport type { ${types} } from "${module}";\n`;
  });
  return `${GENERATED_NOTE}
/** \`pulumi-redshift-datashare\`: the registry's resources. No logic lives here; see provider/. */
${lines.join("")}`;
}

/** Every SDK file and its content, by path from the package root. */
export function sdkFiles(): { file: string; content: string }[] {
  return [
    ...RESOURCES.map(({ spec }) => ({
      file: `sdk/${sdkModuleName(spec)}.ts`,
      content: renderSdkClass(spec),
    })),
    { file: "sdk/index.ts", content: renderSdkIndex() },
  ];
}
