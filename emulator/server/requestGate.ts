import { ServiceUnavailable, ThrottlingException } from "../faults";
import type { Caller } from "../model/principals";
import type { FaultInjector, RequestCounter } from "./faultInjector";

/**
 * What every AWS request passes before it runs, whatever its protocol: the caller's token bucket,
 * then the random throttling and server errors. Counts the outcome; throws the fault to answer.
 */
export function gateRequest(
  deps: { faults: FaultInjector; counter: RequestCounter },
  action: string,
  caller: Caller,
): void {
  if (
    !deps.faults.admit({ accountId: caller.principal.accountId, region: caller.region, operation: action })
  ) {
    deps.counter.recordOutcome(action, "rateLimited");
    throw new ThrottlingException("Rate exceeded");
  }
  const decision = deps.faults.decide();
  if (decision === "throttle") {
    deps.counter.recordOutcome(action, "throttled");
    throw new ThrottlingException("Rate exceeded");
  }
  if (decision === "serverError") {
    deps.counter.recordOutcome(action, "serverError");
    throw new ServiceUnavailable("The service is unavailable. Please try again later.");
  }
  deps.counter.recordOutcome(action, "accepted");
}
