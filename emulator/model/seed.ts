import { ADX_ACCOUNT, consumerIdentifierOf, parseConsumerIdentifier, type ConsumerKey } from "./consumers";
import { isManagedByAdx, pendingGrant } from "./admin";
import { formatDataShareArn } from "./arns";
import { resolveBehaviours, type Behaviours } from "./behaviours";
import type { Account, ConsumerGrant, DataShareRecord, ModelState, NamespaceType } from "./types";

/** The seed file format (see docs/emulator-contract.md and emulator/README.md). */
export interface Seed {
  accounts: SeedAccount[];
  dataShares?: SeedDataShare[];
  /** Start-up answers of the behaviours (the others keep their defaults). */
  behaviours?: Partial<Behaviours>;
}

export interface SeedAccount {
  id: string;
  name: string;
  accessKeys: { accessKeyId: string; secretAccessKey: string }[];
  namespaces?: { id: string; type: NamespaceType; region: string }[];
}

export interface SeedDataShare {
  name: string;
  producerAccount: string;
  producerNamespace: string;
  region?: string;
  allowPubliclyAccessibleConsumers?: boolean;
  managedBy?: string;
  /** Consumer account ids granted usage (SQL GRANT USAGE ... TO ACCOUNT); `DataCatalog/<id>` for VIA DATA CATALOG. */
  grants?: string[];
  /** Consumers the producer has authorized (AuthorizeDataShare: account, DataCatalog/<id> or ADX); implies a grant. */
  authorizations?: { consumer: string; allowWrites?: boolean }[];
}

export class SeedError extends Error {
  readonly code = "ERR_EMULATOR_SEED";
}

function fail(message: string): never {
  throw new SeedError(`Invalid seed: ${message}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function checkString(value: unknown, where: string): string {
  if (typeof value !== "string" || value === "") fail(`${where} must be a non-empty string`);
  return value;
}

/** Checks the shape of a parsed seed so that a typo fails at start-up, not in the middle of a test. */
export function parseSeed(raw: unknown): Seed {
  if (!isObject(raw) || !Array.isArray(raw.accounts)) fail("expected an object with an `accounts` array");
  const seenIds = new Set<string>();
  raw.accounts.forEach((account: unknown, i: number) => {
    const where = `accounts[${i}]`;
    if (!isObject(account)) fail(`${where} must be an object`);
    const id = checkString(account.id, `${where}.id`);
    if (!/^\d{12}$/.test(id)) fail(`${where}.id must be 12 digits`);
    if (seenIds.has(id)) fail(`${where}.id ${id} is duplicated`);
    seenIds.add(id);
    checkString(account.name, `${where}.name`);
    if (!Array.isArray(account.accessKeys) || account.accessKeys.length === 0) {
      fail(`${where}.accessKeys must be a non-empty array`);
    }
    for (const ns of (account.namespaces as unknown[] | undefined) ?? []) {
      if (!isObject(ns) || (ns.type !== "provisioned" && ns.type !== "serverless")) {
        fail(`${where}.namespaces entries need a type of provisioned or serverless`);
      }
      checkString(ns.id, `${where}.namespaces[].id`);
      checkString(ns.region, `${where}.namespaces[].region`);
    }
  });
  if (raw.dataShares !== undefined && !Array.isArray(raw.dataShares)) fail("`dataShares` must be an array");
  if (raw.behaviours !== undefined) {
    try {
      resolveBehaviours(raw.behaviours as Partial<Behaviours>);
    } catch (error) {
      fail(`behaviours: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return raw as unknown as Seed;
}

function toAccount(seed: SeedAccount): Account {
  return {
    id: seed.id,
    name: seed.name,
    accessKeys: seed.accessKeys.map((k) => ({ ...k })),
    namespaces: (seed.namespaces ?? []).map((n) => ({ ...n, id: n.id.toLowerCase() })),
  };
}

/** An account id or name, `DataCatalog/<id or name>`, or ADX; an id the seed doesn't list is kept as is. */
function seedGrantee(consumer: string, accounts: Account[]): ConsumerKey {
  if (/^adx$/i.test(consumer)) return parseConsumerIdentifier(consumer);
  const viaCatalog = consumer.startsWith("DataCatalog/");
  const named = viaCatalog ? consumer.slice("DataCatalog/".length) : consumer;
  const accountId = accounts.find((a) => a.id === named || a.name === named)?.id ?? named;
  return viaCatalog ? { accountId, via: "dataCatalog" } : { accountId };
}

function toDataShare(seed: SeedDataShare, accounts: Account[], now: string): DataShareRecord {
  const producer = accounts.find((a) => a.id === seed.producerAccount || a.name === seed.producerAccount);
  if (!producer) fail(`dataShare ${seed.name}: unknown producer account ${seed.producerAccount}`);
  const namespace = producer.namespaces.find((n) => n.id === seed.producerNamespace.toLowerCase());
  if (!namespace) fail(`dataShare ${seed.name}: unknown producer namespace ${seed.producerNamespace}`);
  const region = seed.region ?? namespace.region;
  const consumers = new Map<string, ConsumerGrant>();
  const grant = (key: ConsumerKey): ConsumerGrant => {
    const id = consumerIdentifierOf(key);
    const existing = consumers.get(id) ?? pendingGrant(key, now);
    consumers.set(id, existing);
    return existing;
  };
  if (isManagedByAdx(seed.managedBy)) grant({ accountId: ADX_ACCOUNT, via: "adx" });
  for (const consumer of seed.grants ?? []) grant(seedGrantee(consumer, accounts));
  for (const auth of seed.authorizations ?? []) {
    const consumer = grant(seedGrantee(auth.consumer, accounts));
    consumer.status = "AUTHORIZED";
    consumer.producerAllowedWrites = auth.allowWrites ?? false;
  }
  return {
    arn: formatDataShareArn(region, producer.id, namespace.id, seed.name),
    name: seed.name,
    producerAccount: producer.id,
    producerNamespace: namespace.id,
    region,
    allowPubliclyAccessibleConsumers: seed.allowPubliclyAccessibleConsumers ?? false,
    ...(seed.managedBy ? { managedBy: seed.managedBy } : {}),
    createdDate: now,
    consumers: [...consumers.values()],
  };
}

export function stateFromSeed(seed: Seed, now = new Date().toISOString()): ModelState {
  const accounts = seed.accounts.map(toAccount);
  const dataShares = (seed.dataShares ?? []).map((ds) => toDataShare(ds, accounts, now));
  return { accounts, dataShares };
}
