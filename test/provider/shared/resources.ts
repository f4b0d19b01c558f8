/**
 * The two resources side by side, for the tests written once over both (test/provider/shared/):
 * each fixture starts an emulator, builds its provider as the given account, names a declared
 * key, a respelling of it and another key, and counts the live objects of a key.
 */
import { AwsCallError } from "../../../provider/core/errors";
import { createRedshiftApi } from "../../../provider/core/redshiftApi";
import type { ClientSettings, ConsumerApi, ProducerApi } from "../../../provider/core/redshiftApi";
import type { ProviderOptionsFor } from "../../../provider/core/runtime";
import type { ResourceSpec } from "../../../provider/core/schema";
import { authorizationSpec, consumerSpec } from "../../../provider/schema";
import { createAuthorizationProvider } from "../../../provider/authorization/provider";
import { createProvider } from "../../../provider/consumer/provider";
import type { DiffResult } from "../../../provider/core/diff";
import { Emulator, REGION, startSeededEmulator } from "../../../harness/emulatorFixture";

type Bag = Record<string, unknown>;

/** The methods both providers have, as the shared tests call them. */
export interface AnyProvider {
  configure(req: never): Promise<void>;
  check(olds: Bag, news: Bag): Promise<{ inputs: Bag; failures?: { property: string; reason: string }[] }>;
  diff(id: string, olds: Bag, news: Bag): Promise<DiffResult>;
  create(inputs: Bag): Promise<{ id: string; outs: Bag }>;
  update(id: string, olds: Bag, news: Bag): Promise<{ outs: Bag }>;
  read(id: string, props?: Bag): Promise<{ id?: string; props?: Bag; inputs?: Bag }>;
  delete(id: string, props: Bag): Promise<void>;
}

/** How AWS answers a repeat of a create of what exists: issue 19 leaves it open, both must work. */
export type RepeatAnswer = "as the emulator answers" | "success" | "refusal";

export interface World {
  emu: Emulator;
  provider(options?: { repeat?: RepeatAnswer; notes?: string[]; warnings?: string[] }): AnyProvider;
  declared: Bag;
  /** The same key, spelled otherwise (datashare name in capitals). */
  respelled: Bag;
  /** Another key of the same kind. */
  other: Bag;
  /** A key whose datashare does not exist. */
  missing: Bag;
  /** Live objects (associations, authorizations) of the declared key. */
  liveCount(): Promise<number>;
  /** The calls that remove a live object, made so far. */
  removals(): number;
}

export interface ResourceFixture {
  spec: ResourceSpec;
  start(): Promise<World>;
}

/** A new run, as the engine starts one: the host configures the provider before its first call. */
export const NEW_RUN = { config: { get: () => undefined, require: () => undefined } } as never;

/**
 * A provider's options as one emulator account: its keys, the emulator for Redshift and STS, one
 * attempt, no environment; warnings and notes go where `hooks` says, or nowhere.
 */
export function emulatorProviderOptions(
  emu: Emulator,
  account: string,
  hooks: { warn?: (m: string) => void; note?: (m: string) => void } = {},
): ProviderOptionsFor<never> {
  return {
    endpoint: emu.endpoint,
    stsEndpoint: emu.endpoint,
    region: REGION,
    credentials: emu.credentials(account),
    maxAttempts: 1,
    env: {},
    warn: hooks.warn ?? (() => undefined),
    note: hooks.note ?? (() => undefined),
  };
}

function options<Api>(
  emu: Emulator,
  account: string,
  apiFactory: (s: ClientSettings) => Api,
  notes?: string[],
  warnings?: string[],
): ProviderOptionsFor<Api> {
  const hooks = { note: (m: string) => notes?.push(m), warn: (m: string) => warnings?.push(m) };
  return { ...emulatorProviderOptions(emu, account, hooks), apiFactory };
}

const refusal = (op: string) =>
  new AwsCallError(op, "InvalidDataShareFault", "The request was refused: it already exists.", "r-1", 400);

const consumer: ResourceFixture = {
  spec: consumerSpec,
  async start() {
    const emu = await startSeededEmulator();
    const share = emu.dataShareArn("sales");
    const namespace = emu.namespaceArn("consumer", 0);
    const declared = { dataShareArn: share, consumerArn: namespace };
    const live = async (api: ConsumerApi) => {
      const shares = await api.describeDataShares(share);
      return shares
        .flatMap((s) => s.associations)
        .filter((a) => a.consumerIdentifier === namespace && a.status === "ACTIVE");
    };
    return {
      emu,
      declared,
      respelled: { ...declared, dataShareArn: share.replace("/sales", "/SALES") },
      other: { ...declared, consumerArn: emu.namespaceArn("consumer", 1) },
      missing: { ...declared, dataShareArn: share.replace("/sales", "/nosuchshare") },
      liveCount: async () =>
        (
          await live(
            createRedshiftApi({
              region: REGION,
              endpoint: emu.endpoint,
              stsEndpoint: emu.endpoint,
              credentials: emu.credentials("consumer"),
              maxAttempts: 1,
            }),
          )
        ).length,
      removals: () => emu.requestCounts().DisassociateDataShareConsumer ?? 0,
      provider({ repeat = "as the emulator answers", notes, warnings } = {}) {
        const factory = (settings: ClientSettings): ConsumerApi => {
          const api = createRedshiftApi(settings);
          if (repeat === "as the emulator answers") return api;
          return {
            ...api,
            async associateDataShareConsumer(request) {
              const existing = await live(api);
              if (existing.length === 0) return api.associateDataShareConsumer(request);
              if (repeat === "refusal") throw refusal("AssociateDataShareConsumer");
              return (await api.describeDataShares(request.DataShareArn))[0];
            },
          };
        };
        return createProvider(options(emu, "consumer", factory, notes, warnings)) as unknown as AnyProvider;
      },
    };
  },
};

const authorization: ResourceFixture = {
  spec: authorizationSpec,
  async start() {
    const emu = await startSeededEmulator();
    const share = emu.dataShareArn("finance");
    const declared = { dataShareArn: share, consumerIdentifier: emu.accountId("consumer") };
    const live = async (api: ProducerApi) => {
      const shares = await api.describeDataShares(share);
      return shares
        .flatMap((s) => s.associations)
        .filter(
          (a) =>
            a.consumerIdentifier === declared.consumerIdentifier &&
            (a.status === "AUTHORIZED" || a.status === "ACTIVE"),
        );
    };
    return {
      emu,
      declared,
      respelled: { ...declared, dataShareArn: share.replace("/finance", "/FINANCE") },
      other: { ...declared, consumerIdentifier: emu.accountId("outsider") },
      missing: { ...declared, dataShareArn: share.replace("/finance", "/nosuchshare") },
      liveCount: async () =>
        (
          await live(
            createRedshiftApi({
              region: REGION,
              endpoint: emu.endpoint,
              credentials: emu.credentials("producer"),
              maxAttempts: 1,
            }),
          )
        ).length,
      removals: () => emu.requestCounts().DeauthorizeDataShare ?? 0,
      provider({ repeat = "as the emulator answers", notes, warnings } = {}) {
        const factory = (settings: ClientSettings): ProducerApi => {
          const api = createRedshiftApi(settings);
          if (repeat === "as the emulator answers") return api;
          return {
            ...api,
            async authorizeDataShare(request) {
              const existing = await live(api);
              if (existing.length === 0) return api.authorizeDataShare(request);
              if (repeat === "refusal") throw refusal("AuthorizeDataShare");
              return (await api.describeDataShares(request.DataShareArn))[0];
            },
          };
        };
        return createAuthorizationProvider(
          options(emu, "producer", factory, notes, warnings),
        ) as unknown as AnyProvider;
      },
    };
  },
};

export const RESOURCES: ResourceFixture[] = [consumer, authorization];
