/**
 * The DataShareDatabase resource provider on the SQL runtime (../core/sqlRuntime.ts): the
 * consumer's CREATE DATABASE … FROM DATASHARE and DROP DATABASE, each a single statement (neither
 * runs in a transaction block), and reads from the consumer's system views.
 *
 * Nothing is lost and everything converges: a create that fails (a lost answer the SDK retried, an
 * interrupted `up`) looks at the views and adopts a database of its name made from its datashare;
 * a database of that name made from anything else is refused, named. Delete drops only a database
 * a datashare made, and only when no check of this run still declares it (claims).
 */
import type { dynamic } from "@pulumi/pulumi";
import { SqlApi } from "../core/dataApi";
import type { DiffResult } from "../core/diff";
import { createSqlRuntime, SqlProviderOptions } from "../core/sqlRuntime";
import { describeTarget, SqlTarget, sqlTargetOf } from "../core/sqlTarget";
import { SqlStatementError } from "../core/statementRunner";
import {
  decodeDatabaseRow,
  decodeDataShareRow,
  selectDatabase,
  selectInboundDataShare,
  selectInboundDataShareOfDatabase,
} from "../core/systemViews";
import { UNKNOWN } from "../core/types";
import { checkInputs } from "./check";
import { diffDatabase, recordedIdentity, recordedShare } from "./diff";
import { databaseTakenError, DataShareDatabaseError, notAssociatedError } from "./errors";
import { describeShare, findDatabase, madeFrom, sameShare } from "./find";
import { goneReport, unfedAdvice } from "./gone";
import {
  canonicalKey,
  formatId,
  identityOfInputs,
  keyFromInputs,
  parseId,
  shareOfArn,
  targetInputsFromKey,
} from "./id";
import { databaseSpec } from "./schema";
import { createDatabaseSql, dropDatabaseSql } from "./statements";
import { createdInputs, declaredInputs, outputsFor, readInputs } from "./state";
import type { DatabaseKey, DataShareDatabaseOutputs, InboundShare, LiveDatabase } from "./types";

export type DatabaseProviderOptions = SqlProviderOptions;

/** What the engine hands back from state: outputs (with inputs), possibly empty on import. */
export type StoredDatabase = Partial<DataShareDatabaseOutputs> | Record<string, unknown>;

export interface DataShareDatabaseProvider extends dynamic.ResourceProvider {
  configure(req: dynamic.ConfigureRequest): Promise<void>;
  check(olds: Record<string, unknown>, news: Record<string, unknown>): Promise<dynamic.CheckResult>;
  diff(id: string, olds: StoredDatabase, news: Record<string, unknown>): Promise<DiffResult>;
  create(inputs: Record<string, unknown>): Promise<{ id: string; outs: DataShareDatabaseOutputs }>;
  update(
    id: string,
    olds: StoredDatabase,
    news: Record<string, unknown>,
  ): Promise<{ outs: DataShareDatabaseOutputs }>;
  read(id: string, props?: StoredDatabase): Promise<dynamic.ReadResult<DataShareDatabaseOutputs>>;
  delete(id: string, props: StoredDatabase): Promise<void>;
}

type Bag = Record<string, unknown>;

export function createDatabaseProvider(options: DatabaseProviderOptions = {}): DataShareDatabaseProvider {
  const rt = createSqlRuntime(databaseSpec.name, DataShareDatabaseError, options);

  /** Where the statements of a resource run: the ID's target, the stored or declared credentials. */
  function targetOf(key: DatabaseKey, bag: Bag): SqlTarget {
    return sqlTargetOf({ ...declaredInputs(bag), ...targetInputsFromKey(key) });
  }

  /** The region a stored resource's calls go to: the one recorded, else the ID's, else the provider's. */
  const storedRegion = (key: DatabaseKey, bag: Bag, declared?: unknown) =>
    rt.regionFor(declared, bag.region, key.region);

  /** The database of that name as the consumer's views show it. */
  async function lookUp(api: SqlApi, target: SqlTarget, name: string): Promise<LiveDatabase> {
    const action = `reading database ${name} on ${describeTarget(target)}`;
    const [databases, inbound] = await Promise.all([
      rt.query(api, target, selectDatabase(name), action),
      rt.query(api, target, selectInboundDataShareOfDatabase(name), action),
    ]);
    return findDatabase(name, databases.map(decodeDatabaseRow), inbound.map(decodeDataShareRow));
  }

  /** Whether the datashare reaches the connected namespace (an INBOUND row). */
  async function reaches(api: SqlApi, target: SqlTarget, share: InboundShare): Promise<boolean> {
    const sql = selectInboundDataShare(
      share.dataShareName,
      share.producerAccount,
      share.producerNamespace.toLowerCase(),
    );
    const rows = await rt.query(
      api,
      target,
      sql,
      `reading ${describeShare(share)} on ${describeTarget(target)}`,
    );
    return rows.length > 0;
  }

  /**
   * CREATE DATABASE failed, or its answer never came. The views decide: a database of the name made
   * from the declared datashare is adopted; one made from anything else is refused, named; none,
   * with the datashare not reaching the namespace, is "associate first"; otherwise the failure stands.
   */
  async function adoptOrExplain(
    api: SqlApi,
    target: SqlTarget,
    name: string,
    share: InboundShare,
    err: unknown,
    action: string,
  ) {
    let live: LiveDatabase;
    try {
      live = await lookUp(api, target, name);
    } catch {
      throw err;
    }
    if (live.exists && sameShare(madeFrom(live), share)) return live;
    const statement = err instanceof SqlStatementError ? err : undefined;
    if (live.exists) throw databaseTakenError(action, name, live, share, statement);
    const reached = await reaches(api, target, share).catch(() => true);
    if (!reached) throw notAssociatedError(action, share, statement);
    throw err;
  }

  /**
   * A delete-first replacement drops the database before it creates the new one: so that an `up`
   * that cannot succeed changes nothing, diff checks read-only that the create can succeed (the
   * datashare reaches the namespace, the name is free or the database's own) and fails the preview
   * otherwise. A look-up that fails for another reason concludes nothing.
   */
  async function requireReplaceable(id: string, olds: Bag, news: Bag): Promise<void> {
    const known = [...databaseSpec.keyParts, "dataShareArn", "database"].every((p) => news[p] !== UNKNOWN);
    if (!known || checkInputs(news).failures.length > 0) return;
    const key = keyFromInputs(news);
    const target = sqlTargetOf(news);
    const share = shareOfArn(news.dataShareArn)!;
    const action = `replace database ${parseOr(id, {}).name} with database ${key.name} on ${describeTarget(target)}`;
    let live: LiveDatabase;
    let reached: boolean;
    try {
      const api = rt.apiFor(storedRegion(parseOr(id, olds), olds, target.region));
      [live, reached] = await Promise.all([lookUp(api, target, key.name), reaches(api, target, share)]);
    } catch {
      return;
    }
    if (!reached) throw notAssociatedError(action, share, undefined);
    if (live.exists && key.name !== parseOr(id, {}).name && !sameShare(madeFrom(live), share)) {
      throw databaseTakenError(action, key.name, live, share);
    }
  }

  /** The views' datashare for the outputs: the feeding one, else (views slower than the create) the declared. */
  const feeding = (live: LiveDatabase, declared: InboundShare) =>
    live.exists && live.fromDataShare ? (live.share ?? (live.origin ? undefined : declared)) : declared;

  return {
    async configure(req) {
      rt.configure(req);
    },

    async check(_olds, news) {
      const result = checkInputs(news);
      const known = [...databaseSpec.keyParts, "dataShareArn", "withPermissions"].every(
        (p) => news[p] !== UNKNOWN,
      );
      if (result.failures.length === 0 && known) {
        rt.claim(canonicalKey(identityOfInputs(news)));
      }
      return result;
    },

    async diff(id, olds, news) {
      const stored = olds as Partial<DataShareDatabaseOutputs>;
      const result = diffDatabase({ id, olds: stored, news });
      if (
        stored.dataShareName === undefined &&
        typeof stored.dataShareArn === "string" &&
        stored.name !== undefined
      ) {
        // Preview has no other channel: say that only the producer's side can make the database usable.
        rt.warn(unfedAdvice(parseOr(id, stored), shareOfArn(stored.dataShareArn)));
      }
      if (result.changes === false) rt.hold(canonicalKey(identityOfInputs(news)));
      if (result.deleteBeforeReplace && result.replaces.length > 0)
        await requireReplaceable(id, stored, news);
      return result;
    },

    async create(inputs) {
      rt.requireValid(checkInputs(inputs));
      const declared = createdInputs(declaredInputs(inputs));
      const target = sqlTargetOf(declared);
      const region = rt.regionFor(target.region);
      const key = { ...keyFromInputs(declared), region };
      const share = shareOfArn(declared.dataShareArn)!;
      const api = rt.apiFor(region);
      const action = `create database ${key.name} on ${describeTarget(target)}`;
      const sql = createDatabaseSql({
        name: key.name,
        dataShareArn: String(declared.dataShareArn),
        withPermissions: declared.withPermissions === true,
      });
      let live: LiveDatabase;
      try {
        await rt.run(api, target, sql, action);
        live = await lookUp(api, target, key.name).catch((): LiveDatabase => ({
          exists: true,
          fromDataShare: true,
        }));
      } catch (e) {
        live = await adoptOrExplain(api, target, key.name, share, e, action);
      }
      rt.hold(canonicalKey(identityOfInputs(declared)));
      return { id: formatId(key), outs: outputsFor(declared, region, feeding(live, share)) };
    },

    /** diff plans an update only for how the database is reached: state only, checked by a read. */
    async update(id, olds, news) {
      rt.requireValid(checkInputs(news));
      const stored = olds as Partial<DataShareDatabaseOutputs>;
      const declared = { ...declaredInputs(news), withPermissions: news.withPermissions === true };
      const key = keyFromInputs(declared);
      const target = sqlTargetOf(declared);
      const region = storedRegion(parseOr(id, stored), olds as Bag, target.region);
      const api = rt.apiFor(region);
      const live = await lookUp(api, target, key.name);
      rt.hold(canonicalKey(identityOfInputs(declared)));
      const share = live.exists && live.fromDataShare ? live.share : recordedShare(stored);
      return { outs: outputsFor(declared, region, share) };
    },

    async read(id, props = {}) {
      const key = parseId(id);
      const stored = props as Bag;
      const target = targetOf(key, stored);
      const region = storedRegion(key, stored);
      const api = rt.apiFor(region);
      const live = await lookUp(api, target, key.name);
      const where = `database ${key.name} on ${describeTarget(target)}`;
      const declared = recordedShare(stored as Partial<DataShareDatabaseOutputs>);
      if (!live.exists || !live.fromDataShare) {
        const reached = declared === undefined ? true : await reaches(api, target, declared);
        return rt.reportGone(id, goneReport(where, reached, declared, live.exists));
      }
      if (live.share === undefined) rt.warn(unfedAdvice(key, declared));
      const inputs = readInputs(key, stored, live.share ?? live.origin, region);
      if (typeof stored.withPermissions === "boolean") inputs.withPermissions = stored.withPermissions;
      return { id, props: outputsFor(inputs, region, live.share), inputs };
    },

    async delete(id, props) {
      const key = parseId(id);
      const stored = (props ?? {}) as Bag;
      const target = targetOf(key, stored);
      const api = rt.apiFor(storedRegion(key, stored));
      const identity = recordedIdentity(id, stored as Partial<DataShareDatabaseOutputs>);
      const what = `database ${key.name} on ${describeTarget(target)}`;
      return rt.deleteUnlessClaimed({ canonical: canonicalKey(identity), what }, async () => {
        const live = await lookUp(api, target, key.name);
        if (!live.exists) return; // already gone is what delete wants
        if (!live.fromDataShare) {
          // Never drop a database no datashare made: it holds data of its own.
          rt.warn(`${what} is a local database now, not one made from a datashare; left in place.`);
          return;
        }
        try {
          await rt.run(api, target, dropDatabaseSql(key.name), `drop ${what}`);
        } catch (e) {
          if ((await lookUp(api, target, key.name).catch(() => live)).exists) throw e;
        }
      });
    },
  };
}

function parseOr(id: string, stored: Partial<DataShareDatabaseOutputs>): DatabaseKey {
  try {
    return parseId(id);
  } catch {
    return keyFromInputs(stored);
  }
}
