import * as assert from "node:assert/strict";
import { resourceNames } from "../../../provider/schema";

const KINDS = [
  "association-gone",
  "superseded",
  "datashare-gone",
  "status",
  "consumer-writes",
  "producer-writes",
  "consumer-changed",
  "authorization-gone",
  "authorization-writes",
  "database-gone",
  "database-changed",
  "datashare-unavailable",
  "datashare-object",
  "datashare-include-new",
  "datashare-public-accessible",
  "grant-gone",
];
const isValue = (v: unknown) => v === null || typeof v === "string" || typeof v === "boolean";

/** A structural check of the JSON report, schema version 1 as extended (docs/drift.md): exact keys and types. */
export function assertReportShape(report: unknown): void {
  assert.ok(report !== null && typeof report === "object" && !Array.isArray(report), "report is an object");
  const r = report as Record<string, unknown>;
  assert.deepEqual(Object.keys(r), [
    "schemaVersion",
    "stack",
    "checkedAt",
    "mode",
    "resources",
    "resourceCounts",
    "drifted",
  ]);
  assert.equal(r.schemaVersion, 1);
  assert.equal(typeof r.stack, "string");
  assert.equal(typeof r.checkedAt, "string");
  assert.equal(new Date(r.checkedAt as string).toISOString(), r.checkedAt, "checkedAt is ISO 8601 UTC");
  assert.ok(r.mode === "preview" || r.mode === "refresh");
  assert.ok(Number.isInteger(r.resources) && (r.resources as number) >= 0);
  const counts = r.resourceCounts as Record<string, unknown>;
  assert.deepEqual(Object.keys(counts), resourceNames);
  assert.equal(
    resourceNames.reduce((sum, name) => sum + (counts[name] as number), 0),
    r.resources,
  );
  assert.ok(Array.isArray(r.drifted));
  for (const d of r.drifted as Record<string, unknown>[]) {
    assert.deepEqual(Object.keys(d), [
      "resource",
      "urn",
      "resourceType",
      "kind",
      "property",
      "declared",
      "live",
      "remedy",
      "detail",
    ]);
    assert.equal(typeof d.resource, "string");
    assert.match(d.urn as string, /^urn:pulumi:/);
    assert.ok((resourceNames as readonly unknown[]).includes(d.resourceType));
    assert.ok(KINDS.includes(d.kind as string), `kind ${String(d.kind)}`);
    assert.equal(typeof d.property, "string");
    assert.ok(isValue(d.declared) && isValue(d.live));
    assert.ok(d.remedy === "pulumi-up" || d.remedy === "producer");
    assert.ok(typeof d.detail === "string" && d.detail.length > 0);
  }
}
