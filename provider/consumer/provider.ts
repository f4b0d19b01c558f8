/**
 * The DataShareConsumer resource provider: create, read, update, delete against AWS, check and
 * diff by the pure functions, on the core's skeleton (../core/runtime.ts): clients built inside the
 * methods and cached per settings, reads of one datashare sharing one DescribeDataShares, and a
 * delete that leaves alone an association the program still declares in this run.
 */
import type { dynamic } from "@pulumi/pulumi";
import { bestEffortDescribe } from "../core/bestEffortDescribe";
import type { DiffResult } from "../core/diff";
import { AwsCallError, isDataShareMissing } from "../core/errors";
import { pickDataShare, producerAccountOf } from "../core/identity";
import { createRedshiftApi, RedshiftApi } from "../core/redshiftApi";
import { createResourceRuntime, ProviderOptionsFor } from "../core/runtime";
import { associationStatus, NO_ENTRY_STATUS } from "../core/statuses";
import { UNKNOWN, type LiveDataShare } from "../core/types";
import { checkInputs } from "./check";
import { diffAssociation, needsAssociate } from "./diff";
import {
  DataShareConsumerError,
  isAlreadyAssociated,
  isAssociationMissing,
  mapAssociateFailure,
  writesNotChangedError,
} from "./errors";
import { collectEvidence, lostAuthorization, matchAssociation, MatchResult, statusAdvice } from "./find";
import { explainGone } from "./goneReason";
import { canonicalKey, describeTarget, formatId, keyFromInputs, parseId, sameAssociation } from "./id";
import { NewShareLookup, replacementBlocker } from "./replacementCheck";
import { consumerSpec } from "./schema";
import {
  associateRequest,
  declaredInputs,
  disassociateRequest,
  liveInputs,
  outputsFor,
  restatedOutputs,
} from "./state";
import { AssociationKey, DataShareConsumerInputs, DataShareConsumerOutputs } from "./types";

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

const DATASHARE_GONE: Exclude<MatchResult, { found: true }> = { found: false, reason: "datashare-gone" };

export function createProvider(options: ProviderOptions = {}): DataShareConsumerProvider {
  const rt = createResourceRuntime(consumerSpec.name, DataShareConsumerError, options, createRedshiftApi);
  const apiFor = (region: string) => rt.clients.apiFor(region);

  /** The inputs with the API region the calls go to, so that state records it. */
  function withRegion(declared: DataShareConsumerInputs): DataShareConsumerInputs & { region: string } {
    return { ...declared, region: rt.regionFor(declared.dataShareArn, declared.region) };
  }

  /**
   * Associate failed. If the association already exists as declared (a lost response whose retry
   * was refused, an earlier run that never recorded it, the original of a replacement), adopt it;
   * otherwise explain the refusal from what DescribeDataShares shows.
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
      if (m.found && associationStatus(m.association.status).live && writesAsDeclared) {
        return { id: formatId(key), outs: outputsFor(declared, m.dataShare, m.association) };
      }
      if (m.found && associationStatus(m.association.status).live && isAlreadyAssociated(err)) {
        throw writesNotChangedError(
          describeAssociation(key),
          !(declared.allowWrites === true),
          "refused",
          err,
        );
      }
    }
    const evidence = collectEvidence(shares, key, caller, declared.allowWrites === true);
    throw mapAssociateFailure(err, { ...evidence, region: declared.region }, rt.secrets());
  }

  /**
   * create's AWS work, inside the datashare's mutation window. AWS may answer a repeat of an
   * association that exists with success (the answer is recorded as for a new one) or with a
   * refusal (adoptOrExplain): either way the live association is adopted.
   */
  async function associate(api: RedshiftApi, key: AssociationKey, declared: DataShareConsumerInputs) {
    const callerOrUnknown = rt.callerAccount(api).catch(() => undefined);
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
    // AWS may answer a repeat with other AllowWrites with success and keep the old value.
    const live = outs.consumerAcceptedWrites;
    if (
      typeof declared.allowWrites === "boolean" &&
      typeof live === "boolean" &&
      live !== declared.allowWrites
    ) {
      throw writesNotChangedError(describeAssociation(key), live, "kept");
    }
    return { id: formatId(key), outs };
  }

  /** What DescribeDataShares says about a datashare a replacement moves to, as the caller. */
  async function lookUpNewShare(key: AssociationKey): Promise<NewShareLookup> {
    const api = apiFor(rt.regionFor(key.dataShareArn));
    try {
      const [callerAccount, dataShares] = await Promise.all([
        rt.callerAccount(api),
        api.describeDataShares(key.dataShareArn),
      ]);
      return { missing: false, dataShares, callerAccount };
    } catch (e) {
      return isDataShareMissing(e) ? { missing: true } : { unknown: true };
    }
  }

  return {
    async configure(req) {
      rt.configure(req);
    },

    async check(_olds, news) {
      const result = checkInputs(news);
      if (result.failures.length === 0 && consumerSpec.keyParts.every((p) => news[p] !== UNKNOWN)) {
        rt.claims.claim(consumerSpec.name, canonicalKey(keyFromInputs(declaredInputs(news))));
      }
      // The effective region goes into the inputs, so a new default shows in preview as a diff on it.
      const region = rt.defaultRegion(news.dataShareArn);
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
        defaultRegion: rt.defaultRegion(news.dataShareArn),
      });
      // Preview has no other channel: say before the update fails that only the producer can fix it.
      if (result.inPlace.includes("status") && typeof stored.status === "string") {
        warnStatus(stored.status, id, stored);
      }
      const known =
        consumerSpec.keyParts.every((p) => news[p] !== UNKNOWN) && checkInputs(news).failures.length === 0;
      if (result.replaces.length > 0 && known) {
        const next = keyFromInputs(declaredInputs(news));
        if (!sameAssociation(next, parseIdOr(id, stored))) {
          const blocker = replacementBlocker(next, news.allowWrites === true, await lookUpNewShare(next));
          if (blocker) throw new DataShareConsumerError("NotAuthorized", blocker);
        }
      }
      if (result.changes === false) rt.hold(canonicalKey(keyFromInputs(declaredInputs(news))));
      return result;
    },

    async create(inputs) {
      rt.requireValid(checkInputs(inputs));
      const given = declaredInputs(inputs);
      // The ID keeps the region only when the inputs name one; the outputs always record it.
      const key = keyFromInputs(given);
      const declared = withRegion(given);
      const api = apiFor(declared.region);
      const created = await rt.describes.whileMutating(key.dataShareArn, () => associate(api, key, declared));
      rt.hold(canonicalKey(key));
      return created;
    },

    /**
     * diff plans an update only while the association keeps its key. Status or writes not as
     * declared: associate again (it fails, changing nothing, while the producer has not authorized
     * it). Anything else (API region, letter case) changes nothing on AWS: only state is rewritten.
     */
    async update(_id, olds, news) {
      rt.requireValid(checkInputs(news));
      const given = declaredInputs(news);
      const declared = withRegion(given);
      const stored = olds as Partial<DataShareConsumerOutputs>;
      const key = keyFromInputs(given);
      rt.hold(canonicalKey(key));
      if (!needsAssociate(stored, declared)) return { outs: restatedOutputs(declared, stored) };
      const api = apiFor(declared.region);
      const { outs } = await rt.describes.whileMutating(key.dataShareArn, () =>
        associate(api, key, declared),
      );
      return { outs };
    },

    async read(id, props = {}) {
      const key = parseId(id);
      const prior = declaredInputs(props as Record<string, unknown>);
      const region = rt.regionFor(key.dataShareArn, prior.region, key.apiRegion);
      const api = apiFor(region);
      if (prior.region === undefined) prior.region = region;
      const action = `reading the association of ${key.dataShareArn} with ${describeTarget(key.target)}`;
      let caller: string;
      let shares: LiveDataShare[] | undefined;
      try {
        [caller, shares] = await Promise.all([
          rt.callerAccount(api),
          rt.describeForRead(api, key.dataShareArn, action),
        ]);
      } catch (e) {
        throw rt.explain(e, action);
      }
      if (shares === undefined) {
        const wasLive = typeof (props as Partial<DataShareConsumerOutputs>).status === "string";
        const gone = explainGone(key, shares, DATASHARE_GONE, caller);
        // AWS may hide a deauthorized or rejected share entirely: say so rather than "dropped".
        return rt.reportGone(id, wasLive ? { ...gone, sentence: hiddenAdvice(key) } : gone);
      }
      const match = matchAssociation(shares, key, caller);
      if (!match.found && match.reason === "association-gone" && lostAuthorization(shares, key, caller)) {
        // Deauthorized or rejected, as AWS may show it: status drift for the producer, not "gone".
        const lost = { status: NO_ENTRY_STATUS };
        const inputs = { ...liveInputs(key, prior, lost), allowWrites: prior.allowWrites };
        if (inputs.allowWrites === undefined) delete inputs.allowWrites;
        const share = pickDataShare(shares, key.dataShareArn);
        return { id, props: outputsFor(inputs, share, lost), inputs };
      }
      if (!match.found) {
        const recorded = props as Partial<DataShareConsumerOutputs>;
        return rt.reportGone(id, explainGone(key, shares, match, caller, recorded));
      }
      const inputs = liveInputs(key, prior, match.association);
      return { id, props: outputsFor(inputs, match.dataShare, match.association), inputs };
    },

    async delete(id, props) {
      const key = parseId(id);
      const stored = declaredInputs((props ?? {}) as Record<string, unknown>).region;
      const api = apiFor(rt.regionFor(key.dataShareArn, stored, key.apiRegion));
      const what = `the association of ${key.dataShareArn} with ${describeTarget(key.target)}`;
      return rt.deleteUnlessClaimed(
        { canonical: canonicalKey(key), dataShareArn: key.dataShareArn, what },
        async () => {
          try {
            await api.disassociateDataShareConsumer(disassociateRequest(key));
          } catch (e) {
            // Already gone is what delete wants.
            if (isAssociationMissing(e) || isDataShareMissing(e)) return;
            throw rt.explain(e, `disassociating ${key.dataShareArn} from ${describeTarget(key.target)}`);
          }
        },
      );
    },
  };

  function warnStatus(status: string, id: string, stored: Partial<DataShareConsumerOutputs>) {
    rt.warn(statusAdvice(status, parseIdOr(id, stored)));
  }
}

function describeAssociation(key: AssociationKey): string {
  return `the association of ${key.dataShareArn} with ${describeTarget(key.target)}`;
}

/**
 * The datashare is no longer visible to the caller. AWS shows a dropped datashare this way, and
 * may show a deauthorization or a rejection so too (the emulator's `shareHidden`): read cannot tell
 * them apart, and the association is gone either way; the warning names the producer as the remedy.
 */
function hiddenAdvice(key: AssociationKey): string {
  const producerAccount = producerAccountOf(key.dataShareArn);
  const producer = producerAccount ? `the producer (account ${producerAccount})` : "the producer";
  return (
    `${describeAssociation(key)} is gone: the datashare is no longer visible to this account. ${producer} ` +
    "dropped it or deauthorized this account, or this account rejected it. The next `pulumi up` associates it " +
    "again, which fails and changes nothing until the producer authorizes the datashare for this account again; " +
    "remove the resource if the datashare is gone for good."
  );
}

function parseIdOr(id: string, stored: Partial<DataShareConsumerOutputs>): AssociationKey {
  try {
    return parseId(id);
  } catch {
    return keyFromInputs({ ...stored, dataShareArn: stored.dataShareArn ?? "" });
  }
}
