/**
 * The documents' generated blocks: the README's table of the resources and its settings table, and
 * the reference's (docs/resources.md) argument and output tables of each resource, all from the
 * schemas (the registry, provider/registry.ts) and the core's settings table (provider/core/config.ts).
 * Each block stands between `<!-- <name>:start -->` and `<!-- <name>:end -->`. Pure: main.ts
 * writes them (harness/markedBlock.ts), Prettier aligns the tables, and test/docs/generated.test.ts
 * fails when a document differs or lacks a block.
 */
import { describeSetting, SETTINGS, SETTING_NAMES, type SettingDefinition } from "../../provider/core/config";
import {
  inputNames,
  outputOnlyNames,
  type PropertySpec,
  type ResourceSpec,
} from "../../provider/core/schema";
import { RESOURCES } from "../../provider/registry";
import type { Block } from "../../harness/markedBlock";

/** A table cell: a pipe in the text would end the cell. */
const cell = (text: string) => text.replace(/\|/g, "\\|");

const table = (head: string[], rows: string[][]) =>
  [head, head.map(() => "---"), ...rows].map((r) => `| ${r.map(cell).join(" | ")} |`).join("\n");

/** A property's meaning; for a list of objects, followed by each field's. */
function meaning(p: PropertySpec): string {
  if (p.items?.type !== "object") return p.description;
  const fields = Object.entries(p.items.fields).map(
    ([name, f]) => `\`${name}\`${f.required === true ? " (required)" : ""}: ${clause(f.description)}`,
  );
  return `${p.description} Each: ${fields.join("; ")}.`;
}

export function argumentsTable(spec: ResourceSpec): string {
  return table(
    ["argument", "meaning"],
    inputNames(spec).map((name) => {
      const required = spec.properties[name].input?.required === true ? " (required)" : "";
      return [`\`${name}\`${required}`, meaning(spec.properties[name])];
    }),
  );
}

/** Words joined into lines of at most `width` characters (the README's prose is wrapped by hand). */
function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  return [...lines, line].join("\n");
}

/** A description as a clause: no final period, a capital dropped unless the word is an acronym. */
const clause = (text: string) => text.replace(/\.$/, "").replace(/^([A-Z])(?=[a-z])/, (c) => c.toLowerCase());

/** The outputs beyond the arguments, as one paragraph: each name with its meaning. */
export function outputsParagraph(spec: ResourceSpec): string {
  const items = outputOnlyNames(spec).map(
    (name) => `\`${name}\` (${clause(spec.properties[name].description)})`,
  );
  return wrap(`**Outputs**: every argument, and ${items.join(", ")}.`);
}

export function settingsTable(): string {
  return table(
    ["setting", "stack config", "environment", "allowed", "default", "meaning"],
    SETTING_NAMES.map((name) => {
      const s: SettingDefinition = SETTINGS[name];
      return [
        `\`${name}\``,
        `\`${s.configKey}\``,
        s.env.map((e) => `\`${e}\``).join(", ") || "—",
        s.allowed ?? "—",
        s.default === undefined ? "—" : String(s.default),
        s.description,
      ];
    }),
  );
}

/** The plugin's provider-resource settings, as its package schema declares them (docs/plugin.md). */
export function pluginSettingsTable(): string {
  return table(
    ["setting", "type", "meaning"],
    SETTING_NAMES.map((name) => [`\`${name}\``, SETTINGS[name].type, describeSetting(name)]),
  );
}

/** Every block docs/plugin.md holds. */
export function pluginDocBlocks(): Block[] {
  return [{ name: "settings:plugin", content: pluginSettingsTable() }];
}

/** The anchor of a resource's section of the reference: its `## <name>` heading, as GitHub writes it. */
export const resourceAnchor = (spec: ResourceSpec) => spec.name.toLowerCase();

/** One row per resource, in the registry's order: who runs it, what it does, a link to its section. */
export function resourcesTable(referenceLink: string): string {
  return table(
    ["resource", "run by", "what it does", "reference"],
    RESOURCES.map(({ spec }) => [
      `\`${spec.name}\``,
      spec.side,
      spec.summary,
      `[arguments, outputs, ID](${referenceLink}#${resourceAnchor(spec)})`,
    ]),
  );
}

/** Every block the resource reference holds: each resource's argument and output tables. */
export function resourceReferenceBlocks(): Block[] {
  return RESOURCES.flatMap(({ spec }) => [
    { name: `schema:arguments:${spec.name}`, content: argumentsTable(spec) },
    { name: `schema:outputs:${spec.name}`, content: outputsParagraph(spec) },
  ]);
}

/** Every block the README holds; `referenceLink` is the resource reference, relative to the README. */
export function readmeBlocks(referenceLink: string): Block[] {
  return [
    { name: "resources", content: resourcesTable(referenceLink) },
    {
      name: "settings",
      content:
        `${settingsTable()}\n\nPrecedence: the explicit option, the stack config, the environment variables in\n` +
        "order. The provider plugin takes each setting, by name, as an input of its provider resource.",
    },
  ];
}
