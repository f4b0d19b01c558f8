/**
 * The banner's Data API section: for each namespace the Data API reaches, the cluster or
 * workgroup and the database to name in ExecuteStatement, producers first. An account's role comes
 * from the datashares: one that neither produces nor is offered any (a seed with no datashares) has
 * none printed. Pure: state in, text out.
 */
import { databaseOf } from "./model/catalog";
import type { ModelState } from "./model/types";

export function dataApiLines(state: ModelState): string[] {
  const producers = new Set(state.dataShares.map((s) => s.producerAccount));
  const consumers = new Set(state.dataShares.flatMap((s) => s.consumers.map((c) => c.accountId)));
  const accounts = [...state.accounts].sort(
    (a, b) => Number(producers.has(b.id)) - Number(producers.has(a.id)),
  );
  const lines: string[] = [];
  for (const account of accounts) {
    for (const ns of account.namespaces) {
      const where = ns.cluster
        ? `ClusterIdentifier=${ns.cluster}`
        : ns.workgroup
          ? `WorkgroupName=${ns.workgroup}`
          : undefined;
      if (!where) continue;
      const role = producers.has(account.id) ? "producer, " : consumers.has(account.id) ? "consumer, " : "";
      lines.push(
        `  ${`${account.name} ${account.id}`.padEnd(24)} ${where} Database=${databaseOf(ns)}` +
          `  (${role}namespace ${ns.id}, ${ns.region})`,
      );
    }
  }
  return lines.length > 0 ? lines : ["  none"];
}
