/**
 * The DataShareConsumer resource provider: create, read, delete against AWS, check and diff by the
 * pure functions. Clients are built inside the methods (never at serialization) and cached per
 * settings for the life of the process (clients.ts). Reads of one datashare share one
 * DescribeDataShares while it is in flight or a few seconds old (describeCoalescer.ts).
 */
import type { dynamic } from "@pulumi/pulumi";
import { parseDataShareArn } from "./arn";
import { checkInputs } from "./check";
import { createClientCache } from "./clients";
import { describeReuseMs, secretValues, ProviderSettings, readStackConfig } from "./config";
import { bestEffortDescribe } from "./bestEffortDescribe";
import { createDescribeCoalescer, DescribeCoalescer } from "./describeCoalescer";
import { DiffResult, diffAssociation, needsAssociate } from "./diff";
import {
  AwsCallError,
  InvalidInputsError,
  isAssociationMissing,
  isDataShareMissing,
  mapAssociateFailure,
  mapAwsFailure,
} from "./errors";
import { collectEvidence, matchAssociation, statusAdvice } from "./find";
import { describeTarget, formatId, keyFromInputs, parseId } from "./id";
import { ClientSettings, RedshiftApi, createRedshiftApi } from "./redshiftApi";
import {
  associateRequest,
  declaredInputs,
  disassociateRequest,
  liveInputs,
  outputsFor,
  restatedOutputs,
} from "./state";
import { AssociationKey, DataShareConsumerInputs, DataShareConsumerOutputs, LiveDataShare } from "./types";
import { warnThroughPulumi } from "./warn";

/** Options of either provider, for the AWS adapter it uses. */
export interface ProviderOptionsFor<Api> extends ProviderSettings {
  /** Environment to read settings from at call time; defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Where plain-words warnings go (a superseded association, a rejected share); defaults to pulumi.log.warn. */
  warn?: (message: string) => void;
  /** The AWS adapter factory; defaults to createRedshiftApi. */
  apiFactory?: (settings: ClientSettings) => Api;
  /**
   * Shared describes; the host's two providers share one, so a create or delete by either keeps
   * the other from reusing an older answer of that datashare. Defaults to one of its own.
   */
  describes?: DescribeCoalescer;
}

export type ProviderOptions = ProviderOptionsFor<RedshiftApi>;

export interface DataShareConsumerProvider extends dynamic.ResourceProvider {
  configure(req: dynamic.ConfigureRequest): Promise<void>;
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.CheckResult>;
  diff(id: string, olds: StoredProps, news: Record<string, unknown>): Promise<DiffResult>;
  create(inputs: Record<string, unknown>): Promise<{ id: string; outs: DataShareConsumerOutputs }>;
  update(
    id: string,
    olds: StoredProps,
    news: Record<string, unknown>,
  ): Promise<{ outs: DataShareConsumerOutputs }>;
  read(id: string, props?: StoredProps): Promise<dynamic.ReadResult<DataShareConsumerOutputs>>;
  delete(id: string, props: StoredProps): Promise<void>;
}

/** What the engine hands back from state: outputs (with inputs), possibly empty on import. */
export type StoredProps = Partial<DataShareConsumerOutputs> | Record<string, unknown>;

const GONE: dynamic.ReadResult = { id: "" };

export function createProvider(options: ProviderOptions = {}): DataShareConsumerProvider {
  const callers = new Map<RedshiftApi, Promise<string>>();
  const describes = options.describes ?? createDescribeCoalescer();
  const env = () => options.env ?? process.env;
  const warn = options.warn ?? warnThroughPulumi;
  const clients = createClientCache(options, env, options.apiFactory ?? createRedshiftApi);
  const settings = clients.settings;
  const apiFor = clients.apiFor;

  /**
   * The region calls go to when the resource names none: the datashare's own (Redshift answers for
   * a datashare only there), else the provider's; undefined while neither is known.
   */
  function defaultRegion(dataShareArn?: unknown): string | undefined {
    if (typeof dataShareArn === "string") {
      const parsed = parseDataShareArn(dataShareArn);
      if (parsed.ok) return parsed.value.region;
    }
    try {
      return settings().region;
    } catch {
      return undefined;
    }
  }

  /**
   * The inputs with the API region the calls go to, so that state records it: read and delete then
   * use that region even after the default changes, and a new default shows as a change of `region`.
   */
  function withRegion(declared: DataShareConsumerInputs): DataShareConsumerInputs {
    const region = declared.region ?? defaultRegion(declared.dataShareArn);
    return region === undefined ? declared : { ...declared, region };
  }

  /** The caller's account, asked from STS once per client and then remembered. */
  function callerAccount(api: RedshiftApi): Promise<string> {
    let pending = callers.get(api);
    if (!pending) {
      pending = api.getCallerIdentity().then((r) => r.account);
      pending.catch(() => callers.delete(api));
      callers.set(api, pending);
    }
    return pending;
  }

  const secrets = () => secretValues(options.credentials, env());

  /**
   * Associate failed. If the association already exists as declared (a lost response whose retry
   * was refused, or an earlier run that never recorded it), adopt it; otherwise explain the refusal
   * from what DescribeDataShares shows.
   */
  async function adoptOrExplain(
    api: RedshiftApi,
    key: AssociationKey,
    declared: DataShareConsumerInputs,
    err: AwsCallError,
    callerOrUnknown: Promise<string | undefined>,
  ) {
    const [caller, shares] = await Promise.all([callerOrUnknown, bestEffortDescribe(api, key.dataShareArn)]);
    if (shares && caller !== undefined) {
      const m = matchAssociation(shares, key, caller);
      const writesAsDeclared =
        (m.found && m.association.consumerAcceptedWrites === true) === (declared.allowWrites === true);
      if (m.found && m.association.status === "ACTIVE" && writesAsDeclared) {
        return { id: formatId(key), outs: outputsFor(declared, m.dataShare, m.association) };
      }
    }
    throw mapAssociateFailure(
      err,
      collectEvidence(shares, key, caller, declared.allowWrites === true),
      secrets(),
    );
  }

  /** create's AWS work, inside the datashare's mutation window (no shared describes). */
  async function associate(api: RedshiftApi, key: AssociationKey, declared: DataShareConsumerInputs) {
    // Asked alongside the associate (once per client): the answer is matched by the caller's account.
    const callerOrUnknown = callerAccount(api).catch(() => undefined);
    let share: LiveDataShare;
    try {
      share = await api.associateDataShareConsumer(associateRequest(key, declared.allowWrites));
    } catch (e) {
      if (!(e instanceof AwsCallError)) throw e;
      return adoptOrExplain(api, key, declared, e, callerOrUnknown);
    }
    const caller = (await callerOrUnknown) ?? "";
    let match = matchAssociation([share], key, caller);
    if (!match.found) {
      // The answer did not list the new association (AWS does not promise it): look it up.
      match = matchAssociation((await bestEffortDescribe(api, key.dataShareArn)) ?? [], key, caller);
    }
    const outs = match.found
      ? outputsFor(declared, match.dataShare, match.association)
      : outputsFor(declared, share);
    return { id: formatId(key), outs };
  }

  /** delete's AWS work, inside the datashare's mutation window. */
  async function disassociate(api: RedshiftApi, key: AssociationKey): Promise<void> {
    try {
      await api.disassociateDataShareConsumer(disassociateRequest(key));
    } catch (e) {
      // Already gone is what delete wants.
      if (isAssociationMissing(e) || isDataShareMissing(e)) return;
      throw mapAwsFailure(
        e,
        `disassociating ${key.dataShareArn} from ${describeTarget(key.target)}`,
        secrets(),
      );
    }
  }

  return {
    async configure(req) {
      clients.reset(readStackConfig((k) => req.config.get(k)));
      callers.clear();
    },

    async check(_olds, news) {
      const result = checkInputs(news);
      // The effective region goes into the inputs, so a new default shows in preview as a diff on it.
      const region = defaultRegion(news.dataShareArn);
      const declared = news.region !== undefined && news.region !== null;
      if (result.failures.length > 0 || declared || region === undefined) return result;
      return { inputs: { ...news, region }, failures: [] };
    },

    async diff(id, olds, news) {
      const stored = olds as Partial<DataShareConsumerOutputs>;
      const result = diffAssociation({
        id,
        olds: stored,
        news,
        defaultRegion: defaultRegion(news.dataShareArn),
      });
      // Preview has no other channel: say before the update fails that only the producer can fix it.
      if (result.inPlace.includes("status") && typeof stored.status === "string") {
        warn(statusAdvice(stored.status, parseIdOr(id, stored)));
      }
      return result;
    },

    async create(inputs) {
      const { failures } = checkInputs(inputs);
      if (failures.length > 0) throw new InvalidInputsError(failures);
      const given = declaredInputs(inputs);
      // The ID keeps the region only when the inputs name one; the outputs always record it.
      const key = keyFromInputs(given);
      const declared = withRegion(given);
      const api = apiFor(declared.region);
      return describes.whileMutating(key.dataShareArn, () => associate(api, key, declared));
    },

    /**
     * diff plans an update only while the association keeps its key. Status or writes not as
     * declared: associate again (it fails, changing nothing, while the producer has not authorized
     * it). Anything else (API region, letter case) changes nothing on AWS: only state is rewritten.
     */
    async update(_id, olds, news) {
      const { failures } = checkInputs(news);
      if (failures.length > 0) throw new InvalidInputsError(failures);
      const given = declaredInputs(news);
      const declared = withRegion(given);
      const stored = olds as Partial<DataShareConsumerOutputs>;
      if (!needsAssociate(stored, declared)) return { outs: restatedOutputs(declared, stored) };
      const key = keyFromInputs(given);
      const api = apiFor(declared.region);
      const { outs } = await describes.whileMutating(key.dataShareArn, () => associate(api, key, declared));
      return { outs };
    },

    async read(id, props = {}) {
      const key = parseId(id);
      const prior = declaredInputs(props as Record<string, unknown>);
      const region = prior.region ?? key.apiRegion ?? defaultRegion(key.dataShareArn);
      const api = apiFor(region);
      if (prior.region === undefined && region !== undefined) prior.region = region;
      const action = `reading the association of ${key.dataShareArn} with ${describeTarget(key.target)}`;
      let caller: string;
      let shares: LiveDataShare[];
      try {
        [caller, shares] = await Promise.all([
          callerAccount(api),
          describes.describeDataShares(api, key.dataShareArn, describeReuseMs(settings())),
        ]);
      } catch (e) {
        if (isDataShareMissing(e)) return GONE;
        throw mapAwsFailure(e, action, secrets());
      }
      const match = matchAssociation(shares, key, caller);
      if (!match.found) {
        if (match.reason === "superseded") warn(match.message);
        return GONE;
      }
      const inputs = liveInputs(key, prior, match.association);
      return { id, props: outputsFor(inputs, match.dataShare, match.association), inputs };
    },

    async delete(id, props) {
      const key = parseId(id);
      const stored = declaredInputs((props ?? {}) as Record<string, unknown>).region;
      const api = apiFor(stored ?? key.apiRegion ?? defaultRegion(key.dataShareArn));
      return describes.whileMutating(key.dataShareArn, () => disassociate(api, key));
    },
  };
}

function parseIdOr(id: string, stored: Partial<DataShareConsumerOutputs>): AssociationKey {
  try {
    return parseId(id);
  } catch {
    return keyFromInputs({ ...stored, dataShareArn: stored.dataShareArn ?? "" });
  }
}
