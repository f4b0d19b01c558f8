import type { ModelState } from "./types";

/**
 * What a regional endpoint knows: every account (accounts are global) and only the datashares
 * made in its region, the region their ARNs carry. Share records are shared with the full state,
 * so changes made through the regional view land in it.
 */
export function regionalState(state: ModelState, region: string): ModelState {
  return {
    accounts: state.accounts,
    dataShares: state.dataShares.filter((share) => share.region === region),
  };
}
