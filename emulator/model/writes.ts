import { InvalidParameterValue } from "../faults";
import type { CallContext } from "./behaviours";

/**
 * Behaviour regionsWithoutWrites: where write sharing is not available, AWS refuses AllowWrites
 * on AuthorizeDataShare and AssociateDataShareConsumer whatever its value, `false` included.
 * The sentence is the one AWS answered (data.all PR #1664).
 */
export function checkWritesAvailable(allowWrites: boolean | undefined, ctx: CallContext): void {
  if (allowWrites !== undefined && ctx.behaviours.regionsWithoutWrites.includes(ctx.region)) {
    throw new InvalidParameterValue("DATA_SHARING_WRITES support is not yet available.");
  }
}
