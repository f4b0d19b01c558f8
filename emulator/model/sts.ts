import { createHash } from "node:crypto";
import { AccessDenied, ValidationError } from "../faults";
import { partitionOf } from "../../identity/partition";
import { callerIdentity, principalArn, type Caller, type Principal } from "./principals";
import type { StateStore } from "./store";
import { TemporaryCredentialStore, type TemporaryCredentials } from "./temporaryCredentials";
import type { CallerIdentity } from "./types";

export interface AssumeRoleInput {
  RoleArn: string;
  RoleSessionName: string;
  DurationSeconds?: number;
}

export interface GetSessionTokenInput {
  DurationSeconds?: number;
}

export interface AssumeRoleResult {
  Credentials: TemporaryCredentials;
  AssumedRoleUser: { AssumedRoleId: string; Arn: string };
}

/** The secret and, for temporary credentials, the token and expiry that go with an access key id. */
export interface SigningIdentity {
  secretAccessKey: string;
  sessionToken?: string;
  expiresAt?: Date;
  principal: Principal;
}

const ROLE_ARN = /^arn:(aws(?:-[a-z]+)*):iam::(\d{12}):role\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]{1,64})$/;
const SESSION_NAME = /^[\w+=,.@-]{2,64}$/;
/** IAM's default MaxSessionDuration; the emulator has no IAM, so every role has it. */
const ROLE_MAX_SECONDS = 3600;
/** AWS caps sessions of account owners (root) at one hour, whatever was asked for. */
const ROOT_SESSION_MAX_SECONDS = 3600;

function checkDuration(value: number | undefined, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (value < min || value > max) {
    throw new ValidationError(
      `1 validation error detected: Value '${value}' at 'durationSeconds' failed to satisfy constraint: Member must have value between ${min} and ${max}`,
    );
  }
  return value;
}

/** A stable, AWS-shaped unique id (AROA…) per account and role name. */
function roleId(accountId: string, roleName: string): string {
  const digest = createHash("sha256").update(`${accountId}/${roleName}`).digest();
  return `AROA${[...digest.subarray(0, 17)].map((b) => "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"[b % 32]).join("")}`;
}

/** STS: temporary credentials, and the identity behind every access key. */
export class StsBackend {
  private readonly temporary = new TemporaryCredentialStore();

  constructor(
    private readonly store: StateStore,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  resolveAccessKey(accessKeyId: string): SigningIdentity | undefined {
    for (const account of this.store.state.accounts) {
      const key = account.accessKeys.find((k) => k.accessKeyId === accessKeyId);
      if (key)
        return { secretAccessKey: key.secretAccessKey, principal: { kind: "root", accountId: account.id } };
    }
    return this.temporary.find(accessKeyId);
  }

  /** ARNs are in the partition of the signing region (arn:aws-cn:… for cn-north-1). */
  getCallerIdentity({ principal, region }: Caller): CallerIdentity {
    return callerIdentity(principal, partitionOf(region));
  }

  /**
   * Any principal may assume any role name in any seeded account (the emulator has no IAM
   * policies or trust policies); an account the emulator doesn't know is AccessDenied.
   */
  assumeRole({ principal, region }: Caller, input: AssumeRoleInput): AssumeRoleResult {
    const partition = partitionOf(region);
    const arn = ROLE_ARN.exec(input.RoleArn);
    if (!arn || arn[1] !== partition) {
      throw new ValidationError(
        `${input.RoleArn} is invalid: RoleArn must be arn:${partition}:iam::<account>:role/<name>`,
      );
    }
    if (!SESSION_NAME.test(input.RoleSessionName)) {
      throw new ValidationError(
        `1 validation error detected: Value '${input.RoleSessionName}' at 'roleSessionName' failed to satisfy constraint: Member must have length between 2 and 64 and match [\\w+=,.@-]*`,
      );
    }
    const duration = checkDuration(input.DurationSeconds, 900, 43200, 3600);
    if (duration > ROLE_MAX_SECONDS) {
      throw new ValidationError(
        "The requested DurationSeconds exceeds the MaxSessionDuration set for this role.",
      );
    }
    const [, , accountId, roleName] = arn;
    if (!this.store.state.accounts.some((a) => a.id === accountId)) {
      throw new AccessDenied(
        `User: ${principalArn(principal, partition)} is not authorized to perform: sts:AssumeRole on resource: ${input.RoleArn}`,
      );
    }
    const assumed: Principal = {
      kind: "assumedRole",
      accountId,
      roleName,
      roleId: roleId(accountId, roleName),
      sessionName: input.RoleSessionName,
    };
    return {
      Credentials: this.temporary.issue(assumed, duration, this.clock()),
      AssumedRoleUser: {
        AssumedRoleId: `${assumed.roleId}:${assumed.sessionName}`,
        Arn: principalArn(assumed, partition),
      },
    };
  }

  /** Only long-term keys may ask; every emulated key is a root, whose sessions last at most an hour. */
  getSessionToken(principal: Principal, input: GetSessionTokenInput): { Credentials: TemporaryCredentials } {
    if (principal.kind !== "root")
      throw new AccessDenied("Cannot call GetSessionToken with session credentials");
    const duration = Math.min(
      checkDuration(input.DurationSeconds, 900, 129600, 43200),
      ROOT_SESSION_MAX_SECONDS,
    );
    const session: Principal = { kind: "rootSession", accountId: principal.accountId };
    return { Credentials: this.temporary.issue(session, duration, this.clock()) };
  }

  /** Test hook: makes these temporary credentials expired now. */
  expireTemporaryCredentials(accessKeyId: string): boolean {
    return this.temporary.expire(accessKeyId, this.clock());
  }
}
