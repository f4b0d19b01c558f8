import { isDataShareMissing } from "./errors";
import type { DataShareReader } from "./redshiftApi";
import { LiveDataShare } from "./types";

/**
 * DescribeDataShares where it only adds evidence (adopting, explaining a refusal): a missing
 * datashare is an empty answer, and any other failure is no answer rather than a new error.
 */
export async function bestEffortDescribe(
  api: Pick<DataShareReader, "describeDataShares">,
  dataShareArn: string,
): Promise<LiveDataShare[] | undefined> {
  try {
    return await api.describeDataShares(dataShareArn);
  } catch (e) {
    return isDataShareMissing(e) ? [] : undefined;
  }
}
