/**
 * The DataShareAuthorization resource provider (the producer's half): create, read, update,
 * delete against AWS with the producer account's credentials (the SDK's default chain, as for
 * DataShareConsumer); check and diff by the pure functions. Clients are built inside the methods
 * and cached per settings (../clients.ts). Reads of one datashare share one DescribeDataShares
 * while it is in flight or a few seconds old, as DataShareConsumer's do (../describeCoalescer.ts).
 */
import { parseDataShareArn } from "../arn";
import type { dynamic } from "@pulumi/pulumi";
import { createClientCache } from "../clients";
import { describeReuseMs, secretValues, readStackConfig, regionFor } from "../config";
import { createDescribeCoalescer } from "../describeCoalescer";
import { bestEffortDescribe } from "../bestEffortDescribe";
import type { DiffResult } from "../diff";
import { AwsCallError, isDataShareMissing, mapAwsFailure } from "../errors";
import { ProducerApi, createRedshiftApi } from "../redshiftApi";
import { LiveDataShare } from "../types";
import { checkAuthorizationInputs } from "./check";
import { diffAuthorization } from "./diff";
import {
  DataShareAuthorizationError,
  InvalidAuthorizationInputsError,
  isAuthorizationMissing,
  mapAuthorizeFailure,
} from "./errors";
import { driftMessage, findAuthorization } from "./find";
import { describeConsumer, formatId, keyFromInputs, parseId } from "./id";
import { authorizeRequest, deauthorizeRequest, declaredInputs, liveInputs, outputsFor } from "./state";
import { AuthorizationKey, DataShareAuthorizationInputs, DataShareAuthorizationOutputs } from "./types";
import type { ProviderOptionsFor } from "../provider";
import { warnThroughPulumi } from "../warn";

export type AuthorizationProviderOptions = ProviderOptionsFor<ProducerApi>;

type Outs = DataShareAuthorizationOutputs;

export interface DataShareAuthorizationProvider extends dynamic.ResourceProvider {
  configure(req: dynamic.ConfigureRequest): Promise<void>;
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.CheckResult>;
  diff(id: string, olds: StoredAuthorization, news: Record<string, unknown>): Promise<DiffResult>;
  create(inputs: Record<string, unknown>): Promise<{ id: string; outs: Outs }>;
  read(id: string, props?: StoredAuthorization): Promise<dynamic.ReadResult<Outs>>;
  update(id: string, olds: StoredAuthorization, news: Record<string, unknown>): Promise<{ outs: Outs }>;
  delete(id: string, props: StoredAuthorization): Promise<void>;
}

/** What the engine hands back from state: outputs (with inputs), possibly empty on import. */
export type StoredAuthorization = Partial<Outs> | Record<string, unknown>;

const GONE: dynamic.ReadResult = { id: "" };

function shareRegion(dataShareArn: string): string | undefined {
  const parsed = parseDataShareArn(dataShareArn);
  return parsed.ok ? parsed.value.region : undefined;
}

export function createAuthorizationProvider(
  options: AuthorizationProviderOptions = {},
): DataShareAuthorizationProvider {
  const env = () => options.env ?? process.env;
  const warn = options.warn ?? warnThroughPulumi;
  const clients = createClientCache(options, env, options.apiFactory ?? createRedshiftApi);
  const describes = options.describes ?? createDescribeCoalescer();

  /** The cache is typed for the consumer's adapter; its factory here makes producer adapters. */
  function apiIn(region: string): ProducerApi {
    return clients.apiFor(region) as ProducerApi;
  }

  /**
   * The region calls go to: the stored or declared one, else the datashare's own (Redshift answers
   * for a datashare only at its region's endpoint), else the provider's; throws when none.
   */
  function regionOf(region: string | undefined, dataShareArn: string): string {
    return regionFor(region ?? shareRegion(dataShareArn), clients.settings());
  }

  function defaultRegion(dataShareArn: string): string | undefined {
    const own = shareRegion(dataShareArn);
    if (own !== undefined) return own;
    try {
      return clients.settings().region;
    } catch {
      return undefined;
    }
  }

  const secrets = () => secretValues(options.credentials, env());

  /** Outputs from an answer that may not list the entry (AWS does not promise it): look it up then. */
  async function settle(
    api: ProducerApi,
    key: AuthorizationKey,
    declared: DataShareAuthorizationInputs,
    region: string,
    answer: LiveDataShare,
  ): Promise<Outs> {
    let match = findAuthorization([answer], key);
    if (!match.found) match = findAuthorization((await bestEffortDescribe(api, key.dataShareArn)) ?? [], key);
    return match.found
      ? outputsFor(declared, region, match.dataShare, match.entry)
      : outputsFor(declared, region, answer);
  }

  /**
   * Authorize failed (or its answer was lost). If the authorization exists as declared, adopt it;
   * otherwise explain the refusal.
   */
  async function adoptOrExplain(
    api: ProducerApi,
    key: AuthorizationKey,
    declared: DataShareAuthorizationInputs,
    region: string,
    err: AwsCallError,
  ) {
    const shares = await bestEffortDescribe(api, key.dataShareArn);
    const m = shares ? findAuthorization(shares, key) : undefined;
    if (m?.found && (m.entry.status === "AUTHORIZED" || m.entry.status === "ACTIVE")) {
      const writesAsDeclared = (m.entry.producerAllowedWrites === true) === (declared.allowWrites === true);
      if (writesAsDeclared)
        return { id: formatId(key), outs: outputsFor(declared, region, m.dataShare, m.entry) };
    }
    throw mapAuthorizeFailure(
      err,
      {
        dataShareArn: key.dataShareArn,
        consumer: describeConsumer(key.consumerIdentifier),
        producerAccount: key.dataShareArn.split(":")[4] || undefined,
      },
      secrets(),
    );
  }

  return {
    async configure(req) {
      clients.reset(readStackConfig((k) => req.config.get(k)));
    },

    async check(_olds, news) {
      let endpoint: string | undefined;
      try {
        endpoint = clients.settings().endpoint;
      } catch {
        endpoint = undefined;
      }
      return checkAuthorizationInputs(news, { endpoint });
    },

    async diff(id, olds, news) {
      return diffAuthorization({ id, olds: olds as Partial<Outs>, news });
    },

    async create(inputs) {
      const { failures } = checkAuthorizationInputs(inputs);
      if (failures.length > 0) throw new InvalidAuthorizationInputsError(failures);
      const declared = declaredInputs(inputs);
      const key = keyFromInputs(declared);
      const region = regionOf(declared.region, key.dataShareArn);
      const api = apiIn(region);
      return describes.whileMutating(key.dataShareArn, async () => {
        let answer: LiveDataShare;
        try {
          answer = await api.authorizeDataShare(authorizeRequest(key, declared.allowWrites));
        } catch (e) {
          if (!(e instanceof AwsCallError)) throw e;
          return adoptOrExplain(api, key, declared, region, e);
        }
        return { id: formatId(key), outs: await settle(api, key, declared, region, answer) };
      });
    },

    async read(id, props = {}) {
      const key = parseId(id);
      const prior = declaredInputs(props as Record<string, unknown>);
      const region = regionOf(prior.region, key.dataShareArn);
      const api = apiIn(region);
      let shares: LiveDataShare[];
      try {
        shares = await describes.describeDataShares(
          api,
          key.dataShareArn,
          describeReuseMs(clients.settings()),
        );
      } catch (e) {
        if (isDataShareMissing(e)) return GONE;
        throw mapAwsFailure(
          e,
          `reading the authorization of ${key.dataShareArn} for ${describeConsumer(key.consumerIdentifier)}`,
          secrets(),
        );
      }
      const match = findAuthorization(shares, key);
      if (!match.found) return GONE;
      const drift = driftMessage(key, match.entry);
      if (drift) warn(drift);
      const inputs = liveInputs(key, prior, match.entry, defaultRegion(key.dataShareArn));
      return { id, props: outputsFor(inputs, region, match.dataShare, match.entry), inputs };
    },

    async update(id, olds, news) {
      const { failures } = checkAuthorizationInputs(news);
      if (failures.length > 0) throw new InvalidAuthorizationInputsError(failures);
      const key = parseId(id);
      const declared = declaredInputs(news);
      const stored = declaredInputs(olds as Record<string, unknown>).region;
      const region = regionOf(stored ?? declared.region, key.dataShareArn);
      const api = apiIn(region);
      const wanted = declared.allowWrites === true;
      const outs = await describes.whileMutating(key.dataShareArn, async () => {
        let answer: LiveDataShare;
        try {
          // Re-authorizing sets ProducerAllowedWrites; always send it, since unset must mean read-only.
          answer = await api.authorizeDataShare(authorizeRequest(key, wanted));
        } catch (e) {
          throw mapAuthorizeFailure(
            e,
            { dataShareArn: key.dataShareArn, consumer: describeConsumer(key.consumerIdentifier) },
            secrets(),
          );
        }
        return settle(api, key, { ...declared, dataShareArn: key.dataShareArn }, region, answer);
      });
      if (typeof outs.producerAllowedWrites === "boolean" && outs.producerAllowedWrites !== wanted) {
        throw new DataShareAuthorizationError(
          "WritesNotChanged",
          `AWS accepted AuthorizeDataShare for ${describeConsumer(key.consumerIdentifier)} but kept ` +
            `ProducerAllowedWrites=${outs.producerAllowedWrites} on ${key.dataShareArn}. Replace the ` +
            `authorization instead (pulumi up --replace <urn>), which deauthorizes and authorizes it again.`,
        );
      }
      return { outs };
    },

    async delete(id, props) {
      const key = parseId(id);
      const region = regionOf(
        declaredInputs((props ?? {}) as Record<string, unknown>).region,
        key.dataShareArn,
      );
      const api = apiIn(region);
      return describes.whileMutating(key.dataShareArn, async () => {
        try {
          await api.deauthorizeDataShare(deauthorizeRequest(key));
        } catch (e) {
          // Already deauthorized, or the datashare is gone: what delete wants.
          if (isAuthorizationMissing(e) || isDataShareMissing(e)) return;
          throw mapAwsFailure(
            e,
            `deauthorizing ${key.dataShareArn} for ${describeConsumer(key.consumerIdentifier)}`,
            secrets(),
          );
        }
      });
    },
  };
}
