import { readFileSync } from "node:fs";
import { AdminError } from "./faults";
import type { CreateDataShareInput } from "./model/admin";
import { formatNamespaceArn } from "./model/arns";
import { RedshiftBackend } from "./model/backend";
import { databaseOf } from "./model/catalog";
import { DataApiBackend } from "./model/dataApi";
import { resolveBehaviours, type Behaviours } from "./model/behaviours";
import { parseSeed, stateFromSeed, type Seed } from "./model/seed";
import { StateStore } from "./model/store";
import { StsBackend } from "./model/sts";
import type { Account, ModelState } from "./model/types";
import type { AdminSurface } from "./server/adminHandler";
import {
  FaultInjector,
  RequestCounter,
  type FaultConfig,
  type FaultCounts,
  type OperationCounts,
} from "./server/faultInjector";
import { CallHolds, type CallHold } from "./server/callHolds";
import { listen } from "./server/httpServer";
import { BUILT_IN_SEEDS, builtInSeed } from "./seeds/builtIn";

export interface EmulatorOptions {
  /** 0 (default) = any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Persist state in this file (atomic temp + rename); undefined = memory only. */
  stateFile?: string;
  /** A built-in seed's name (seeds/builtIn.ts), a JSON seed's path, or a parsed Seed. Default: the built-in `default`. */
  seed?: string | Seed;
  /** Off by default. */
  faults?: FaultConfig;
  /** Answers where AWS is silent; over the seed's `behaviours`, over the defaults. */
  behaviours?: Partial<Behaviours>;
}

export interface DataApiEndpoint {
  clusterIdentifier?: string;
  workgroupName?: string;
  database: string;
  namespaceId: string;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface AdminApi {
  /** SQL CREATE DATASHARE; returns the ARN. */
  createDataShare(input: CreateDataShareInput): Promise<string>;
  /** SQL GRANT USAGE ON DATASHARE ... TO ACCOUNT; `DataCatalog/<account>` for ... VIA DATA CATALOG. */
  grantUsage(dataShareArn: string, consumerAccount: string): Promise<void>;
  /** SQL DROP DATASHARE. */
  dropDataShare(dataShareArn: string): Promise<void>;
  /** The producer drops a table or view (`schema.name`) from a namespace's database (behaviour droppedObjectInShare). */
  dropProducerObject(account: string, namespaceIndex: number, qualifiedName: string): Promise<void>;
  /** Deep copy of the whole model state. */
  snapshot(): ModelState;
  /** Back to the seed. */
  reset(): Promise<void>;
  /** Test hook: temporary credentials (AssumeRole, GetSessionToken) with this key expire now. */
  expireTemporaryCredentials(accessKeyId: string): void;
}

export interface Emulator {
  readonly endpoint: string;
  readonly host: string;
  readonly port: number;
  /** Credentials of the seed account with that name or id (its first access key). */
  credentials(account: string): Credentials;
  accountId(account: string): string;
  /** Every account with its first access key, for printing. */
  accounts(): { id: string; name: string; credentials: Credentials }[];
  namespaceArn(account: string, index: number): string;
  /** Where the Data API reaches a namespace: its cluster or workgroup and its database. */
  dataApiTarget(account: string, index: number): DataApiEndpoint;
  /** ARN of a datashare by name: live, or seeded / admin-created and since dropped. */
  dataShareArn(name: string): string;
  requestCounts(): Record<string, number>;
  /** Per operation: received, accepted (run by the model), rateLimited, throttled, serverErrors. */
  operationCounts(): Record<string, OperationCounts>;
  /** Clears the request counts and the injected-fault counts. */
  resetRequestCounts(): void;
  setFaults(faults: FaultConfig): void;
  /**
   * Holds the `nth` (default 1: the next) call of an AWS operation: it arrives, is counted, and
   * waits unanswered until released (server/callHolds.ts). For tests that act while a call is in flight.
   */
  holdCall(operation: string, nth?: number): CallHold;
  faultConfig(): FaultConfig;
  injectedFaults(): FaultCounts;
  /**
   * Replaces the behaviours: the ones given take these answers, every other one its default.
   * Takes effect from the next request; returns what is now in force.
   */
  setBehaviours(settings: Partial<Behaviours>): Behaviours;
  /** The behaviours in force. */
  behaviours(): Behaviours;
  readonly admin: AdminApi;
  /** Flushes state to disk and closes the server. */
  stop(): Promise<void>;
}

export function loadSeed(seed: string | Seed | undefined): Seed {
  if (seed === undefined) return parseSeed(BUILT_IN_SEEDS.default);
  if (typeof seed === "string") {
    const builtIn = builtInSeed(seed);
    return parseSeed(builtIn ?? JSON.parse(readFileSync(seed, "utf8")));
  }
  return parseSeed(seed);
}

function findAccount(state: ModelState, account: string): Account {
  const found = state.accounts.find((a) => a.id === account || a.name === account);
  if (!found) throw new AdminError(`Unknown account ${account}`);
  return found;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const seed = loadSeed(options.seed);
  const store = new StateStore(seed, options.stateFile);
  await store.persist();
  const clock = () => new Date();
  let behaviours = resolveBehaviours({ ...seed.behaviours, ...options.behaviours });
  const backend = new RedshiftBackend(store, clock, () => behaviours);
  const sts = new StsBackend(store, clock);
  const faults = new FaultInjector(options.faults ?? {});
  const dataApi = new DataApiBackend(store, clock, () => behaviours, {
    durationMs: () => faults.statementDurationMs(),
    conflict: () => faults.statementConflict(),
    maxActiveStatements: () => faults.maxActiveStatements(),
  });
  const counter = new RequestCounter();
  const holds = new CallHolds();

  /** Every share name ever known (state, seed, admin), so that a test can still name a dropped share. */
  const knownShares = new Map<string, string>();
  for (const share of [...store.state.dataShares, ...stateFromSeed(seed).dataShares]) {
    if (!knownShares.has(share.name)) knownShares.set(share.name, share.arn);
  }

  const admin: AdminApi = {
    createDataShare: async (input) => {
      const arn = await backend.createDataShare(input);
      if (!knownShares.has(input.name)) knownShares.set(input.name, arn);
      return arn;
    },
    grantUsage: (arn, consumer) => backend.grantUsage(arn, consumer),
    dropDataShare: (arn) => backend.dropDataShare(arn),
    dropProducerObject: (account, index, name) => backend.dropProducerObject(account, index, name),
    snapshot: () => structuredClone(store.state),
    reset: () => store.reset(),
    expireTemporaryCredentials: (accessKeyId) => {
      if (!sts.expireTemporaryCredentials(accessKeyId)) {
        throw new AdminError(`No temporary credentials with access key ${accessKeyId}`);
      }
    },
  };
  const surface: AdminSurface = {
    requestCounts: () => counter.snapshot(),
    operationCounts: () => counter.byOperation(),
    resetRequestCounts: () => {
      counter.reset();
      faults.resetCounts();
    },
    setFaults: (config) => faults.setConfig(config),
    faultConfig: () => faults.getConfig(),
    injectedFaults: () => faults.injected(),
    setBehaviours: (settings) => {
      behaviours = resolveBehaviours(settings);
      return structuredClone(behaviours);
    },
    behaviours: () => structuredClone(behaviours),
    admin,
  };
  const host = options.host ?? "127.0.0.1";
  const server = await listen(
    { backends: { redshift: backend, sts, dataApi }, faults, counter, holds, clock },
    surface,
    host,
    options.port ?? 0,
  );
  const urlHost = host.includes(":") ? `[${host}]` : host;

  return {
    ...surface,
    admin,
    holdCall: (operation, nth) => holds.hold(operation, nth),
    endpoint: `http://${urlHost}:${server.port}`,
    host,
    port: server.port,
    credentials(account) {
      const { accessKeyId, secretAccessKey } = findAccount(store.state, account).accessKeys[0];
      return { accessKeyId, secretAccessKey };
    },
    accountId: (account) => findAccount(store.state, account).id,
    accounts: () =>
      store.state.accounts.map((a) => ({
        id: a.id,
        name: a.name,
        credentials: {
          accessKeyId: a.accessKeys[0].accessKeyId,
          secretAccessKey: a.accessKeys[0].secretAccessKey,
        },
      })),
    namespaceArn(account, index) {
      const found = findAccount(store.state, account);
      const namespace = found.namespaces[index];
      if (!namespace) throw new AdminError(`Account ${found.id} has no namespace #${index}`);
      return formatNamespaceArn(namespace.type, namespace.region, found.id, namespace.id);
    },
    dataApiTarget(account, index) {
      const found = findAccount(store.state, account);
      const namespace = found.namespaces[index];
      if (!namespace) throw new AdminError(`Account ${found.id} has no namespace #${index}`);
      return {
        ...(namespace.cluster ? { clusterIdentifier: namespace.cluster } : {}),
        ...(namespace.workgroup ? { workgroupName: namespace.workgroup } : {}),
        database: databaseOf(namespace),
        namespaceId: namespace.id,
      };
    },
    dataShareArn(name) {
      const live = store.state.dataShares.find((s) => s.name === name || s.arn === name);
      const arn = live?.arn ?? knownShares.get(name);
      if (!arn) throw new AdminError(`Unknown datashare ${name}`);
      return arn;
    },
    async stop() {
      dataApi.close();
      holds.releaseAll();
      await server.close();
      await store.flush();
    },
  };
}
