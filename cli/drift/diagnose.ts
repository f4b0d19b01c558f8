/**
 * Why did a refresh drop a DataShareConsumer? The provider explains an absent association
 * (provider/absence.ts); this module asks it for each dropped resource and turns its answer into
 * the drift report's cause. A look-up that fails is an `unknown` cause and a warning, never an error.
 */
import { Absence, LookupSettings, explainGoneAssociation } from "../../provider";
import { RefreshedResource } from "./events";
import { GoneCause } from "./findDrift";

/** The provider's explanation as a cause; an association that is back has none to give. */
export function causeFromAbsence(absence: Absence): GoneCause {
  if (absence.kind === "present") {
    return { kind: "unknown", reason: "the association exists again since the refresh" };
  }
  return absence;
}

export interface LookupContext {
  /** The stack's config (only the provider's own keys are read); called at most once. */
  stackConfig(): Promise<Record<string, string | undefined>>;
  env: Record<string, string | undefined>;
  warn(message: string): void;
  /** The AWS adapter factory; defaults to the provider's own. */
  apiFactory?: LookupSettings["apiFactory"];
}

/** Causes for the resources the refresh dropped, by URN. */
export async function lookUpGoneCauses(
  gone: readonly RefreshedResource[],
  context: LookupContext,
): Promise<Map<string, GoneCause>> {
  const causes = new Map<string, GoneCause>();
  if (gone.length === 0) return causes;
  let stackConfig: Record<string, string | undefined>;
  try {
    stackConfig = await context.stackConfig();
  } catch {
    stackConfig = {};
  }
  const from: LookupSettings = { stackConfig, env: context.env, apiFactory: context.apiFactory };
  for (const r of gone) {
    try {
      causes.set(r.urn, causeFromAbsence(await explainGoneAssociation(r.old.inputs, from)));
    } catch (err) {
      const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
      context.warn(`could not check why ${r.name} is gone: ${reason}`);
      causes.set(r.urn, { kind: "unknown", reason: "the Redshift API could not be asked" });
    }
  }
  return causes;
}
