/**
 * The DataShare resource provider (the producer's datashare): create, read, update, delete by SQL
 * over the Redshift Data API, on the SQL resources' skeleton (../core/sqlRuntime.ts); check, diff
 * and the statements by the pure functions beside it.
 *
 * Every write converges: create adopts a datashare of that name that exists (a lost answer, an
 * interrupted up, `up --replace`) and takes its objects to the declared ones; update reads the live
 * objects first and sends only the difference. The statements go in one batch (one transaction)
 * where Redshift allows datashare DDL in a transaction, else one at a time; one at a time, a REMOVE
 * of an object already gone and an ADD of one already shared count as done.
 */
import type { dynamic } from "@pulumi/pulumi";
import type { SqlApi } from "../core/dataApi";
import type { DiffResult } from "../core/diff";
import { SqlStatementError } from "../core/statementRunner";
import { createSqlRuntime, type SqlProviderOptions, type SqlRuntime } from "../core/sqlRuntime";
import { describeTarget, sqlTargetOf, type SqlTarget } from "../core/sqlTarget";
import { UNKNOWN } from "../core/types";
import { checkDataShareInputs } from "./check";
import { declaredContents } from "./contents";
import { diffDataShare } from "./diff";
import {
  DataShareError,
  isDataShareAbsent,
  isDataShareExisting,
  isObjectAbsent,
  isObjectPresent,
  isRefusedInTransaction,
} from "./errors";
import { findDataShare, type LiveShare } from "./find";
import { canonicalKey, formatId, keyOf, parseId } from "./id";
import { dataShareSpec } from "./schema";
import { contentsOf, dataShareArnOf, declaredInputs, liveInputs, outputsFor } from "./state";
import { alterStatements, createStatement, dropStatement, type PlannedStatement } from "./statements";
import type { DataShareInputs, DataShareOutputs } from "./types";

export type DataShareProviderOptions = SqlProviderOptions;

type Outs = DataShareOutputs;
type Bag = Record<string, unknown>;

/** What the engine hands back from state: outputs (with inputs), possibly empty on import. */
export type StoredDataShare = Partial<Outs> | Bag;

export interface DataShareProvider extends dynamic.ResourceProvider {
  configure(req: dynamic.ConfigureRequest): Promise<void>;
  check(olds: Bag, news: Bag): Promise<dynamic.CheckResult>;
  diff(id: string, olds: StoredDataShare, news: Bag): Promise<DiffResult>;
  create(inputs: Bag): Promise<{ id: string; outs: Outs }>;
  read(id: string, props?: StoredDataShare): Promise<dynamic.ReadResult<Outs>>;
  update(id: string, olds: StoredDataShare, news: Bag): Promise<{ outs: Outs }>;
  delete(id: string, props: StoredDataShare): Promise<void>;
}

/** Where a datashare's statements go, and the client for its region. */
interface Place {
  api: SqlApi;
  target: SqlTarget;
  region: string;
}

export function createDataShareProvider(options: DataShareProviderOptions = {}): DataShareProvider {
  const rt: SqlRuntime = createSqlRuntime(dataShareSpec.name, DataShareError, options);

  /** Declared inputs' place: the declared region, else the `recorded` ones in order, else the provider's. */
  function placeOf(inputs: Bag, ...recorded: unknown[]): Place {
    const target = sqlTargetOf(inputs);
    const region = rt.regionFor(target.region, ...recorded);
    return { api: rt.apiFor(region), target, region };
  }

  /**
   * The statements in one batch (one transaction), else one at a time. A failed batch kept nothing:
   * when its failed statement wanted what is already so (its object gone or already shared, e.g.
   * after a lost answer ran the batch once already) it is left out and the rest sent again.
   */
  async function apply(
    place: Place,
    planned: PlannedStatement[],
    action: string,
    dataShareArn?: string,
  ): Promise<void> {
    let pending = planned;
    while (pending.length > 1) {
      try {
        await rt.run(
          place.api,
          place.target,
          pending.map((p) => p.sql),
          action,
          dataShareArn,
        );
        return;
      } catch (e) {
        if (isRefusedInTransaction(e)) break;
        const failed = e instanceof SqlStatementError ? e.failedStatement : undefined;
        if (failed === undefined || !alreadySo(pending[failed], e)) throw e;
        pending = pending.filter((_, i) => i !== failed);
      }
    }
    for (const statement of pending) {
      try {
        await rt.run(place.api, place.target, statement.sql, action, dataShareArn);
      } catch (e) {
        if (!alreadySo(statement, e)) throw e;
      }
    }
  }

  async function requireLive(place: Place, name: string): Promise<LiveShare> {
    const live = await findDataShare(rt, place.api, place.target, name);
    if (live === undefined) {
      throw new DataShareError(
        "DataShareNotFound",
        `datashare ${name} is not in the namespace of ${describePlace(place)} after it was created or altered; run pulumi up again.`,
      );
    }
    return live;
  }

  /** Takes the live datashare's objects to the declared ones; `recorded` gives the ALL flags. */
  async function converge(place: Place, declared: DataShareInputs, recorded: unknown): Promise<LiveShare> {
    const live = await requireLive(place, declared.name);
    const planned = alterStatements(
      declared.name,
      contentsOf(live, recorded),
      declaredContents(declared.schemas, declared.publicAccessible),
    );
    if (planned.length === 0) return live;
    // PUBLICACCESSIBLE shows in DescribeDataShares: no describe from before the ALTER is reused after it.
    const { share } = live;
    const arn = dataShareArnOf(place.region, share.producerAccount, share.producerNamespace, share.shareName);
    await apply(place, planned, `altering datashare ${declared.name}`, arn);
    return requireLive(place, declared.name);
  }

  /** CREATE and the ADDs and SETs; a datashare of that name that exists is adopted and converged. */
  async function createShare(place: Place, declared: DataShareInputs): Promise<LiveShare> {
    const publicAccessible = declared.publicAccessible === true;
    const create = createStatement(declared.name, publicAccessible);
    const alters = alterStatements(
      declared.name,
      { schemas: [], publicAccessible },
      declaredContents(declared.schemas, publicAccessible),
    );
    try {
      await apply(place, [{ sql: create, removes: false }, ...alters], `creating datashare ${declared.name}`);
    } catch (e) {
      if (!isDataShareExisting(e)) throw e;
      // It exists (an answer was lost, an up interrupted, or --replace): adopt it and converge.
      return converge(place, declared, []);
    }
    return requireLive(place, declared.name);
  }

  return {
    async configure(req) {
      rt.configure(req);
    },

    async check(_olds, news) {
      const result = checkDataShareInputs(news);
      const known = dataShareSpec.keyParts.every((p) => news[p] !== UNKNOWN);
      if (result.failures.length === 0 && known) {
        const region = rt.defaultRegion(news.region);
        if (region !== undefined) {
          const target = sqlTargetOf(news);
          rt.claim(canonicalKey(keyOf(target, String(news.name), region)));
        }
      }
      return result;
    },

    async diff(_id, olds, news) {
      const result = diffDataShare(olds as Partial<Outs>, news);
      if (result.changes === false && checkDataShareInputs(news).failures.length === 0) {
        rt.hold(
          canonicalKey(keyOf(sqlTargetOf(news), String(news.name), String((olds as Bag).region ?? ""))),
        );
      }
      return result;
    },

    async create(inputs) {
      rt.requireValid(checkDataShareInputs(inputs));
      const declared = declaredInputs(inputs);
      const place = placeOf(inputs);
      const live = await createShare(place, declared);
      const key = keyOf(place.target, declared.name, place.region);
      rt.hold(canonicalKey(key));
      return { id: formatId(key), outs: outputsFor(declared, place.region, live) };
    },

    async read(id, props = {}) {
      const key = parseId(id);
      const stored = props as Bag;
      const prior = declaredInputs(stored);
      const target: SqlTarget = {
        ...sqlTargetOf(stored),
        ...key.target,
        database: typeof stored.database === "string" ? stored.database : key.database,
      };
      const region = rt.regionFor(stored.region, key.region);
      const place: Place = { api: rt.apiFor(region), target, region };
      const live = await findDataShare(rt, place.api, target, key.name);
      if (live === undefined) {
        return rt.reportGone(id, {
          reason: { kind: "datashare-gone" },
          sentence: `datashare ${key.name} no longer exists in the namespace of ${describePlace(place)}; refresh removes it from the stack's state, and the next up creates it again.`,
        });
      }
      const inputs = liveInputs(key, prior, target, live);
      return { id, props: outputsFor(inputs, region, live), inputs };
    },

    /** Only the difference from the live objects; access changes (database, dbUser, secretArn) are state only. */
    async update(id, olds, news) {
      rt.requireValid(checkDataShareInputs(news));
      const declared = declaredInputs(news);
      const before = olds as Partial<Outs>;
      const place = placeOf(news, before.region, parseId(id).region);
      rt.hold(canonicalKey(keyOf(place.target, declared.name, place.region)));
      const live = await findDataShare(rt, place.api, place.target, declared.name);
      // Dropped out of band since the last refresh: the program still declares it, so make it again.
      const after =
        live === undefined
          ? await createShare(place, declared)
          : await converge(place, declared, before.schemas);
      return { outs: outputsFor(declared, place.region, after) };
    },

    async delete(id, props) {
      const key = parseId(id);
      const stored = (props ?? {}) as Bag;
      const target: SqlTarget = { ...sqlTargetOf(stored), ...key.target, database: key.database };
      const region = rt.regionFor(stored.region, key.region);
      const place: Place = { api: rt.apiFor(region), target, region };
      const dataShareArn = typeof stored.dataShareArn === "string" ? stored.dataShareArn : undefined;
      return rt.deleteUnlessClaimed(
        {
          canonical: canonicalKey({ ...key, region }),
          ...(dataShareArn !== undefined ? { dataShareArn } : {}),
          what: `datashare ${key.name} of ${describePlace(place)}`,
        },
        async () => {
          try {
            await rt.run(place.api, place.target, dropStatement(key.name), `dropping datashare ${key.name}`);
          } catch (e) {
            if (isDataShareAbsent(e)) return; // already dropped: what delete wants
            throw e;
          }
        },
      );
    },
  };
}

/** A statement's failure that means what it wanted is already so. */
function alreadySo(statement: PlannedStatement, e: unknown): boolean {
  return statement.removes ? isObjectAbsent(e) : isObjectPresent(e);
}

function describePlace(place: Place): string {
  return `${describeTarget(place.target)} (${place.region})`;
}
