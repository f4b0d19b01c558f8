/**
 * Why did a refresh drop a DataShareConsumer? Its read said so in the same refresh: one line in
 * the engine's event log naming the resource by type and ID (provider/core/goneReport.ts). This
 * module pairs those lines with the dropped resources. Pure: no AWS call, no second look.
 */
import { parseGoneReport } from "../../provider/core/goneReport";
import { EngineEvent, RefreshedResource, typeOf } from "./events";
import { GoneCause } from "./findDrift";

/** Causes for the resources the refresh dropped, by URN; `unknown` where the log says nothing. */
export function collectGoneCauses(
  events: readonly EngineEvent[],
  refreshed: readonly RefreshedResource[],
): Map<string, GoneCause> {
  const reported = new Map<string, GoneCause>();
  for (const event of events) {
    const message = event.diagnosticEvent?.message;
    const report = message === undefined ? undefined : parseGoneReport(message);
    if (report) reported.set(keyOf(report.resource, report.id), report.reason);
  }
  const causes = new Map<string, GoneCause>();
  for (const r of refreshed) {
    if (r.live !== undefined) continue;
    const cause = r.id === undefined ? undefined : reported.get(keyOf(typeOf(r), r.id));
    causes.set(r.urn, cause ?? { kind: "unknown", reason: "the refresh did not say why" });
  }
  return causes;
}

function keyOf(resource: string, id: string): string {
  return `${resource}\u0000${id}`;
}
