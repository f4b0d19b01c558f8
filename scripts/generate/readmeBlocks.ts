/**
 * The README's generated blocks: each resource's argument and output tables from its schema (the
 * registry, provider/registry.ts) and the settings table from the core's settings table
 * (provider/core/config.ts). Each block stands between `<!-- <name>:start -->` and
 * `<!-- <name>:end -->`. Pure: main.ts writes them (harness/markedBlock.ts), Prettier aligns the
 * tables, and test/docs/generated.test.ts fails when the README differs.
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

/** Every block the README holds, in no particular order. */
export function readmeBlocks(): Block[] {
  return [
    ...RESOURCES.flatMap(({ spec }) => [
      { name: `schema:arguments:${spec.name}`, content: argumentsTable(spec) },
      { name: `schema:outputs:${spec.name}`, content: outputsParagraph(spec) },
    ]),
    {
      name: "settings",
      content:
        `${settingsTable()}\n\nPrecedence: the explicit option, the stack config, the environment variables in\n` +
        "order. The provider plugin takes each setting, by name, as an input of its provider resource.",
    },
  ];
}
