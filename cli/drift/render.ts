/**
 * Human-readable renderings of a drift report: a plain-text table for the terminal and Markdown
 * for CI job summaries. Pure.
 */
import { resourceNames } from "../../provider/schema";
import { DriftValue, Remedy } from "./findDrift";
import { driftedResources, DriftReport } from "./report";

const REMEDY_LABEL: Record<Remedy, string> = {
  "pulumi-up": "pulumi up --refresh",
  producer: "producer must act",
};

export function formatValue(value: DriftValue): string {
  if (value === null) return "(gone)";
  return String(value);
}

/** What was checked, named by type when the stack holds only one of them. */
function checkedNoun(report: DriftReport): string {
  const n = report.resources;
  const counts = report.resourceCounts;
  const plural = n === 1 ? "" : "s";
  const present = resourceNames.filter((name) => counts[name] > 0);
  if (present.length <= 1) return `${present[0] ?? resourceNames[0]} resource${plural}`;
  return `datashare resource${plural} (${present.map((name) => `${counts[name]} ${name}`).join(", ")})`;
}

function summary(report: DriftReport): string {
  const n = report.resources;
  const noun = checkedNoun(report);
  const state = report.mode === "refresh" ? "state refreshed" : "state not written";
  if (report.drifted.length === 0) return `Stack ${report.stack}: no drift in ${n} ${noun} (${state}).`;
  const count = driftedResources(report).length;
  return `Stack ${report.stack}: ${count} of ${n} ${noun} drifted (${state}).`;
}

export function renderTable(report: DriftReport): string {
  const lines = [summary(report)];
  if (report.drifted.length > 0) {
    const header = ["RESOURCE", "PROPERTY", "DECLARED", "LIVE", "REMEDY"];
    const rows = report.drifted.map((d) => [
      d.resource,
      d.property,
      formatValue(d.declared),
      formatValue(d.live),
      REMEDY_LABEL[d.remedy],
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
        .join("  ")
        .trimEnd();
    lines.push("", line(header), ...rows.map(line), "");
    for (const d of report.drifted) lines.push(`${d.resource}.${d.property}: ${d.detail}`);
  }
  return lines.join("\n") + "\n";
}

export function renderMarkdown(report: DriftReport): string {
  const lines = [`## Datashare drift: stack \`${escapeMarkdown(report.stack)}\``, "", summary(report), ""];
  if (report.drifted.length > 0) {
    lines.push("| Resource | Property | Declared | Live | Remedy | Detail |", "|---|---|---|---|---|---|");
    for (const d of report.drifted) {
      const cells = [
        `\`${d.resource}\``,
        `\`${d.property}\``,
        formatValue(d.declared),
        formatValue(d.live),
        REMEDY_LABEL[d.remedy],
        d.detail,
      ];
      lines.push("| " + cells.map(escapeMarkdown).join(" | ") + " |");
    }
    lines.push("");
  }
  lines.push(`<sub>Checked ${report.checkedAt}; schema version ${report.schemaVersion}.</sub>`, "");
  return lines.join("\n");
}

/** Keeps a value inside its table cell: pipes and line breaks would end it. */
function escapeMarkdown(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}
