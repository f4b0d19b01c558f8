/**
 * The drift decision for the producer's half: compare one DataShareAuthorization's stored state
 * with its refreshed state. Pure. Everything found here is healed from the producer's own stack
 * (`pulumi up --refresh` authorizes again), so the remedy is always `pulumi-up`; the consumer's
 * side of the same event (a DEAUTHORIZED association) names the producer instead (findDrift.ts).
 */
import {
  authorizationDriftDetail,
  authorizationState,
  LIVE_AUTHORIZATION_STATUS,
} from "../../provider/core/statuses";
import { Finding, GoneCause, ResourceState } from "./findDrift";

/** What a declared authorization reads as when it is in order. */
export const DECLARED_AUTHORIZATION_STATUS = LIVE_AUTHORIZATION_STATUS;

export function findAuthorizationDrift(
  old: ResourceState,
  live: ResourceState | undefined,
  cause?: GoneCause,
): Finding[] {
  const consumer = describe(old.inputs.consumerIdentifier);
  if (live === undefined) return [goneFinding(old, consumer, cause ?? { kind: "unknown" })];
  const status = live.outputs.status;
  if (typeof status === "string" && authorizationState(status) !== "live") {
    return [
      {
        kind: "status",
        property: "status",
        declared: DECLARED_AUTHORIZATION_STATUS,
        live: status,
        remedy: "pulumi-up",
        detail: authorizationDriftDetail(status, consumer),
      },
    ];
  }
  const declared = old.inputs.allowWrites === true;
  const allowed = live.outputs.producerAllowedWrites;
  if (typeof allowed === "boolean" && allowed !== declared) {
    return [
      {
        kind: "authorization-writes",
        property: "allowWrites",
        declared,
        live: allowed,
        remedy: "pulumi-up",
        detail:
          `the datashare was authorized again ${allowed ? "read-write" : "read-only"} outside Pulumi; ` +
          "`pulumi up --refresh` authorizes it as declared (in place, the consumer keeps its association)",
      },
    ];
  }
  return [];
}

function describe(consumerIdentifier: unknown): string {
  return typeof consumerIdentifier === "string" ? `consumer ${consumerIdentifier}` : "the consumer";
}

/** The refresh dropped the authorization; its read said why (goneCauses.ts), or nothing did. */
function goneFinding(old: ResourceState, consumer: string, cause: GoneCause): Finding {
  if (cause.kind === "datashare-gone") {
    return {
      kind: "datashare-gone",
      property: "dataShareArn",
      declared: typeof old.inputs.dataShareArn === "string" ? old.inputs.dataShareArn : null,
      live: null,
      remedy: "producer",
      detail:
        "the datashare no longer exists; create it again (this provider authorizes, it does not create " +
        "datashares), then `pulumi up --refresh` authorizes it",
    };
  }
  const status = cause.kind === "not-authorized" && cause.status ? ` (status ${cause.status})` : "";
  const known = cause.kind === "not-authorized";
  return {
    kind: "authorization-gone",
    property: "status",
    declared: DECLARED_AUTHORIZATION_STATUS,
    live: null,
    remedy: "pulumi-up",
    detail: known
      ? `the authorization for ${consumer} was removed outside Pulumi (DeauthorizeDataShare)${status}; ` +
        "`pulumi up --refresh` authorizes it again"
      : `the authorization for ${consumer} is gone (deauthorized outside Pulumi with DeauthorizeDataShare, or ` +
        "the datashare was dropped); `pulumi up --refresh` authorizes it again, or fails if the datashare is gone" +
        (cause.kind === "unknown" && cause.reason ? ` (cause unknown: ${cause.reason})` : ""),
  };
}
