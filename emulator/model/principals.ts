import type { CallerIdentity } from "./types";

/**
 * Who signed a request. Every long-term key is its account's root; temporary credentials are
 * either a session of that root (GetSessionToken) or a role session (AssumeRole).
 */
export type Principal =
  | { kind: "root"; accountId: string }
  | { kind: "rootSession"; accountId: string }
  | { kind: "assumedRole"; accountId: string; roleName: string; roleId: string; sessionName: string };

/** A verified request: its principal and the region of its signature's credential scope. */
export interface Caller {
  principal: Principal;
  region: string;
}

/** The principal's ARN in `partition` (the signing region's: arn:aws-cn:iam::… in China). */
export function principalArn(principal: Principal, partition: string): string {
  if (principal.kind === "assumedRole") {
    return `arn:${partition}:sts::${principal.accountId}:assumed-role/${principal.roleName}/${principal.sessionName}`;
  }
  return `arn:${partition}:iam::${principal.accountId}:root`;
}

/** GetCallerIdentity: a root (or its session) answers with the account id as UserId, a role session with `<role id>:<session>`. */
export function callerIdentity(principal: Principal, partition: string): CallerIdentity {
  return {
    UserId:
      principal.kind === "assumedRole" ? `${principal.roleId}:${principal.sessionName}` : principal.accountId,
    Account: principal.accountId,
    Arn: principalArn(principal, partition),
  };
}
