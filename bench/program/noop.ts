/** The floors (bench/README.md, Method, "The floors"): dynamic resources that make no API call. */
import * as pulumi from "@pulumi/pulumi";
import { consumerSpec, inputNames, outputOnlyNames } from "pulumi-redshift-datashare/schema";

/** Read at call time in the provider host, which gets the CLI's environment. */
function modelledLatency(): Promise<unknown> {
  const ms = Number(process.env.BENCH_NOOP_LATENCY_MS ?? "0");
  return ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve();
}

const noopProvider: pulumi.dynamic.ResourceProvider = {
  check: async (_olds, news) => ({ inputs: news }),
  // As DataShareConsumer's diff for the one-resource change: a changed input replaces.
  async diff(_id, olds, news) {
    const replaces = Object.keys(news).filter(
      (key) => key !== "__provider" && JSON.stringify(olds[key]) !== JSON.stringify(news[key]),
    );
    return { changes: replaces.length > 0, replaces };
  },
  create: async (inputs) => (await modelledLatency(), { id: require("crypto").randomUUID(), outs: inputs }),
  read: async (id, props) => (await modelledLatency(), { id, props }),
  delete: async () => void (await modelledLatency()),
};

type NoopArgs = { dataShareArn: pulumi.Input<string>; consumerArn: pulumi.Input<string> };

/** The second reference: the no-op with only the two inputs. */
export class NoopConsumer extends pulumi.dynamic.Resource {
  constructor(name: string, args: NoopArgs) {
    super(noopProvider, name, { ...args }, undefined, "bench", "NoopConsumer");
  }
}

/** The floor: the no-op declaring every property DataShareConsumer declares, from its schema. */
export class WideNoopConsumer extends pulumi.dynamic.Resource {
  constructor(name: string, args: NoopArgs) {
    const props: Record<string, unknown> = {};
    for (const key of inputNames(consumerSpec)) props[key] = (args as Record<string, unknown>)[key];
    for (const key of outputOnlyNames(consumerSpec)) props[key] = undefined;
    super(noopProvider, name, props, undefined, "bench", "WideNoopConsumer");
  }
}
