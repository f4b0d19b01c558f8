/** Provider overhead in-process (bench/README.md, Method): each provider against direct SDK calls. */
import * as rs from "@aws-sdk/client-redshift";
import type { AwsCredentials } from "pulumi-redshift-datashare/provider";
import { providerEntry } from "./entry";
import type { Emulator } from "../emulator";
import { BENCH_REGION, planAssociations, planAuthorization } from "./seed";
import { countsDelta, median, nowMs, sumCounts } from "./stats";

export const OPERATIONS = ["create", "read", "delete"] as const;
export type Operation = (typeof OPERATIONS)[number];
/** One way of making the three calls on one resource; `read` and `delete` get what create returned. */
type Side = Record<Operation, (id: string) => Promise<unknown>>;
type Settings = { endpoint: string; stsEndpoint: string; region: string; credentials: AwsCredentials };

interface ProviderLike {
  create(inputs: Record<string, unknown>): Promise<{ id: string }>;
  read(id: string, props: object): Promise<unknown>;
  delete(id: string, props: object): Promise<void>;
}

const providerSide = (p: ProviderLike, inputs: object): Side => ({
  create: async () => (await p.create({ ...inputs })).id,
  read: (id) => p.read(id, {}),
  delete: (id) => p.delete(id, {}),
});

/** Each resource's account, provider and SDK calls (no AllowWrites: the provider leaves it out too). */
const RESOURCES = {
  DataShareConsumer: {
    account: "consumer",
    sides(emulator: Emulator, client: rs.RedshiftClient, settings: Settings) {
      const [plan] = planAssociations(emulator, 1, 1);
      const members = { DataShareArn: plan.dataShareArn, ConsumerArn: plan.consumerArn };
      const provider = providerEntry().createProvider({ ...settings, env: {} }) as ProviderLike;
      return {
        provider: providerSide(provider, plan),
        sdk: {
          create: () => client.send(new rs.AssociateDataShareConsumerCommand(members)),
          read: () => client.send(new rs.DescribeDataSharesCommand({ DataShareArn: plan.dataShareArn })),
          delete: () => client.send(new rs.DisassociateDataShareConsumerCommand(members)),
        },
      };
    },
  },
  DataShareAuthorization: {
    account: "producer",
    sides(emulator: Emulator, client: rs.RedshiftClient, settings: Settings) {
      const plan = planAuthorization(emulator);
      const members = { DataShareArn: plan.dataShareArn, ConsumerIdentifier: plan.consumerIdentifier };
      const provider = providerEntry().createAuthorizationProvider({ ...settings, env: {} }) as ProviderLike;
      return {
        provider: providerSide(provider, plan),
        sdk: {
          create: () => client.send(new rs.AuthorizeDataShareCommand(members)),
          read: () => client.send(new rs.DescribeDataSharesCommand({ DataShareArn: plan.dataShareArn })),
          delete: () => client.send(new rs.DeauthorizeDataShareCommand(members)),
        },
      };
    },
  },
};

type Samples = Record<Operation, { ms: number[]; calls: Record<string, number> }>;

/** One create → read → delete cycle of one side, each operation timed and its requests counted. */
async function cycle(emulator: Emulator, side: Side, into?: Samples): Promise<void> {
  let id = "";
  for (const op of OPERATIONS) {
    const before = emulator.requestCounts();
    const start = nowMs();
    const value = await side[op](id);
    const ms = nowMs() - start;
    if (op === "create") id = String(value);
    if (!into) continue;
    into[op].ms.push(ms);
    for (const [name, n] of Object.entries(countsDelta(before, emulator.requestCounts())))
      into[op].calls[name] = (into[op].calls[name] ?? 0) + n;
  }
}

export async function measureOverhead(
  emulator: Emulator,
  resource: keyof typeof RESOURCES,
  options: { reps: number; warmup: number },
) {
  const { account, sides: sidesOf } = RESOURCES[resource];
  const [endpoint, region, credentials] = [emulator.endpoint, BENCH_REGION, emulator.credentials(account)];
  const client = new rs.RedshiftClient({ endpoint, region, credentials });
  const sides = sidesOf(emulator, client, { endpoint, stsEndpoint: endpoint, region, credentials });
  for (let i = 0; i < options.warmup; i++)
    for (const side of Object.values(sides)) await cycle(emulator, side);
  const empty = (): Samples =>
    Object.fromEntries(OPERATIONS.map((op) => [op, { ms: [] as number[], calls: {} }])) as Samples;
  const samples = { provider: empty(), sdk: empty() };
  for (let i = 0; i < options.reps; i++) {
    const order = i % 2 === 0 ? (["provider", "sdk"] as const) : (["sdk", "provider"] as const);
    for (const name of order) await cycle(emulator, sides[name], samples[name]);
  }
  /** Emulator requests per operation, by API operation, over the measured repetitions. */
  const per = (calls: Record<string, number>) =>
    Object.fromEntries(Object.entries(calls).map(([name, n]) => [name, n / options.reps]));
  const cost = (op: Operation) => {
    const [p, k] = [samples.provider[op], samples.sdk[op]];
    const [providerMs, sdkMs] = [median(p.ms), median(k.ms)];
    const [providerCalls, sdkCalls] = [per(p.calls), per(k.calls)];
    const [providerCallsPerOp, sdkCallsPerOp] = [sumCounts(providerCalls), sumCounts(sdkCalls)];
    const calls = { providerCalls, sdkCalls, providerCallsPerOp, sdkCallsPerOp };
    return { providerMs, sdkMs, ratio: providerMs / sdkMs, ...calls };
  };
  return { ...options, operations: { create: cost("create"), read: cost("read"), delete: cost("delete") } };
}

export type OverheadResult = Awaited<ReturnType<typeof measureOverhead>>;
