/**
 * The benchmark's emulator seed: one producer with `dataShares` datashares, all authorized
 * (read-only) to one consumer that owns `namespaces` provisioned namespaces in us-east-1. That is
 * room for namespaces × dataShares distinct namespace associations. For DataShareAuthorization,
 * one more datashare of the same producer is granted to a second consumer account but not
 * authorized, so AuthorizeDataShare and DeauthorizeDataShare can cycle on it; the first consumer's
 * accounts, datashares and ids stay as they were.
 */
import type { Emulator, Seed } from "../emulator";
import { consumerEnv as fixtureConsumerEnv, REGION } from "../harness/emulatorFixture";

export const BENCH_REGION = REGION;
const PRODUCER = "111100001111";
const CONSUMER = "222200002222";
/** The account the producer authorizes and deauthorizes in the DataShareAuthorization overhead. */
const AUTHORIZATION_CONSUMER = "333300003333";
const AUTHORIZATION_SHARE = "bench_authorization_share";

export interface BenchSeedSize {
  namespaces: number;
  dataShares: number;
}

/** A deterministic GUID-shaped id, so runs are comparable and ARNs have their real length. */
function guid(prefix: string, i: number): string {
  return `${prefix}-0000-4000-8000-${String(i).padStart(12, "0")}`;
}

export function dataShareName(k: number): string {
  return `bench_share_${k}`;
}

export function buildBenchSeed(size: BenchSeedSize): Seed {
  const producerNamespace = guid("b0b0b0b0", 0);
  return {
    accounts: [
      {
        id: PRODUCER,
        name: "producer",
        accessKeys: [{ accessKeyId: "AKIABENCHPRODUCER001", secretAccessKey: "bench/producer/secret/0001" }],
        namespaces: [{ id: producerNamespace, type: "provisioned", region: BENCH_REGION }],
      },
      {
        id: CONSUMER,
        name: "consumer",
        accessKeys: [{ accessKeyId: "AKIABENCHCONSUMER001", secretAccessKey: "bench/consumer/secret/0001" }],
        namespaces: Array.from({ length: size.namespaces }, (_, i) => ({
          id: guid("c0c0c0c0", i),
          type: "provisioned" as const,
          region: BENCH_REGION,
        })),
      },
      {
        id: AUTHORIZATION_CONSUMER,
        name: "authorization-consumer",
        accessKeys: [
          { accessKeyId: "AKIABENCHAUTHCONS001", secretAccessKey: "bench/authorization/secret/0001" },
        ],
      },
    ],
    dataShares: [
      ...Array.from({ length: size.dataShares }, (_, k) => ({
        name: dataShareName(k),
        producerAccount: PRODUCER,
        producerNamespace,
        region: BENCH_REGION,
        grants: [CONSUMER],
        authorizations: [{ consumer: CONSUMER, allowWrites: false }],
      })),
      {
        name: AUTHORIZATION_SHARE,
        producerAccount: PRODUCER,
        producerNamespace,
        region: BENCH_REGION,
        grants: [AUTHORIZATION_CONSUMER],
      },
    ],
  };
}

/** The authorization the DataShareAuthorization overhead creates and deletes, again and again. */
export interface AuthorizationPlan {
  dataShareArn: string;
  consumerIdentifier: string;
}

export function planAuthorization(emulator: Emulator): AuthorizationPlan {
  return {
    dataShareArn: emulator.dataShareArn(AUTHORIZATION_SHARE),
    consumerIdentifier: AUTHORIZATION_CONSUMER,
  };
}

/** One namespace association per (share, namespace) pair: association i → share i mod K. */
export interface AssociationPlan {
  dataShareArn: string;
  consumerArn: string;
}

/** What a plan needs of the emulator: the ARNs of its datashares and of the consumer's namespaces. */
export type ArnSource = Pick<Emulator, "dataShareArn" | "namespaceArn">;

export function planAssociations(emulator: ArnSource, count: number, dataShares: number): AssociationPlan[] {
  return Array.from({ length: count }, (_, i) => ({
    dataShareArn: emulator.dataShareArn(dataShareName(i % dataShares)),
    consumerArn: emulator.namespaceArn("consumer", Math.floor(i / dataShares)),
  }));
}

/** The first namespace no association of planAssociations(count, dataShares) uses. */
export function spareNamespace(count: number, dataShares: number): number {
  return Math.ceil(count / dataShares);
}

/** The seed for `count` associations over `dataShares` datashares, with the spare namespace. */
export function seedSizeForPlan(count: number, dataShares: number): BenchSeedSize {
  return { namespaces: spareNamespace(count, dataShares) + 1, dataShares };
}

/**
 * The one-resource change: the same plan with its first association moved to the spare namespace
 * (a new consumer ARN, so the engine replaces that one resource and leaves the others alone).
 */
export function planOneChange(emulator: ArnSource, count: number, dataShares: number): AssociationPlan[] {
  const plans = planAssociations(emulator, count, dataShares);
  plans[0] = {
    ...plans[0],
    consumerArn: emulator.namespaceArn("consumer", spareNamespace(count, dataShares)),
  };
  return plans;
}

/**
 * Environment for the CLI, the program and the provider host: the consumer's keys and the endpoint,
 * as the e2e tests give them, but with the provider's default maxAttempts (the e2e fixture pins 3).
 */
export function consumerEnv(emulator: Emulator): Record<string, string> {
  const { REDSHIFT_DATASHARE_MAX_ATTEMPTS: _pinned, ...env } = fixtureConsumerEnv(emulator);
  return env;
}
