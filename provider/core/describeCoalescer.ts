/**
 * Shared DescribeDataShares: reads of one datashare through one client share one describe's answer
 * (every page) instead of each asking again. A refresh reads many associations of few datashares,
 * so this turns one call per resource into about one per datashare, which keeps a large refresh
 * inside the account's API rate limit.
 *
 * A read joins a describe of its datashare in flight (and shares its failure), or reuses the answer
 * of one that was sent no more than `reuseMs` before the read started; failures are never kept.
 *
 * Consistency guard: a create or delete of a datashare's association forgets the kept answer and
 * detaches the describes in flight of that datashare when it starts and again when it ends, and
 * while it runs every describe of that datashare is its own call and is not kept. So a read that
 * starts after a mutation completed is never answered by a describe sent before it did.
 *
 * Bounded: an answer is dropped once it is older than the longest reuse any read has asked for
 * (so with reuse 0 nothing stays), and at most MAX_KEPT_DATASHARES datashares keep answers, the
 * longest-kept dropped first. What stays is one answer per datashare and client: a refresh of
 * 1,000 associations over 25 datashares keeps 25 answers, not 1,000.
 *
 * Sharing is per client (the adapter object: each provider builds one per region, endpoint,
 * profile, attempts and credentials) and per datashare, by its identity (identity.ts), the same
 * identity diff and find use: AWS answers for a datashare whatever the letter case of its ARN.
 * Answers are shared: treat them as read-only.
 */
import { dataShareIdentity } from "./identity";
import type { DataShareReader } from "./redshiftApi";
import type { LiveDataShare } from "./types";

export interface DescribeCoalescer {
  /**
   * api.describeDataShares(dataShareArn), shared with a describe of it on the same api in flight,
   * or answered by one sent at most `reuseMs` ago (0: only in flight).
   */
  describeDataShares(api: DataShareReader, dataShareArn: string, reuseMs?: number): Promise<LiveDataShare[]>;
  /** Runs a create or delete of an association of the datashare (see the consistency guard above). */
  whileMutating<T>(dataShareArn: string, mutate: () => Promise<T>): Promise<T>;
  /** How many answers are kept now, over every datashare and client. */
  keptAnswers(): number;
}

export interface DescribeCoalescerOptions {
  /** Milliseconds on a monotonic clock; defaults to performance.now. */
  now?: () => number;
  /** Defaults to MAX_KEPT_DATASHARES. */
  maxKeptDataShares?: number;
}

export const MAX_KEPT_DATASHARES = 1024;

interface Flight {
  api: DataShareReader;
  answer: Promise<LiveDataShare[]>;
}

interface Kept {
  api: DataShareReader;
  shares: LiveDataShare[];
  sentAt: number;
}

export function createDescribeCoalescer(options: DescribeCoalescerOptions = {}): DescribeCoalescer {
  const now = options.now ?? (() => performance.now());
  const maxKept = options.maxKeptDataShares ?? MAX_KEPT_DATASHARES;
  /** The longest reuse a read has asked for: no read can use an answer older than that. */
  let longestReuseMs = 0;
  /** Describes in flight, by canonical datashare ARN. */
  const flights = new Map<string, Flight[]>();
  /** The latest answer per client, by canonical datashare ARN. */
  const kept = new Map<string, Kept[]>();
  /** Creates and deletes in flight, by canonical datashare ARN. */
  const mutations = new Map<string, number>();
  /** Bumped when a mutation starts or ends: an answer sent before that is not kept. */
  const generations = new Map<string, number>();

  function forget(shareKey: string): void {
    flights.delete(shareKey);
    kept.delete(shareKey);
    generations.set(shareKey, (generations.get(shareKey) ?? 0) + 1);
  }

  function land(shareKey: string, flight: Flight): void {
    const list = flights.get(shareKey);
    if (!list) return;
    const i = list.indexOf(flight);
    if (i < 0) return;
    list.splice(i, 1);
    if (list.length === 0) flights.delete(shareKey);
  }

  function keep(shareKey: string, entry: Kept): void {
    const list = (kept.get(shareKey) ?? []).filter((k) => k.api !== entry.api);
    list.push(entry);
    // Re-inserted so that the map's order is the order of keeping, oldest first.
    kept.delete(shareKey);
    kept.set(shareKey, list);
    dropStale();
  }

  function dropStale(): void {
    const at = now();
    for (const [key, list] of kept) {
      const fresh = longestReuseMs > 0 ? list.filter((k) => at - k.sentAt <= longestReuseMs) : [];
      if (fresh.length === 0) kept.delete(key);
      else if (fresh.length !== list.length) kept.set(key, fresh);
    }
    for (const key of kept.keys()) {
      if (kept.size <= maxKept) break;
      kept.delete(key);
    }
  }

  /** How many answers are kept (for tests of the bound). */
  function keptAnswers(): number {
    let count = 0;
    for (const list of kept.values()) count += list.length;
    return count;
  }

  function reusable(shareKey: string, api: DataShareReader, reuseMs: number): Kept | undefined {
    if (reuseMs <= 0) return undefined;
    const entry = kept.get(shareKey)?.find((k) => k.api === api);
    return entry !== undefined && now() - entry.sentAt <= reuseMs ? entry : undefined;
  }

  function endMutation(shareKey: string): void {
    const left = (mutations.get(shareKey) ?? 1) - 1;
    if (left === 0) mutations.delete(shareKey);
    else mutations.set(shareKey, left);
    forget(shareKey);
  }

  return {
    keptAnswers,

    describeDataShares(api, dataShareArn, reuseMs = 0) {
      longestReuseMs = Math.max(longestReuseMs, reuseMs);
      const shareKey = dataShareIdentity(dataShareArn);
      if (mutations.has(shareKey)) return api.describeDataShares(dataShareArn);
      const reused = reusable(shareKey, api, reuseMs);
      if (reused) return Promise.resolve(reused.shares);
      const list = flights.get(shareKey);
      if (list) {
        for (const f of list) if (f.api === api) return f.answer;
      }
      const sentAt = now();
      const generation = generations.get(shareKey) ?? 0;
      const flight: Flight = { api, answer: undefined as unknown as Promise<LiveDataShare[]> };
      // The flight leaves the table in the same step that settles the shared answer, so nobody
      // can join a describe that has already landed.
      flight.answer = api.describeDataShares(dataShareArn).then(
        (shares) => {
          land(shareKey, flight);
          if ((generations.get(shareKey) ?? 0) === generation) keep(shareKey, { api, shares, sentAt });
          return shares;
        },
        (e: unknown) => {
          land(shareKey, flight);
          throw e;
        },
      );
      if (list) list.push(flight);
      else flights.set(shareKey, [flight]);
      return flight.answer;
    },

    whileMutating<T>(dataShareArn: string, mutate: () => Promise<T>): Promise<T> {
      const shareKey = dataShareIdentity(dataShareArn);
      mutations.set(shareKey, (mutations.get(shareKey) ?? 0) + 1);
      forget(shareKey);
      let running: Promise<T>;
      try {
        running = mutate();
      } catch (e) {
        endMutation(shareKey);
        return Promise.reject(e);
      }
      return running.then(
        (result) => {
          endMutation(shareKey);
          return result;
        },
        (e: unknown) => {
          endMutation(shareKey);
          throw e;
        },
      );
    },
  };
}
