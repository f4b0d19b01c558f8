/**
 * What the default maxAttempts costs and buys, in-process against the emulator (the provider's own
 * functions, as the host runs them):
 * - give-ups: create → delete cycles under random throttling and 5xx answers, per candidate
 *   maxAttempts, counting the operations that failed after the last attempt;
 * - permanent failures: how long a create with a bad ARN, or with credentials AWS refuses, takes
 *   to fail, and how many calls it makes (these are not retried, whatever maxAttempts is).
 *
 *   node -r ts-node/register/transpile-only bench/retryDefaults.ts [--ops 600] [--candidates 3,5,8,10]
 */
import { parseArgs } from "node:util";
import { Emulator, startEmulator } from "../emulator";
import { createProvider } from "../provider/consumer/provider";
import { formatId, keyFromInputs } from "../provider/consumer/id";
import { AssociationPlan, BENCH_REGION, buildBenchSeed, planAssociations } from "./seed";
import { countsDelta, nowMs, sumCounts } from "./stats";

export interface GiveUps {
  maxAttempts: number;
  /** create and delete operations run (each one AWS call when nothing fails). */
  operations: number;
  failed: number;
  injected: number;
  seconds: number;
}

export interface PermanentFailure {
  case: string;
  ms: number;
  calls: Record<string, number>;
  error: string;
}

/** An access key AWS does not know: refused with InvalidClientTokenId before anything runs. */
const UNKNOWN_KEYS = { accessKeyId: "AKIABENCHUNKNOWN0001", secretAccessKey: "bench/unknown/secret" };

function providerFor(emulator: Emulator, maxAttempts?: number, unknownKeys = false) {
  return createProvider({
    endpoint: emulator.endpoint,
    stsEndpoint: emulator.endpoint,
    region: BENCH_REGION,
    credentials: unknownKeys ? UNKNOWN_KEYS : emulator.credentials("consumer"),
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
    env: {},
    warn: () => undefined,
  });
}

/** `operations` creates and deletes, `concurrency` associations at a time, under the given faults. */
export async function measureGiveUps(
  emulator: Emulator,
  options: {
    maxAttempts: number;
    operations: number;
    concurrency: number;
    throttleRate: number;
    serverErrorRate: number;
    randomSeed: number;
  },
): Promise<GiveUps> {
  const provider = providerFor(emulator, options.maxAttempts);
  const plans = planAssociations(emulator, options.concurrency, 1);
  emulator.setFaults({
    throttleRate: options.throttleRate,
    serverErrorRate: options.serverErrorRate,
    randomSeed: options.randomSeed,
  });
  const before = emulator.injectedFaults();
  const started = nowMs();
  let done = 0;
  let failed = 0;
  const worker = async (plan: AssociationPlan) => {
    while (done < options.operations) {
      done += 2;
      try {
        const { id } = await provider.create({
          dataShareArn: plan.dataShareArn,
          consumerArn: plan.consumerArn,
        });
        await provider.delete(id, {}).catch(() => failed++);
      } catch {
        failed++;
        // A create that gave up may still have associated: clear it without faults counting.
        await provider
          .delete(
            formatId(keyFromInputs({ dataShareArn: plan.dataShareArn, consumerArn: plan.consumerArn })),
            {},
          )
          .catch(() => undefined);
      }
    }
  };
  try {
    await Promise.all(plans.map(worker));
  } finally {
    emulator.setFaults({});
  }
  const after = emulator.injectedFaults();
  return {
    maxAttempts: options.maxAttempts,
    operations: done,
    failed,
    injected: after.throttled + after.serverErrors - before.throttled - before.serverErrors,
    seconds: (nowMs() - started) / 1000,
  };
}

/** A create that can never succeed, with the provider's default settings and a modelled latency. */
export async function measurePermanentFailures(
  emulator: Emulator,
  latencyMs: number,
): Promise<PermanentFailure[]> {
  const [plan] = planAssociations(emulator, 1, 1);
  const cases: { name: string; unknownKeys?: boolean; dataShareArn: string }[] = [
    {
      name: "unknown datashare ARN (InvalidDataShareFault)",
      dataShareArn: plan.dataShareArn.replace(/[^/]+$/, "no_such_share"),
    },
    { name: "unknown access key (InvalidClientTokenId)", unknownKeys: true, dataShareArn: plan.dataShareArn },
  ];
  emulator.setFaults({ latencyMs });
  try {
    const results: PermanentFailure[] = [];
    for (const c of cases) {
      const provider = providerFor(emulator, undefined, c.unknownKeys);
      const before = emulator.requestCounts();
      const started = nowMs();
      let error = "(no error)";
      try {
        await provider.create({ dataShareArn: c.dataShareArn, consumerArn: plan.consumerArn });
      } catch (e) {
        error = (e as Error).message.slice(0, 160);
      }
      results.push({
        case: c.name,
        ms: nowMs() - started,
        calls: countsDelta(before, emulator.requestCounts()),
        error,
      });
    }
    return results;
  } finally {
    emulator.setFaults({});
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    strict: true,
    options: { ops: { type: "string", default: "600" }, candidates: { type: "string", default: "3,5,8,10" } },
  });
  const emulator = await startEmulator({ seed: buildBenchSeed({ namespaces: 8, dataShares: 1 }) });
  try {
    for (const maxAttempts of values.candidates.split(",").map(Number)) {
      const r = await measureGiveUps(emulator, {
        maxAttempts,
        operations: Number(values.ops),
        concurrency: 8,
        throttleRate: 0.2,
        serverErrorRate: 0.05,
        randomSeed: 20260601,
      });
      console.log(JSON.stringify(r));
    }
    for (const p of await measurePermanentFailures(emulator, 100))
      console.log(JSON.stringify({ ...p, total: sumCounts(p.calls) }));
  } finally {
    await emulator.stop();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
