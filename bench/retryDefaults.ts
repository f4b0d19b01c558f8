/** What the default maxAttempts costs and buys: permanent failures; give-ups (its own command). */
import { DisassociateDataShareConsumerCommand, RedshiftClient } from "@aws-sdk/client-redshift";
import { parseArgs } from "node:util";
import { Emulator, startEmulator } from "../emulator";
import { providerEntry } from "./entry";
import { AssociationPlan, BENCH_REGION, buildBenchSeed, planAssociations } from "./seed";
import { countsDelta, nowMs, sumCounts } from "./stats";

/** An access key AWS does not know: refused with InvalidClientTokenId before anything runs. */
const UNKNOWN_KEYS = { accessKeyId: "AKIABENCHUNKNOWN0001", secretAccessKey: "bench/unknown/secret" };
/** The reliability suite's fault mix and seed. */
export const FAULT_MIX = { throttleRate: 0.2, serverErrorRate: 0.05, randomSeed: 20260601 };

function providerFor(emulator: Emulator, o: { maxAttempts?: number; unknownKeys?: boolean }) {
  const credentials = o.unknownKeys ? UNKNOWN_KEYS : emulator.credentials("consumer");
  const [endpoint, region, maxAttempts] = [emulator.endpoint, BENCH_REGION, o.maxAttempts];
  const settings = { endpoint, stsEndpoint: endpoint, region, credentials, env: {}, warn: () => undefined };
  return providerEntry().createProvider(maxAttempts === undefined ? settings : { ...settings, maxAttempts });
}

/** A create that can never succeed, with the provider's default settings and a modelled latency. */
export async function measurePermanentFailures(emulator: Emulator, latencyMs: number) {
  const [plan] = planAssociations(emulator, 1, 1);
  const missing = plan.dataShareArn.replace(/[^/]+$/, "no_such_share");
  const cases = [
    { name: "unknown datashare ARN (InvalidDataShareFault)", arn: missing },
    { name: "unknown access key (InvalidClientTokenId)", unknownKeys: true, arn: plan.dataShareArn },
  ];
  emulator.setFaults({ latencyMs });
  try {
    const results = [];
    for (const c of cases) {
      const provider = providerFor(emulator, c);
      const [before, started] = [emulator.requestCounts(), nowMs()];
      let error = "(no error)";
      await provider
        .create({ dataShareArn: c.arn, consumerArn: plan.consumerArn })
        .catch((e: Error) => (error = e.message.slice(0, 160)));
      const calls = countsDelta(before, emulator.requestCounts());
      results.push({ case: c.name, ms: nowMs() - started, calls, error });
    }
    return results;
  } finally {
    emulator.setFaults({});
  }
}

/** `operations` creates and deletes, `concurrency` associations at a time, under FAULT_MIX. */
export async function measureGiveUps(emulator: Emulator, o: { maxAttempts: number; operations: number }) {
  const provider = providerFor(emulator, o);
  const credentials = emulator.credentials("consumer");
  const client = new RedshiftClient({ endpoint: emulator.endpoint, region: BENCH_REGION, credentials });
  // A create that gave up may still have associated: cleared with the SDK.
  const clear = ({ dataShareArn: DataShareArn, consumerArn: ConsumerArn }: AssociationPlan) =>
    client
      .send(new DisassociateDataShareConsumerCommand({ DataShareArn, ConsumerArn }))
      .catch(() => undefined);
  emulator.setFaults(FAULT_MIX);
  const [before, started] = [emulator.injectedFaults(), nowMs()];
  let [done, failed] = [0, 0];
  const worker = async (plan: AssociationPlan) => {
    while (done < o.operations) {
      done += 2;
      const created = await provider.create({ ...plan }).catch(() => undefined);
      // A create that gave up counts as failed; so does a delete that did.
      const ok = created
        ? await provider
            .delete(created.id, {})
            .then(() => true)
            .catch(() => false)
        : await clear(plan);
      if (ok !== true) failed++;
    }
  };
  try {
    await Promise.all(planAssociations(emulator, 8, 1).map(worker));
  } finally {
    emulator.setFaults({});
  }
  const after = emulator.injectedFaults();
  const injected = after.throttled + after.serverErrors - before.throttled - before.serverErrors;
  const seconds = (nowMs() - started) / 1000;
  return { maxAttempts: o.maxAttempts, operations: done, failed, injected, seconds };
}

async function main(): Promise<void> {
  const option = (value: string) => ({ type: "string", default: value }) as const;
  const { values } = parseArgs({
    strict: true,
    options: { ops: option("600"), candidates: option("3,5,8,10") },
  });
  const emulator = await startEmulator({ seed: buildBenchSeed({ namespaces: 8, dataShares: 1 }) });
  try {
    for (const maxAttempts of values.candidates.split(",").map(Number)) {
      const giveUps = await measureGiveUps(emulator, { maxAttempts, operations: Number(values.ops) });
      console.log(JSON.stringify(giveUps));
    }
    for (const p of await measurePermanentFailures(emulator, 100))
      console.log(JSON.stringify({ ...p, total: sumCounts(p.calls) }));
  } finally {
    await emulator.stop();
  }
}

if (require.main === module) main().catch((e: unknown) => (console.error(e), process.exit(1)));
