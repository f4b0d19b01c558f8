/**
 * The DataShareGrant resource provider: GRANT USAGE ON DATASHARE and REVOKE, run in the producer
 * database through the Redshift Data API, on the SQL resources' skeleton (../core/sqlRuntime.ts);
 * check and diff by the pure functions. Whether a grant exists is always read from the system views
 * (SVV_DATASHARES, SVV_DATASHARE_CONSUMERS), never concluded from a statement's answer: AWS does
 * not document what a repeated GRANT or a REVOKE of nothing answers (behaviours `repeatGrant`,
 * `revokeAbsent`), and a lost ExecuteStatement answer may have run the statement anyway.
 */
import type { dynamic } from "@pulumi/pulumi";
import type { DiffResult } from "../core/diff";
import type { SqlApi } from "../core/dataApi";
import { createSqlRuntime, SqlProviderOptions } from "../core/sqlRuntime";
import { describeTarget } from "../core/sqlTarget";
import { SqlStatementError } from "../core/statementRunner";
import {
  decodeDataShareConsumerRow,
  decodeDataShareRow,
  selectDataShareConsumers,
  selectOutboundDataShare,
} from "../core/systemViews";
import { UNKNOWN } from "../core/types";
import { checkGrantInputs } from "./check";
import { arnRegion, diffGrant } from "./diff";
import { DataShareGrantError, dataShareMissingError, grantRefusedError, revokeRefusedError } from "./errors";
import { findGrant, findShare, type GrantMatch, type ShareRow } from "./find";
import { explainGone } from "./gone";
import { describeGrantee } from "./grantee";
import { canonicalKey, formatId, grantIdOf, parseId, type GrantId } from "./id";
import { grantSpec } from "./schema";
import { grantStatement, revokeStatement } from "./statements";
import { dataShareArnOf, declaredInputs, inputsOf, outputsFor, storedGrant } from "./state";
import type { DataShareGrantOutputs } from "./types";

export type GrantProviderOptions = SqlProviderOptions;

type Outs = DataShareGrantOutputs;

/** What the engine hands back from state: outputs (with inputs), possibly empty on import. */
export type StoredGrant = Partial<Outs> | Record<string, unknown>;

export interface DataShareGrantProvider extends dynamic.ResourceProvider {
  configure(req: dynamic.ConfigureRequest): Promise<void>;
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.CheckResult>;
  diff(id: string, olds: StoredGrant, news: Record<string, unknown>): Promise<DiffResult>;
  create(inputs: Record<string, unknown>): Promise<{ id: string; outs: Outs }>;
  read(id: string, props?: StoredGrant): Promise<dynamic.ReadResult<Outs>>;
  update(id: string, olds: StoredGrant, news: Record<string, unknown>): Promise<{ outs: Outs }>;
  delete(id: string, props: StoredGrant): Promise<void>;
}

const text = (v: unknown) => (typeof v === "string" && v !== "" ? v : undefined);

export function createGrantProvider(options: GrantProviderOptions = {}): DataShareGrantProvider {
  const rt = createSqlRuntime(grantSpec.name, DataShareGrantError, options);

  const what = (g: GrantId) =>
    `usage of datashare ${g.dataShareName} by ${describeGrantee(g.consumerIdentifier)}`;

  async function shareOf(api: SqlApi, g: GrantId, action: string): Promise<ShareRow | undefined> {
    const rows = await rt.query(api, g.target, selectOutboundDataShare(g.dataShareName), action);
    return findShare(rows.map(decodeDataShareRow), g.dataShareName);
  }

  async function lookUp(api: SqlApi, g: GrantId, action: string): Promise<GrantMatch> {
    const share = await shareOf(api, g, action);
    if (share === undefined) return { found: false, reason: "datashare-gone" };
    const rows = await rt.query(api, g.target, selectDataShareConsumers(g.dataShareName), action);
    return findGrant([share], rows.map(decodeDataShareConsumerRow), g.dataShareName, g.consumerIdentifier);
  }

  /** After a failed or unanswered statement: the grant as the views show it, or undefined if they can't say. */
  async function lookUpAfter(api: SqlApi, g: GrantId, action: string): Promise<GrantMatch | undefined> {
    try {
      return await lookUp(api, g, action);
    } catch {
      return undefined;
    }
  }

  return {
    async configure(req) {
      rt.configure(req);
    },

    async check(_olds, news) {
      const result = checkGrantInputs(news);
      if (result.failures.length === 0 && grantSpec.keyParts.every((p) => news[p] !== UNKNOWN)) {
        rt.claim(canonicalKey(grantIdOf(declaredInputs(news))));
      }
      return result;
    },

    async diff(id, olds, news) {
      const result = diffGrant({ id, olds: olds as Partial<Outs>, news });
      if (result.changes === false) rt.hold(canonicalKey(grantIdOf(declaredInputs(news))));
      return result;
    },

    /**
     * Reads the datashare (its ARN, and a clear error before any GRANT when it is not there), then
     * GRANT. A GRANT that fails, or whose answer is lost, is followed by a read: a grant that
     * exists is adopted (a repeat AWS refuses, a retry of a lost answer, or one made by hand).
     */
    async create(inputs) {
      rt.requireValid(checkGrantInputs(inputs));
      const declared = declaredInputs(inputs);
      const g = grantIdOf(declared);
      const region = rt.regionFor(declared.region);
      const api = rt.apiFor(region);
      const action = `granting ${what(g)} in ${describeTarget(g.target)}`;
      const share = await shareOf(api, g, action);
      if (share === undefined) throw dataShareMissingError(g.dataShareName, g.target);
      const dataShareArn = dataShareArnOf(share, region);
      await rt.whileMutating(dataShareArn, async () => {
        try {
          await rt.run(api, g.target, grantStatement(g), action);
        } catch (e) {
          const found = await lookUpAfter(api, g, action);
          if (found?.found) return;
          if (e instanceof SqlStatementError && e.kind === "failed") {
            throw grantRefusedError(e, g.dataShareName, g.consumerIdentifier);
          }
          throw e;
        }
      });
      rt.hold(canonicalKey(g));
      return {
        id: formatId({ ...g, target: { ...g.target, region } }),
        outs: outputsFor(declared, dataShareArn, region),
      };
    },

    async read(id, props = {}) {
      const bag = props as Record<string, unknown>;
      const g = storedGrant(parseId(id), declaredInputs(bag));
      const region = rt.regionFor(g.target.region, arnRegion(bag.dataShareArn));
      const api = rt.apiFor(region);
      const match = await lookUp(api, g, `reading ${what(g)} in ${describeTarget(g.target)}`);
      if (!match.found) return rt.reportGone(id, explainGone(g, match));
      const inputs = inputsOf(g);
      return { id, props: outputsFor(inputs, dataShareArnOf(match.share, region), region), inputs };
    },

    /** Every change that keeps the key is the same grant reached another way: state only. */
    async update(id, olds, news) {
      rt.requireValid(checkGrantInputs(news));
      const held = parseId(id);
      rt.hold(canonicalKey(held));
      const declared = declaredInputs(news);
      const prior = olds as Record<string, unknown>;
      const stored = text(prior.dataShareArn);
      const region = rt.regionFor(declared.region, prior.region, held.target.region, arnRegion(stored));
      if (stored !== undefined) return { outs: outputsFor(declared, stored, region) };
      const g = grantIdOf(declared);
      const share = await shareOf(rt.apiFor(region), g, `reading datashare ${g.dataShareName}`);
      return { outs: outputsFor(declared, share ? dataShareArnOf(share, region) : undefined, region) };
    },

    /**
     * REVOKE, unless the program still declares the grant in this run (claims). A REVOKE that fails
     * is followed by a read: a grant (or datashare) that is not there is done, whatever AWS answered.
     */
    async delete(id, props) {
      const bag = props as Record<string, unknown>;
      const g = storedGrant(parseId(id), declaredInputs(bag));
      const dataShareArn = text(bag.dataShareArn);
      const region = rt.regionFor(g.target.region, arnRegion(dataShareArn));
      const action = `revoking ${what(g)} in ${describeTarget(g.target)}`;
      await rt.deleteUnlessClaimed(
        { canonical: canonicalKey(g), ...(dataShareArn ? { dataShareArn } : {}), what: what(g) },
        async () => {
          const api = rt.apiFor(region);
          try {
            await rt.run(api, g.target, revokeStatement(g), action);
          } catch (e) {
            const found = await lookUpAfter(api, g, action);
            if (found !== undefined && !found.found) return;
            if (found?.found && e instanceof SqlStatementError && e.kind === "failed") {
              throw revokeRefusedError(e, g.dataShareName, g.consumerIdentifier);
            }
            throw e;
          }
        },
      );
    },
  };
}
