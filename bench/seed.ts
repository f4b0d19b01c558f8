/** The benchmark's emulator seed, the plans the stacks declare, their environment. */
import type { Emulator, Seed } from "../emulator";
import { emulatorAccountEnv, REGION } from "../harness/emulatorFixture";

export const BENCH_REGION = REGION;
const [PRODUCER, CONSUMER, AUTHORIZATION_CONSUMER] = ["111100001111", "222200002222", "333300003333"];
const AUTHORIZATION_SHARE = "bench_authorization_share";

/** A deterministic GUID-shaped id, so runs are comparable and ARNs have their real length. */
const guid = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${String(i).padStart(12, "0")}`;
const dataShareName = (k: number) => `bench_share_${k}`;

export function buildBenchSeed(size: { namespaces: number; dataShares: number }): Seed {
  const producerNamespace = guid("b0b0b0b0", 0);
  const share = { producerAccount: PRODUCER, producerNamespace, region: BENCH_REGION };
  const namespace = (id: string) => ({ id, type: "provisioned" as const, region: BENCH_REGION });
  const account = (id: string, name: string, key: string, namespaces: string[] = []) => ({
    id,
    name,
    accessKeys: [{ accessKeyId: `AKIABENCH${key}001`, secretAccessKey: `bench/${name}/0001` }],
    namespaces: namespaces.map(namespace),
  });
  const consumerNamespaces = Array.from({ length: size.namespaces }, (_, i) => guid("c0c0c0c0", i));
  return {
    accounts: [
      account(PRODUCER, "producer", "PRODUCER", [producerNamespace]),
      account(CONSUMER, "consumer", "CONSUMER", consumerNamespaces),
      account(AUTHORIZATION_CONSUMER, "authorization-consumer", "AUTHCONS"),
    ],
    dataShares: [
      ...Array.from({ length: size.dataShares }, (_, k) => ({
        ...share,
        name: dataShareName(k),
        grants: [CONSUMER],
        authorizations: [{ consumer: CONSUMER, allowWrites: false }],
      })),
      { ...share, name: AUTHORIZATION_SHARE, grants: [AUTHORIZATION_CONSUMER] },
    ],
  };
}

/** The authorization the DataShareAuthorization overhead creates and deletes, again and again. */
export const planAuthorization = (emulator: Emulator) => ({
  dataShareArn: emulator.dataShareArn(AUTHORIZATION_SHARE),
  consumerIdentifier: AUTHORIZATION_CONSUMER,
});

export type AssociationPlan = { dataShareArn: string; consumerArn: string };
/** What a plan needs of the emulator: the ARNs of its datashares and of the consumer's namespaces. */
export type ArnSource = Pick<Emulator, "dataShareArn" | "namespaceArn">;

/** One namespace association per (share, namespace) pair: association i → share i mod K. */
export const planAssociations = (emulator: ArnSource, count: number, dataShares: number): AssociationPlan[] =>
  Array.from({ length: count }, (_, i) => ({
    dataShareArn: emulator.dataShareArn(dataShareName(i % dataShares)),
    consumerArn: emulator.namespaceArn("consumer", Math.floor(i / dataShares)),
  }));

/** The first namespace no association of planAssociations(count, dataShares) uses. */
const spareNamespace = (count: number, dataShares: number) => Math.ceil(count / dataShares);

/** The seed for `count` associations over `dataShares` datashares, with the spare namespace. */
export const seedSizeForPlan = (count: number, dataShares: number) => ({
  namespaces: spareNamespace(count, dataShares) + 1,
  dataShares,
});

/** The same plan, its first association moved to the spare namespace: the engine replaces that one. */
export function planOneChange(emulator: ArnSource, count: number, dataShares: number): AssociationPlan[] {
  const [first, ...rest] = planAssociations(emulator, count, dataShares);
  const consumerArn = emulator.namespaceArn("consumer", spareNamespace(count, dataShares));
  return [{ ...first, consumerArn }, ...rest];
}

/** The e2e tests' environment of an account without their maxAttempts pin: the provider at its defaults. */
export function accountEnv(emulator: Emulator, account: "producer" | "consumer"): Record<string, string> {
  const { REDSHIFT_DATASHARE_MAX_ATTEMPTS: _pinned, ...env } = emulatorAccountEnv(emulator, account);
  return env;
}

export const consumerEnv = (emulator: Emulator) => accountEnv(emulator, "consumer");
