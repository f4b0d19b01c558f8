/**
 * Refresh API budget: the API calls `pulumi refresh` makes for N associations spread over K
 * datashares, counted by the emulator. Each resource's read asks DescribeDataShares for its own
 * datashare, so the count tells whether reads are shared between resources of one datashare.
 */
import type { Emulator } from "../emulator";
import { runOnce } from "./engineScale";
import { sumCounts } from "./stats";

export interface RefreshBudget {
  n: number;
  dataShares: number;
  describeDataShares: number;
  /** Every API call during the refresh, by operation. */
  calls: Record<string, number>;
  totalCalls: number;
  refreshMs: number;
}

export interface RefreshBudgetOptions {
  emulator: Emulator;
  n: number;
  dataShareCounts: number[];
  log?: (line: string) => void;
}

export async function measureRefreshBudget(options: RefreshBudgetOptions): Promise<RefreshBudget[]> {
  const budgets: RefreshBudget[] = [];
  for (const k of options.dataShareCounts) {
    const run = await runOnce(options.emulator, "DataShareConsumer", options.n, k);
    const budget = {
      n: options.n,
      dataShares: k,
      describeDataShares: run.refreshCalls.DescribeDataShares ?? 0,
      calls: run.refreshCalls,
      totalCalls: sumCounts(run.refreshCalls),
      refreshMs: run.refreshMs,
    };
    options.log?.(`refresh budget N=${budget.n} K=${k}: ${JSON.stringify(budget.calls)}`);
    budgets.push(budget);
  }
  return budgets;
}
