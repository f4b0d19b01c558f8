/**
 * The DataShareAuthorization resource provider (the producer's half): create, read, update,
 * delete against AWS with the producer account's credentials (the SDK's default chain, as for
 * DataShareConsumer); check and diff by the pure functions; on the core's skeleton
 * (../core/runtime.ts), like DataShareConsumer.
 */
import type { dynamic } from "@pulumi/pulumi";
import { bestEffortDescribe } from "../core/bestEffortDescribe";
import type { DiffResult } from "../core/diff";
import { AwsCallError, isDataShareMissing } from "../core/errors";
import { producerAccountOf } from "../core/identity";
import { createRedshiftApi, ProducerApi } from "../core/redshiftApi";
import { createResourceRuntime, ProviderOptionsFor } from "../core/runtime";
import { authorizationState } from "../core/statuses";
import { UNKNOWN, type LiveDataShare } from "../core/types";
import { checkAuthorizationInputs } from "./check";
import { diffAuthorization } from "./diff";
import {
  DataShareAuthorizationError,
  isAlreadyAuthorized,
  isAuthorizationMissing,
  mapAuthorizeFailure,
  writesNotChangedMessage,
} from "./errors";
import { DATASHARE_GONE, driftMessage, explainGone, findAuthorization, isDrifted } from "./find";
import { canonicalKey, describeConsumer, formatId, keyFromInputs, parseId, sameKey } from "./id";
import { authorizationSpec } from "./schema";
import {
  authorizeRequest,
  deauthorizeRequest,
  declaredInputs,
  liveInputs,
  outputsFor,
  restatedOutputs,
} from "./state";
import { AuthorizationKey, DataShareAuthorizationInputs, DataShareAuthorizationOutputs } from "./types";

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

export function createAuthorizationProvider(
  options: AuthorizationProviderOptions = {},
): DataShareAuthorizationProvider {
  const rt = createResourceRuntime(
    authorizationSpec.name,
    DataShareAuthorizationError,
    options,
    createRedshiftApi,
  );

  const consumerOf = (key: AuthorizationKey) => describeConsumer(key.consumerIdentifier);

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
   * otherwise explain the refusal. A repeat AWS answers with success is adopted by `settle`.
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
    if (m?.found && authorizationState(m.entry.status) === "live") {
      const writesAsDeclared = (m.entry.producerAllowedWrites === true) === (declared.allowWrites === true);
      if (writesAsDeclared)
        return { id: formatId(key), outs: outputsFor(declared, region, m.dataShare, m.entry) };
    }
    throw mapAuthorizeFailure(
      err,
      {
        dataShareArn: key.dataShareArn,
        consumer: consumerOf(key),
        producerAccount: producerAccountOf(key.dataShareArn),
        region,
      },
      rt.secrets(),
    );
  }

  /**
   * Before a replacement that authorizes another datashare or consumer (the SDK deletes first):
   * the new datashare must exist and answer to these credentials, or the preview fails naming it.
   */
  async function checkNewAuthorization(key: AuthorizationKey): Promise<void> {
    const api = rt.clients.apiFor(rt.regionFor(key.dataShareArn));
    try {
      await api.describeDataShares(key.dataShareArn);
    } catch (e) {
      if (!isDataShareMissing(e)) return; // nothing is concluded from a failed look-up
      throw new DataShareAuthorizationError(
        "DataShareNotFound",
        `dataShareArn: the replacement authorization of ${key.dataShareArn} for ${consumerOf(key)} cannot ` +
          "be made: the datashare does not exist, or these credentials are not its producer's. Nothing was changed.",
      );
    }
  }

  return {
    async configure(req) {
      rt.configure(req);
    },

    async check(_olds, news) {
      const result = checkAuthorizationInputs(news);
      if (result.failures.length === 0 && authorizationSpec.keyParts.every((p) => news[p] !== UNKNOWN)) {
        rt.claims.claim(authorizationSpec.name, canonicalKey(keyFromInputs(declaredInputs(news))));
      }
      return result;
    },

    async diff(id, olds, news) {
      const result = diffAuthorization({ id, olds: olds as Partial<Outs>, news });
      const known = authorizationSpec.keyParts.every((p) => news[p] !== UNKNOWN);
      if (result.replaces.length > 0 && known && checkAuthorizationInputs(news).failures.length === 0) {
        const next = keyFromInputs(declaredInputs(news));
        if (!sameKey(next, parseId(id))) await checkNewAuthorization(next);
      }
      if (result.changes === false) rt.hold(canonicalKey(keyFromInputs(declaredInputs(news))));
      return result;
    },

    async create(inputs) {
      rt.requireValid(checkAuthorizationInputs(inputs));
      const declared = declaredInputs(inputs);
      const key = keyFromInputs(declared);
      const region = rt.regionFor(key.dataShareArn, declared.region);
      const api = rt.clients.apiFor(region);
      const created = await rt.describes.whileMutating(key.dataShareArn, async () => {
        let answer: LiveDataShare;
        try {
          answer = await api.authorizeDataShare(authorizeRequest(key, declared.allowWrites));
        } catch (e) {
          if (!(e instanceof AwsCallError)) throw e;
          return adoptOrExplain(api, key, declared, region, e);
        }
        return { id: formatId(key), outs: await settle(api, key, declared, region, answer) };
      });
      rt.hold(canonicalKey(key));
      return created;
    },

    async read(id, props = {}) {
      const key = parseId(id);
      const prior = declaredInputs(props as Record<string, unknown>);
      const region = rt.regionFor(key.dataShareArn, prior.region);
      const api = rt.clients.apiFor(region);
      const action = `reading the authorization of ${key.dataShareArn} for ${consumerOf(key)}`;
      const shares = await rt.describeForRead(api, key.dataShareArn, action);
      const match = shares === undefined ? DATASHARE_GONE : findAuthorization(shares, key);
      if (!match.found) return rt.reportGone(id, explainGone(key, match));
      const drift = driftMessage(key, match.entry);
      if (drift) rt.warn(drift);
      const inputs = liveInputs(key, prior, match.entry, rt.defaultRegion(key.dataShareArn));
      return { id, props: outputsFor(inputs, region, match.dataShare, match.entry), inputs };
    },

    /**
     * Authorizes again only when AWS must change something: the writes differ from the live ones,
     * or the consumer rejected the share. Anything else (letter case, region) rewrites state only,
     * so a repeat AWS might refuse is never sent for it.
     */
    async update(id, olds, news) {
      rt.requireValid(checkAuthorizationInputs(news));
      const key = parseId(id);
      rt.hold(canonicalKey(key));
      const declared = declaredInputs(news);
      const before = olds as Partial<Outs>;
      const region = rt.regionFor(key.dataShareArn, declaredInputs(before).region, declared.region);
      const wanted = declared.allowWrites === true;
      const liveWrites =
        typeof before.producerAllowedWrites === "boolean"
          ? before.producerAllowedWrites
          : before.allowWrites === true;
      if (liveWrites === wanted && !isDrifted(before.status)) {
        return { outs: restatedOutputs(declared, region, before) };
      }
      const api = rt.clients.apiFor(region);
      // AllowWrites only when declared, or to turn live writes off: where write sharing is not
      // available AWS refuses any AllowWrites, even false.
      const allowWrites = declared.allowWrites ?? (liveWrites ? false : undefined);
      const evidence = { dataShareArn: key.dataShareArn, consumer: consumerOf(key), region };
      const outs = await rt.describes.whileMutating(key.dataShareArn, async () => {
        let answer: LiveDataShare;
        try {
          answer = await api.authorizeDataShare(authorizeRequest(key, allowWrites));
        } catch (e) {
          if (isAlreadyAuthorized(e) && liveWrites !== wanted) {
            throw new DataShareAuthorizationError(
              "WritesNotChanged",
              writesNotChangedMessage(key.dataShareArn, consumerOf(key), liveWrites, e.awsMessage),
              e.code,
              e.requestId,
            );
          }
          throw mapAuthorizeFailure(e, evidence, rt.secrets());
        }
        return settle(api, key, { ...declared, dataShareArn: key.dataShareArn }, region, answer);
      });
      if (typeof outs.producerAllowedWrites === "boolean" && outs.producerAllowedWrites !== wanted) {
        throw new DataShareAuthorizationError(
          "WritesNotChanged",
          writesNotChangedMessage(key.dataShareArn, consumerOf(key), outs.producerAllowedWrites),
        );
      }
      return { outs };
    },

    async delete(id, props) {
      const key = parseId(id);
      const region = rt.regionFor(
        key.dataShareArn,
        declaredInputs((props ?? {}) as Record<string, unknown>).region,
      );
      const api = rt.clients.apiFor(region);
      const what = `the authorization of ${key.dataShareArn} for ${consumerOf(key)}`;
      return rt.deleteUnlessClaimed(
        { canonical: canonicalKey(key), dataShareArn: key.dataShareArn, what },
        async () => {
          try {
            await api.deauthorizeDataShare(deauthorizeRequest(key));
          } catch (e) {
            // Already deauthorized, or the datashare is gone: what delete wants.
            if (isAuthorizationMissing(e) || isDataShareMissing(e)) return;
            throw rt.explain(e, `deauthorizing ${key.dataShareArn} for ${consumerOf(key)}`);
          }
        },
      );
    },
  };
}
