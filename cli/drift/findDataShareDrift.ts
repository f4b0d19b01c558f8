/**
 * The drift decision for a producer's DataShare: compare its stored state with its refreshed
 * state and name each object, INCLUDENEW setting and PUBLICACCESSIBLE setting that changed outside
 * Pulumi. Pure. All of it is healed from the producer's own stack (`pulumi up --refresh` alters the
 * datashare back, or creates it again), so the remedy is always `pulumi-up`.
 */
import { declaredContents, recordedContents } from "../../provider/datashare/contents";
import type { DeclaredSchema, SchemaContents } from "../../provider/datashare/types";
import { Finding, GoneCause, ResourceState } from "./findDrift";

const HEAL = "`pulumi up --refresh` by the producer";

export function findDataShareDrift(
  old: ResourceState,
  live: ResourceState | undefined,
  _cause?: GoneCause,
): Finding[] {
  const name = typeof old.inputs.name === "string" ? old.inputs.name : "the datashare";
  if (live === undefined) {
    return [
      {
        kind: "datashare-gone",
        property: "name",
        declared: name,
        live: null,
        remedy: "pulumi-up",
        detail:
          `datashare ${name} was dropped outside Pulumi (DROP DATASHARE); ${HEAL} creates it again with its ` +
          "objects, then the grants and authorizations of it can be made again",
      },
    ];
  }
  const declared = declaredContents(
    old.inputs.schemas as DeclaredSchema[] | undefined,
    old.inputs.publicAccessible,
  );
  const now = recordedContents(live.outputs.schemas, live.outputs.publicAccessible);
  const findings: Finding[] = [];
  const object = (what: string, wasDeclared: boolean): Finding => ({
    kind: "datashare-object",
    property: "schemas",
    declared: wasDeclared ? what : null,
    live: wasDeclared ? null : what,
    remedy: "pulumi-up",
    detail: wasDeclared
      ? `${what} was removed from datashare ${name} outside Pulumi; ${HEAL} adds it again`
      : `${what} was added to datashare ${name} outside Pulumi; ${HEAL} removes it (or declare it)`,
  });
  for (const want of declared.schemas) {
    const is = now.schemas.find((s) => s.name === want.name);
    if (is === undefined) {
      findings.push(object(`schema ${want.name}`, true));
      continue;
    }
    findings.push(...objectDrift(want, is, object));
    if (want.includeNew !== is.includeNew) {
      findings.push({
        kind: "datashare-include-new",
        property: "schemas",
        declared: want.includeNew,
        live: is.includeNew,
        remedy: "pulumi-up",
        detail: `INCLUDENEW of schema ${want.name} in datashare ${name} was turned ${is.includeNew ? "on" : "off"} outside Pulumi; ${HEAL} sets it as declared`,
      });
    }
  }
  for (const is of now.schemas) {
    if (!declared.schemas.some((s) => s.name === is.name)) findings.push(object(`schema ${is.name}`, false));
  }
  if (declared.publicAccessible !== now.publicAccessible) {
    findings.push({
      kind: "datashare-public-accessible",
      property: "publicAccessible",
      declared: declared.publicAccessible,
      live: now.publicAccessible,
      remedy: "pulumi-up",
      detail: `PUBLICACCESSIBLE of datashare ${name} was turned ${now.publicAccessible ? "on" : "off"} outside Pulumi; ${HEAL} sets it as declared`,
    });
  }
  return findings;
}

/** The tables and functions of one schema declared but not live, or live but not declared (unless ALL was asked). */
function objectDrift(
  want: SchemaContents,
  is: SchemaContents,
  object: (what: string, wasDeclared: boolean) => Finding,
): Finding[] {
  const out: Finding[] = [];
  const kinds = [
    ["table", want.tables, is.tables, want.allTables],
    ["function", want.functions, is.functions, want.allFunctions],
  ] as const;
  for (const [kind, declared, live, all] of kinds) {
    for (const n of declared) if (!live.includes(n)) out.push(object(`${kind} ${want.name}.${n}`, true));
    if (!all)
      for (const n of live) if (!declared.includes(n)) out.push(object(`${kind} ${want.name}.${n}`, false));
  }
  return out;
}
