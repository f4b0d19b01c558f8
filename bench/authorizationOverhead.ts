/**
 * DataShareAuthorization's in-process overhead: create (AuthorizeDataShare), read
 * (DescribeDataShares) and delete (DeauthorizeDataShare) through `createAuthorizationProvider`
 * with the producer account's credentials, against the same calls made directly with the SDK, on
 * one authorization the bench seed grants but does not authorize. The loop and the figures are
 * providerOverhead.ts's (measureSides).
 */
import type { Emulator } from "../emulator";
import { createAuthorizationProvider } from "../provider/authorization/provider";
import { measureSides, OverheadOptions, OverheadResult, Side } from "./providerOverhead";
import { createDirectAuthorizationCalls, DirectAuthorizationCalls } from "./sdkBaseline";
import { AuthorizationPlan, BENCH_REGION, planAuthorization } from "./seed";

function providerSide(emulator: Emulator): Side<AuthorizationPlan> {
  const provider = createAuthorizationProvider({
    endpoint: emulator.endpoint,
    stsEndpoint: emulator.endpoint,
    region: BENCH_REGION,
    credentials: emulator.credentials("producer"),
    env: {},
  });
  return {
    create: async (plan, state) => {
      state.id = (
        await provider.create({
          dataShareArn: plan.dataShareArn,
          consumerIdentifier: plan.consumerIdentifier,
        })
      ).id;
    },
    read: (_plan, state) => provider.read(state.id ?? "", {}),
    delete: (_plan, state) => provider.delete(state.id ?? "", {}),
  };
}

function sdkSide(direct: DirectAuthorizationCalls): Side<AuthorizationPlan> {
  return {
    create: (plan) => direct.authorize(plan),
    read: (plan) => direct.describe(plan),
    delete: (plan) => direct.deauthorize(plan),
  };
}

export async function measureAuthorizationOverhead(options: OverheadOptions): Promise<OverheadResult> {
  const { emulator } = options;
  const sides = {
    provider: providerSide(emulator),
    sdk: sdkSide(
      createDirectAuthorizationCalls(
        emulator.endpoint,
        BENCH_REGION,
        emulator.credentials("producer"),
        options.sdkClient,
      ),
    ),
  };
  return measureSides(sides, planAuthorization(emulator), options);
}
