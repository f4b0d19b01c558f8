/**
 * The drift decision for the producer's half: compare one DataShareAuthorization's stored state
 * with its refreshed state. Pure. Everything found here is healed from the producer's own stack
 * (`pulumi up --refresh` authorizes again), so the remedy is always `pulumi-up`; the consumer's
 * side of the same event (a DEAUTHORIZED association) names the producer instead (findDrift.ts).
 */
import { authorizationState, LIVE_AUTHORIZATION_STATUS } from "../../provider/core/statuses";
import { Finding, ResourceState } from "./findDrift";

/** What a declared authorization reads as when it is in order. */
export const DECLARED_AUTHORIZATION_STATUS = LIVE_AUTHORIZATION_STATUS;

export function findAuthorizationDrift(old: ResourceState, live: ResourceState | undefined): Finding[] {
  const consumer = describe(old.inputs.consumerIdentifier);
  if (live === undefined) {
    // The provider's read reports DEAUTHORIZED, PENDING_AUTHORIZATION and a dropped datashare as gone.
    return [
      {
        kind: "authorization-gone",
        property: "status",
        declared: DECLARED_AUTHORIZATION_STATUS,
        live: null,
        remedy: "pulumi-up",
        detail:
          `the authorization for ${consumer} was removed outside Pulumi (DeauthorizeDataShare); ` +
          "`pulumi up --refresh` authorizes it again (it fails if the datashare itself is gone)",
      },
    ];
  }
  const status = live.outputs.status;
  if (typeof status === "string" && authorizationState(status) !== "live") {
    return [
      {
        kind: "status",
        property: "status",
        declared: DECLARED_AUTHORIZATION_STATUS,
        live: status,
        remedy: "pulumi-up",
        detail:
          status === "REJECTED"
            ? `${consumer} rejected the datashare (RejectDataShare); \`pulumi up --refresh\` authorizes it ` +
              "again, or remove the resource if the consumer does not want it"
            : `the authorization reports status ${status}; \`pulumi up --refresh\` authorizes it again`,
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
