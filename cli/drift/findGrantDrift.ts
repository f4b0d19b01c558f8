/**
 * The drift decision for a DataShareGrant: compare its stored state with its refreshed state.
 * Pure. A grant has nothing live to drift but its existence: the refresh either keeps it or drops
 * it, and the read that drops it says why (the datashare was dropped, or usage was revoked).
 * A revoked grant is healed from the producer's own stack (`pulumi up --refresh` grants again); a
 * dropped datashare needs the datashare first (its DataShare resource, or the producer by hand).
 */
import { Finding, GoneCause, ResourceState } from "./findDrift";

export function findGrantDrift(
  old: ResourceState,
  live: ResourceState | undefined,
  cause?: GoneCause,
): Finding[] {
  if (live !== undefined) return [];
  const name = text(old.inputs.dataShareName);
  const grantee = text(old.inputs.consumerIdentifier);
  const known = cause ?? { kind: "unknown" };
  if (known.kind === "datashare-gone") {
    return [
      {
        kind: "datashare-gone",
        property: "dataShareName",
        declared: name,
        live: null,
        remedy: "producer",
        detail:
          `datashare ${name ?? "of the grant"} was dropped, and its grants with it; create it again (its DataShare ` +
          "resource's `pulumi up`, or the producer by hand), then `pulumi up --refresh` grants usage again",
      },
    ];
  }
  const revoked = known.kind === "revoked";
  return [
    {
      kind: "grant-gone",
      property: "consumerIdentifier",
      declared: grantee,
      live: null,
      remedy: "pulumi-up",
      detail:
        (revoked
          ? `usage of ${name ?? "the datashare"} by ${grantee ?? "the grantee"} was revoked outside Pulumi ` +
            "(REVOKE USAGE ON DATASHARE); `pulumi up --refresh` grants it again"
          : `the grant of ${name ?? "the datashare"} to ${grantee ?? "the grantee"} is gone (revoked outside ` +
            "Pulumi, or the datashare was dropped); `pulumi up --refresh` grants it again, or fails if the " +
            "datashare is gone" +
            (known.kind === "unknown" && known.reason ? ` (cause unknown: ${known.reason})` : "")) +
        ". The revoke also ended its authorization and the consumer's associations: authorize (and associate) again",
    },
  ];
}

function text(v: unknown): string | null {
  return typeof v === "string" && v !== "" ? v : null;
}
