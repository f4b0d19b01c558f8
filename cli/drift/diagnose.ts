/**
 * Why did a refresh drop a DataShareConsumer? The engine only reports "gone"; one DescribeDataShares
 * call with the same settings the provider uses tells a deleted datashare from a hand-made
 * disassociation, a replacing association, or a lost authorization. The decision is pure
 * (`causeFromLookup`); `lookUpGoneCauses` does the calls through the provider's AWS adapter.
 */
import { isDataShareMissing } from "../../provider/errors";
import { isActive, matchAssociation, pickDataShare } from "../../provider/find";
import { keyFromInputs } from "../../provider/id";
import { createRedshiftApi } from "../../provider/redshiftApi";
import { readStackConfig, regionFor, resolveSettings } from "../../provider/config";
import { declaredInputs } from "../../provider/state";
import { AssociationKey, LiveDataShare } from "../../provider/types";
import { RefreshedResource } from "./events";
import { GoneCause } from "./findDrift";

/** Statuses under which the consumer can associate the datashare again by itself. */
const ASSOCIABLE = new Set(["AVAILABLE", "ACTIVE", "AUTHORIZED"]);

export type Lookup =
  { missing: true } | { missing: false; dataShares: LiveDataShare[]; callerAccount: string };

export function causeFromLookup(key: AssociationKey, lookup: Lookup): GoneCause {
  if (lookup.missing) return { kind: "datashare-gone" };
  const match = matchAssociation(lookup.dataShares, key, lookup.callerAccount);
  if (!match.found && match.reason === "datashare-gone") return { kind: "datashare-gone" };
  if (!match.found && match.reason === "superseded") {
    const share = pickDataShare(lookup.dataShares, key.dataShareArn);
    // Only ACTIVE associations supersede (find.ts); a DEAUTHORIZED placeholder is not one of them.
    const others = (share?.associations ?? []).filter(isActive);
    const by =
      key.target.kind === "account"
        ? `namespace/region associations (${others.map((a) => a.consumerIdentifier ?? a.consumerRegion).join(", ")})`
        : `an entire-account association of ${lookup.callerAccount}`;
    return { kind: "superseded", by };
  }
  if (match.found) return { kind: "unknown", reason: "the association exists again since the refresh" };
  const share = pickDataShare(lookup.dataShares, key.dataShareArn);
  const statuses = (share?.associations ?? [])
    .map((a) => a.status)
    .filter((s): s is string => s !== undefined);
  if (statuses.some((s) => ASSOCIABLE.has(s))) return { kind: "disassociated" };
  const status = statuses[0];
  return status === undefined ? { kind: "not-authorized" } : { kind: "not-authorized", status };
}

export interface LookupContext {
  /** The stack's config (only the provider's own keys are read); called at most once. */
  stackConfig(): Promise<Record<string, string | undefined>>;
  env: Record<string, string | undefined>;
  warn(message: string): void;
}

/** Causes for the resources the refresh dropped, by URN. A failed look-up yields `unknown`, never an error. */
export async function lookUpGoneCauses(
  gone: readonly RefreshedResource[],
  context: LookupContext,
): Promise<Map<string, GoneCause>> {
  const causes = new Map<string, GoneCause>();
  if (gone.length === 0) return causes;
  let config: Record<string, string | undefined>;
  try {
    config = await context.stackConfig();
  } catch {
    config = {};
  }
  for (const r of gone) {
    try {
      const inputs = declaredInputs(r.old.inputs);
      const settings = resolveSettings(
        {},
        readStackConfig((k) => config[k]),
        context.env,
      );
      const api = createRedshiftApi({ ...settings, region: regionFor(inputs.region, settings) });
      const key = keyFromInputs(inputs);
      causes.set(r.urn, causeFromLookup(key, await lookUp(api, key.dataShareArn)));
    } catch (err) {
      const reason = err instanceof Error ? err.message.split("\n")[0] : String(err);
      context.warn(`could not check why ${r.name} is gone: ${reason}`);
      causes.set(r.urn, { kind: "unknown", reason: "the Redshift API could not be asked" });
    }
  }
  return causes;
}

async function lookUp(api: ReturnType<typeof createRedshiftApi>, dataShareArn: string): Promise<Lookup> {
  const { account } = await api.getCallerIdentity();
  try {
    return { missing: false, dataShares: await api.describeDataShares(dataShareArn), callerAccount: account };
  } catch (err) {
    if (isDataShareMissing(err)) return { missing: true };
    throw err;
  }
}
