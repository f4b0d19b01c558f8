import { randomBytes } from "node:crypto";
import type { Principal } from "./principals";

/** What STS hands out; member names as in the AWS model. */
export interface TemporaryCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
}

export interface IssuedCredential {
  secretAccessKey: string;
  sessionToken: string;
  expiresAt: Date;
  principal: Principal;
}

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function randomKeyId(): string {
  return `ASIA${[...randomBytes(16)].map((b) => BASE32[b % 32]).join("")}`;
}

/**
 * Temporary credentials live in memory only: like AWS's, they are bearer secrets that outlive
 * nothing but their expiration, and a restarted emulator no longer knows them.
 */
export class TemporaryCredentialStore {
  private readonly issued = new Map<string, IssuedCredential>();

  issue(principal: Principal, durationSeconds: number, now: Date): TemporaryCredentials {
    let accessKeyId = randomKeyId();
    while (this.issued.has(accessKeyId)) accessKeyId = randomKeyId();
    const credential: IssuedCredential = {
      secretAccessKey: randomBytes(30).toString("base64"),
      sessionToken: randomBytes(120).toString("base64"),
      expiresAt: new Date(now.getTime() + durationSeconds * 1000),
      principal,
    };
    this.issued.set(accessKeyId, credential);
    return {
      AccessKeyId: accessKeyId,
      SecretAccessKey: credential.secretAccessKey,
      SessionToken: credential.sessionToken,
      Expiration: credential.expiresAt.toISOString(),
    };
  }

  find(accessKeyId: string): IssuedCredential | undefined {
    return this.issued.get(accessKeyId);
  }

  /** Test hook: what waiting out the duration would do. False when the key is unknown. */
  expire(accessKeyId: string, now: Date): boolean {
    const credential = this.issued.get(accessKeyId);
    if (!credential) return false;
    credential.expiresAt = new Date(Math.min(credential.expiresAt.getTime(), now.getTime()));
    return true;
  }
}
