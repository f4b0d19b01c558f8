/**
 * The reliability seed: one producer with several shares, all authorized to one consumer account
 * that owns many namespaces, so that a program can declare dozens of independent associations.
 * Credentials are distinctive on purpose: the secrets scenario searches every artifact for them.
 */
import type { Seed } from "../../../emulator";

export const REGION = "us-east-1";
export const PRODUCER_ID = "111122223333";
export const CONSUMER_ID = "444455556666";
export const OUTSIDER_ID = "777788889999";

/** Fake but distinctive: any occurrence outside the emulator is a leak. */
export const CONSUMER_KEYS = {
  accessKeyId: "AKIARELIABILITY7C0N5",
  secretAccessKey: "ReliabilitySecretZq9xW4vTnP2kLm8sR3dF6gH1jK0aBcDeF",
};
export const OUTSIDER_KEYS = {
  accessKeyId: "AKIARELIABILITY0UTS1",
  secretAccessKey: "OutsiderSecretQq7yV5uSmN3jKl9tQ4eG7hJ2kL1bCdEfGhIj",
};
export const PRODUCER_KEYS = {
  accessKeyId: "AKIARELIABILITYPR0D1",
  secretAccessKey: "ProducerSecretRr6xU4tRlM2iJk8sP3dF6gH1jK0aBcDeFgHi",
};

const PRODUCER_NAMESPACE = "a1b2c3d4-0000-4000-8000-00000000aaaa";

export interface SeedShape {
  /** Datashares, all authorized to the consumer; the odd-numbered ones allow writes. */
  shares: number;
  /** Provisioned namespaces of the consumer account, all in REGION. */
  namespaces: number;
}

export function namespaceId(index: number): string {
  return `c0ffee00-0000-4000-8000-${index.toString(16).padStart(12, "0")}`;
}

export function shareName(index: number): string {
  return `share_${index}`;
}

/** A share allows writes when its index is odd (the producer authorized it with writes). */
export function shareAllowsWrites(index: number): boolean {
  return index % 2 === 1;
}

export function reliabilitySeed(shape: SeedShape): Seed {
  const shares = Array.from({ length: shape.shares }, (_, i) => ({
    name: shareName(i),
    producerAccount: PRODUCER_ID,
    producerNamespace: PRODUCER_NAMESPACE,
    region: REGION,
    grants: [CONSUMER_ID, OUTSIDER_ID],
    authorizations: [{ consumer: CONSUMER_ID, allowWrites: shareAllowsWrites(i) }],
  }));
  return {
    accounts: [
      {
        id: PRODUCER_ID,
        name: "producer",
        accessKeys: [PRODUCER_KEYS],
        namespaces: [{ id: PRODUCER_NAMESPACE, type: "provisioned", region: REGION }],
      },
      {
        id: CONSUMER_ID,
        name: "consumer",
        accessKeys: [CONSUMER_KEYS],
        namespaces: Array.from({ length: shape.namespaces }, (_, i) => ({
          id: namespaceId(i),
          type: "provisioned" as const,
          region: REGION,
        })),
      },
      {
        id: OUTSIDER_ID,
        name: "outsider",
        accessKeys: [OUTSIDER_KEYS],
        namespaces: [{ id: "0dd0dd00-0000-4000-8000-00000000bbbb", type: "provisioned", region: REGION }],
      },
    ],
    dataShares: shares,
  };
}
