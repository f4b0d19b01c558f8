/**
 * Single-flight DescribeDataShares: reads of one datashare through one client that arrive while a
 * describe of it is in flight share that describe's answer (every page) or its failure, instead of
 * each asking again. A refresh reads many associations of few datashares at once, so this turns
 * one call per resource into about one per datashare in flight.
 *
 * Only the in-flight window is shared: nothing is kept once the describe lands. Consistency guard:
 * a create or delete of a datashare's association detaches the describes of that datashare in
 * flight when it starts and again when it ends, and while it runs every describe of that
 * datashare is its own call; so no read that starts after a mutation completed is answered by a
 * describe that started before it did.
 *
 * Sharing is per client (the RedshiftApi object: the provider builds one per region, endpoint,
 * profile, attempts and credentials) and per datashare, by its canonical ARN (id.ts), the same
 * identity diff and find use: AWS answers for a datashare whatever the letter case of its ARN.
 * Answers are shared: treat them as read-only.
 */
import { canonicalDataShareArn } from "./id";
import type { RedshiftApi } from "./redshiftApi";
import type { LiveDataShare } from "./types";

export interface DescribeCoalescer {
  /** api.describeDataShares(dataShareArn), shared with a describe of it on the same api in flight. */
  describeDataShares(api: RedshiftApi, dataShareArn: string): Promise<LiveDataShare[]>;
  /** Runs a create or delete of an association of the datashare (see the consistency guard above). */
  whileMutating<T>(dataShareArn: string, mutate: () => Promise<T>): Promise<T>;
}

interface Flight {
  api: RedshiftApi;
  answer: Promise<LiveDataShare[]>;
}

export function createDescribeCoalescer(): DescribeCoalescer {
  /** Describes in flight, by canonical datashare ARN. */
  const flights = new Map<string, Flight[]>();
  /** Creates and deletes in flight, by canonical datashare ARN. */
  const mutations = new Map<string, number>();

  function land(shareKey: string, flight: Flight): void {
    const list = flights.get(shareKey);
    if (!list) return;
    const i = list.indexOf(flight);
    if (i < 0) return;
    list.splice(i, 1);
    if (list.length === 0) flights.delete(shareKey);
  }

  function endMutation(shareKey: string): void {
    const left = (mutations.get(shareKey) ?? 1) - 1;
    if (left === 0) mutations.delete(shareKey);
    else mutations.set(shareKey, left);
    flights.delete(shareKey);
  }

  return {
    describeDataShares(api, dataShareArn) {
      const shareKey = canonicalDataShareArn(dataShareArn);
      if (mutations.has(shareKey)) return api.describeDataShares(dataShareArn);
      const list = flights.get(shareKey);
      if (list) {
        for (const f of list) if (f.api === api) return f.answer;
      }
      const flight: Flight = { api, answer: undefined as unknown as Promise<LiveDataShare[]> };
      // The flight leaves the table in the same step that settles the shared answer, so nobody
      // can join a describe that has already landed.
      flight.answer = api.describeDataShares(dataShareArn).then(
        (shares) => {
          land(shareKey, flight);
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
      const shareKey = canonicalDataShareArn(dataShareArn);
      mutations.set(shareKey, (mutations.get(shareKey) ?? 0) + 1);
      flights.delete(shareKey);
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
