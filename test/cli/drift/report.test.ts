import * as assert from "node:assert/strict";
import { RefreshedResource } from "../../../cli/drift/events";
import { GoneCause } from "../../../cli/drift/findDrift";
import { buildReport, renderJson } from "../../../cli/drift/report";
import { renderMarkdown, renderTable } from "../../../cli/drift/render";
import { assertReportShape } from "./reportShape";

const URN = "urn:pulumi:prod::proj::pulumi-nodejs:dynamic/redshift:DataShareConsumer::";
const ok = { inputs: { dataShareArn: "arn:s" }, outputs: { dataShareArn: "arn:s", status: "ACTIVE" } };

function resource(name: string, liveStatus?: string): RefreshedResource {
  const r: RefreshedResource = { name, urn: URN + name, old: ok };
  if (liveStatus) r.live = { inputs: ok.inputs, outputs: { ...ok.outputs, status: liveStatus } };
  return r;
}

const checkedAt = new Date("2026-03-01T02:03:04.000Z");
const drifted = buildReport({
  stack: "prod",
  mode: "preview",
  checkedAt,
  refreshed: [resource("zeta", "DEAUTHORIZED"), resource("alpha"), resource("mid", "ACTIVE")],
  causes: new Map([[URN + "alpha", { kind: "datashare-gone" as const }]]),
});
const clean = buildReport({
  stack: "prod",
  mode: "refresh",
  checkedAt,
  refreshed: [resource("a", "ACTIVE")],
});

describe("drift report", () => {
  it("lists findings sorted by resource, with the URN, and counts every checked resource", () => {
    assert.equal(drifted.resources, 3);
    assert.deepEqual(
      drifted.drifted.map((d) => [d.resource, d.kind, d.remedy]),
      [
        ["alpha", "datashare-gone", "producer"],
        ["zeta", "status", "producer"],
      ],
    );
    assert.equal(drifted.drifted[0].urn, URN + "alpha");
  });

  it("JSON: has exactly the documented keys and types of schema version 1", () => {
    const parsed = JSON.parse(renderJson(drifted));
    assertReportShape(parsed);
    assertReportShape(JSON.parse(renderJson(clean)));
    assert.equal(parsed.checkedAt, "2026-03-01T02:03:04.000Z");
    assert.deepEqual(parsed.drifted[1], {
      resource: "zeta",
      urn: URN + "zeta",
      resourceType: "DataShareConsumer",
      kind: "status",
      property: "status",
      declared: "ACTIVE",
      live: "DEAUTHORIZED",
      remedy: "producer",
      detail: drifted.drifted[1].detail,
    });
  });

  it("JSON: every kind of gone finding keeps the documented key order", () => {
    const causes: GoneCause[] = [
      { kind: "datashare-gone" },
      { kind: "superseded", by: "an entire-account association of 444455556666" },
      { kind: "not-authorized", status: "DEAUTHORIZED" },
      { kind: "disassociated" },
      { kind: "unknown" },
    ];
    const report = buildReport({
      stack: "prod",
      mode: "preview",
      checkedAt,
      refreshed: causes.map((_, i) => resource(`r${i}`)),
      causes: new Map(causes.map((c, i) => [`${URN}r${i}`, c])),
    });
    assert.equal(report.drifted.length, causes.length);
    assertReportShape(JSON.parse(renderJson(report)));
  });

  it("table: a summary line, aligned columns, then one detail line per finding", () => {
    const lines = renderTable(drifted).split("\n");
    assert.equal(lines[0], "Stack prod: 2 of 3 DataShareConsumer resources drifted (state not written).");
    assert.match(lines[2], /^RESOURCE\s+PROPERTY\s+DECLARED\s+LIVE\s+REMEDY$/);
    assert.match(lines[3], /^alpha\s+dataShareArn\s+arn:s\s+\(gone\)\s+producer must act$/);
    assert.match(lines[4], /^zeta\s+status\s+ACTIVE\s+DEAUTHORIZED\s+producer must act$/);
    assert.equal(lines[2].indexOf("PROPERTY"), lines[3].indexOf("dataShareArn"));
    assert.match(lines[6], /^alpha\.dataShareArn: the datashare no longer exists/);
  });

  it("table: when nothing drifted, one line that says so", () => {
    assert.equal(
      renderTable(clean),
      "Stack prod: no drift in 1 DataShareConsumer resource (state refreshed).\n",
    );
  });

  it("markdown: a heading, the summary and a table row per finding with pipes escaped", () => {
    const report = { ...drifted, drifted: [{ ...drifted.drifted[0], detail: "a | b\nc" }] };
    const md = renderMarkdown(report);
    assert.match(md, /^## Datashare drift: stack `prod`\n\nStack prod: 1 of 3/);
    assert.match(md, /\| Resource \| Property \| Declared \| Live \| Remedy \| Detail \|\n\|---\|/);
    assert.ok(md.includes("| `alpha` | `dataShareArn` | arn:s | (gone) | producer must act | a \\| b c |"));
    assert.match(md, /Checked 2026-03-01T02:03:04.000Z; schema version 1/);
  });

  it("markdown: when nothing drifted, no table", () => {
    const md = renderMarkdown(clean);
    assert.match(md, /no drift in 1 DataShareConsumer resource/);
    assert.ok(!md.includes("| Resource |"));
  });
});

describe("drift report with both sides of a datashare", () => {
  const AUTH_URN = "urn:pulumi:prod::proj::pulumi-nodejs:dynamic/redshift:DataShareAuthorization::";
  const authorized = {
    inputs: { dataShareArn: "arn:s", consumerIdentifier: "444455556666", allowWrites: true },
    outputs: { dataShareArn: "arn:s", status: "ACTIVE", producerAllowedWrites: true },
  };
  const report = buildReport({
    stack: "prod",
    mode: "preview",
    checkedAt,
    refreshed: [
      { name: "toAnalytics", urn: AUTH_URN + "toAnalytics", type: "DataShareAuthorization", old: authorized },
      {
        name: "writes",
        urn: AUTH_URN + "writes",
        type: "DataShareAuthorization",
        old: authorized,
        live: { inputs: authorized.inputs, outputs: { ...authorized.outputs, producerAllowedWrites: false } },
      },
      { ...resource("analytics", "DEAUTHORIZED"), type: "DataShareConsumer" },
    ],
  });

  it("reports each resource with its type and the remedy for its own stack", () => {
    assert.deepEqual(
      report.drifted.map((d) => [d.resource, d.resourceType, d.kind, d.property, d.remedy]),
      [
        ["analytics", "DataShareConsumer", "status", "status", "producer"],
        ["toAnalytics", "DataShareAuthorization", "authorization-gone", "status", "pulumi-up"],
        ["writes", "DataShareAuthorization", "authorization-writes", "allowWrites", "pulumi-up"],
      ],
    );
    assert.deepEqual(report.resourceCounts, {
      DataShareConsumer: 1,
      DataShareAuthorization: 2,
      DataShare: 0,
      DataShareDatabase: 0,
      DataShareGrant: 0,
    });
    assertReportShape(JSON.parse(renderJson(report)));
  });

  it("table: the summary counts both types", () => {
    assert.equal(
      renderTable(report).split("\n")[0],
      "Stack prod: 3 of 3 datashare resources (1 DataShareConsumer, 2 DataShareAuthorization) drifted " +
        "(state not written).",
    );
  });

  it("table: a stack of authorizations only is named by that type", () => {
    const producerOnly = buildReport({
      stack: "p",
      mode: "preview",
      checkedAt,
      refreshed: [
        { name: "a", urn: AUTH_URN + "a", type: "DataShareAuthorization", old: authorized, live: authorized },
      ],
    });
    assert.equal(
      renderTable(producerOnly),
      "Stack p: no drift in 1 DataShareAuthorization resource (state not written).\n",
    );
  });
});
