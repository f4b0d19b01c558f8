/**
 * The live datashare, from the producer's system views: its SVV_DATASHARES row (OUTBOUND, by
 * name) and its SVV_DATASHARE_OBJECTS rows. Undefined when the namespace has no such datashare.
 */
import type { SqlApi } from "../core/dataApi";
import type { SqlRuntime } from "../core/sqlRuntime";
import type { SqlTarget } from "../core/sqlTarget";
import {
  decodeDataShareObjectRow,
  decodeDataShareRow,
  selectDataShareObjects,
  selectOutboundDataShare,
  type DataShareObjectRow,
  type DataShareRow,
} from "../core/systemViews";

export interface LiveShare {
  share: DataShareRow;
  objects: DataShareObjectRow[];
}

export async function findDataShare(
  rt: SqlRuntime,
  api: SqlApi,
  target: SqlTarget,
  name: string,
): Promise<LiveShare | undefined> {
  const action = `reading datashare ${name}`;
  const shares = (await rt.query(api, target, selectOutboundDataShare(name), action)).map(decodeDataShareRow);
  const share = shares.find((s) => s.shareName === name && s.shareType === "OUTBOUND");
  if (share === undefined) return undefined;
  const objects = (await rt.query(api, target, selectDataShareObjects(name), action))
    .map(decodeDataShareObjectRow)
    .filter((o) => o.shareName === name);
  return { share, objects };
}
