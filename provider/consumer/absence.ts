/**
 * Why is an association absent? A refresh only says "gone"; one DescribeDataShares call, with the
 * settings the provider itself would use, tells a deleted datashare from a hand-made
 * disassociation, a replacing association or a lost authorization. This is the provider's one
 * entry for the drift command: `explainAbsence` decides (pure), `lookUpAssociation` asks AWS.
 */
import { readStackConfig, regionFor, resolveSettings } from "../core/config";
import { isDataShareMissing } from "../core/errors";
import { pickDataShare } from "../core/identity";
import { ClientSettings, RedshiftApi, createRedshiftApi } from "../core/redshiftApi";
import { associationStatus } from "../core/statuses";
import type { LiveDataShare } from "../core/types";
import { isActive, matchAssociation } from "./find";
import { keyFromInputs } from "./id";
import { declaredInputs } from "./state";
import { AssociationKey } from "./types";

/** What one look at the datashare showed: the ARN unknown to AWS, or the caller's view of it. */
export type AssociationLookup =
  { missing: true } | { missing: false; dataShares: LiveDataShare[]; callerAccount: string };

export type Absence =
  | { kind: "datashare-gone" }
  | { kind: "superseded"; by: string }
  | { kind: "disassociated" }
  | { kind: "not-authorized"; status?: string }
  /** The association is there (again): nothing explains an absence. */
  | { kind: "present" };

export function explainAbsence(key: AssociationKey, lookup: AssociationLookup): Absence {
  if (lookup.missing) return { kind: "datashare-gone" };
  const match = matchAssociation(lookup.dataShares, key, lookup.callerAccount);
  if (match.found) return { kind: "present" };
  if (match.reason === "datashare-gone") return { kind: "datashare-gone" };
  const share = pickDataShare(lookup.dataShares, key.dataShareArn);
  const associations = share?.associations ?? [];
  if (match.reason === "superseded") {
    // Only ACTIVE associations supersede (find.ts); a DEAUTHORIZED placeholder is not one of them.
    const others = associations.filter(isActive);
    const by =
      key.target.kind === "account"
        ? `namespace/region associations (${others.map((a) => a.consumerIdentifier ?? a.consumerRegion).join(", ")})`
        : `an entire-account association of ${lookup.callerAccount}`;
    return { kind: "superseded", by };
  }
  const statuses = associations.map((a) => a.status).filter((s): s is string => s !== undefined);
  if (statuses.some((s) => associationStatus(s).consumerCanAssociate)) return { kind: "disassociated" };
  const status = statuses[0];
  return status === undefined ? { kind: "not-authorized" } : { kind: "not-authorized", status };
}

/** Where the look-up takes its settings from, as the provider host would: stack config, then env. */
export interface LookupSettings {
  stackConfig: Record<string, string | undefined>;
  env: Record<string, string | undefined>;
  /** The AWS adapter factory; defaults to createRedshiftApi. */
  apiFactory?: (settings: ClientSettings) => RedshiftApi;
}

/**
 * Looks up the association a resource's stored inputs declare. Throws when AWS cannot be asked
 * (no credentials, throttled, ...); an unknown datashare ARN is a result, not an error.
 */
export async function lookUpAssociation(
  storedInputs: Record<string, unknown>,
  from: LookupSettings,
): Promise<{ key: AssociationKey; lookup: AssociationLookup }> {
  const inputs = declaredInputs(storedInputs);
  const settings = resolveSettings(
    {},
    readStackConfig((k) => from.stackConfig[k]),
    from.env,
  );
  const api = (from.apiFactory ?? createRedshiftApi)({
    ...settings,
    region: regionFor(inputs.region, settings),
  });
  const key = keyFromInputs(inputs);
  const { account } = await api.getCallerIdentity();
  try {
    const dataShares = await api.describeDataShares(key.dataShareArn);
    return { key, lookup: { missing: false, dataShares, callerAccount: account } };
  } catch (err) {
    if (isDataShareMissing(err)) return { key, lookup: { missing: true } };
    throw err;
  }
}

/** Why the association a resource's stored inputs declare is absent (or that it is not). */
export async function explainGoneAssociation(
  storedInputs: Record<string, unknown>,
  from: LookupSettings,
): Promise<Absence> {
  const { key, lookup } = await lookUpAssociation(storedInputs, from);
  return explainAbsence(key, lookup);
}
