/** The SQL part's plan and its run (bench/README.md, "SQL resources"): in-process first, then the engine. */
import * as rsd from "@aws-sdk/client-redshift-data";
import { Emulator, startEmulator } from "../emulator";
import { providerEntry } from "./entry";
import { SqlKind } from "./kinds";
import { ENGINE_STEPS } from "./mainRun";
import type { FloorResourcePlan } from "./program/sqlFloor";
import { replayWaves, Wave } from "./program/sqlReplay";
import type { Log } from "./report";
import { accountEnv, BENCH_REGION } from "./seed";
import { describeStatements, lagsOf, pollsOf, statementLog, submittedIds, toWaves } from "./sqlStatements";
import { describeRun, runOrder, runStack, StackRun } from "./stack";
import { nowMs } from "./stats";

export const CHAIN = ["DataShare", "DataShareGrant", "DataShareDatabase"] as const;
export type SqlResource = (typeof CHAIN)[number];
export const SQL_OPERATIONS = ["create", "read", "delete"] as const;
export type SqlOperation = (typeof SQL_OPERATIONS)[number];

export function sqlPlan(quick: boolean) {
  return {
    /** The emulator's statement run time (its `statementMs` fault) and seed. */
    faults: { statementMs: quick ? { minMs: 20, maxMs: 40 } : { minMs: 200, maxMs: 400 }, randomSeed: 29 },
    /** The floor polls DescribeStatement at once, then at this fixed interval. */
    floorPollMs: quick ? 5 : 20,
    inProcessReps: quick ? 1 : 5,
    engineReps: quick ? 1 : 5,
    kinds: ["SQL resources", "SQL floor"] as SqlKind[],
  };
}
export type SqlPlan = ReturnType<typeof sqlPlan>;

/** One operation of one resource: wall time, statements, DescribeStatement polls, end-to-seen lags. */
export interface OpSample {
  ms: number;
  statements: number;
  polls: number;
  lagsMs: number[];
}
type Cycle = Record<SqlResource, Record<SqlOperation, OpSample>>;

/** The stack: a datashare on the producer's cluster, granted to the account's serverless namespace, a database there. */
function stackInputs(emulator: Emulator) {
  const producer = emulator.dataApiTarget("producer", 0);
  const consumer = emulator.dataApiTarget("producer", 1);
  const at = { clusterIdentifier: producer.clusterIdentifier, database: producer.database };
  return {
    DataShare: {
      ...at,
      name: "bench_sql_share",
      publicAccessible: false,
      schemas: [
        { name: "sales", allTables: true, includeNew: true },
        { name: "public", tables: ["customers", "orders"] },
      ],
    },
    DataShareGrant: { ...at, consumerIdentifier: consumer.namespaceId },
    DataShareDatabase: {
      workgroupName: consumer.workgroupName,
      database: consumer.database,
      name: "bench_sql_db",
    },
  };
}

interface SqlProvider {
  check(olds: object, news: Record<string, unknown>): Promise<{ inputs?: Record<string, unknown> }>;
  create(inputs: Record<string, unknown>): Promise<{ id: string; outs: Record<string, unknown> }>;
  read(id: string, props: object): Promise<unknown>;
  delete(id: string, props: object): Promise<void>;
}

/** The three providers from the public entry, each telling one log of its statements. */
function createSqlProviders(emulator: Emulator, onStatement: (e: { kind: string }) => void) {
  const [endpoint, credentials] = [emulator.endpoint, emulator.credentials("producer")];
  const options = {
    endpoint,
    stsEndpoint: endpoint,
    region: BENCH_REGION,
    credentials,
    env: {},
    onStatement,
  };
  const entry = providerEntry();
  return {
    DataShare: entry.createDataShareProvider(options),
    DataShareGrant: entry.createGrantProvider(options),
    DataShareDatabase: entry.createDatabaseProvider(options),
  } satisfies Record<SqlResource, SqlProvider>;
}

/** Creates the chain, reads each resource, deletes in reverse; each operation timed and its statements kept. */
async function providerCycle(emulator: Emulator, client: rsd.RedshiftDataClient) {
  const log = statementLog();
  // As the engine's `up` and `destroy` are two hosts: a check claims its key for the run (core/claims.ts).
  const [up, later]: Record<SqlResource, SqlProvider>[] = [0, 1].map(() =>
    createSqlProviders(emulator, log.onStatement),
  );
  const inputs = stackInputs(emulator);
  const cycle = {} as Cycle;
  const waves = {} as Record<SqlResource, Record<SqlOperation, Wave[]>>;
  const state = {} as Record<SqlResource, { id: string; outs: Record<string, unknown> }>;
  const time = async (resource: SqlResource, op: SqlOperation, run: () => Promise<unknown>) => {
    const from = log.events.length;
    const started = nowMs();
    await run();
    const ms = nowMs() - started;
    const events = log.events.slice(from);
    const recorded = await describeStatements(client, submittedIds(events));
    const polls = [...pollsOf(events).values()].reduce((sum, p) => sum + p.polls, 0);
    (cycle[resource] ??= {} as Cycle[SqlResource])[op] = {
      ...{ ms, statements: recorded.length, polls },
      lagsMs: lagsOf(events, recorded),
    };
    (waves[resource] ??= {} as Record<SqlOperation, Wave[]>)[op] = toWaves(recorded);
  };
  const declared = (r: SqlResource): Record<string, unknown> => {
    const share = state.DataShare?.outs;
    if (r === "DataShareGrant") return { ...inputs[r], dataShareName: share?.name };
    if (r === "DataShareDatabase") return { ...inputs[r], dataShareArn: share?.dataShareArn };
    return inputs[r];
  };
  for (const r of CHAIN) {
    const checked = (await up[r].check({}, declared(r))).inputs ?? declared(r);
    await time(r, "create", async () => (state[r] = await up[r].create(checked)));
  }
  for (const r of CHAIN) await time(r, "read", () => later[r].read(state[r].id, state[r].outs));
  for (const r of [...CHAIN].reverse())
    await time(r, "delete", () => later[r].delete(state[r].id, state[r].outs));
  const floor = Object.fromEntries(CHAIN.map((r) => [r, { outputs: state[r].outs, waves: waves[r] }]));
  return { cycle, floor: floor as Record<SqlResource, FloorResourcePlan> };
}

/**
 * The same statements sent with the SDK, in the same order, polled every `pollMs`; a new client
 * for the creates and one for the reads and deletes, as the provider side has new providers.
 */
async function floorCycle(
  newClient: () => rsd.RedshiftDataClient,
  floor: Record<SqlResource, FloorResourcePlan>,
  pollMs: number,
) {
  const cycle = {} as Cycle;
  const [up, later] = [newClient(), newClient()];
  const step = (op: SqlOperation) => (r: SqlResource) => [r, op] as const;
  const order = [
    ...CHAIN.map(step("create")),
    ...CHAIN.map(step("read")),
    ...[...CHAIN].reverse().map(step("delete")),
  ];
  for (const [r, op] of order) {
    const started = nowMs();
    const counts = await replayWaves(op === "create" ? up : later, floor[r].waves[op], pollMs);
    const ms = nowMs() - started;
    (cycle[r] ??= {} as Cycle[SqlResource])[op] = { ms, ...counts };
  }
  return cycle;
}

export async function measureSql(plan: SqlPlan, log: Log) {
  const emulator = await startEmulator({});
  const [endpoint, credentials] = [emulator.endpoint, emulator.credentials("producer")];
  const newClient = () => new rsd.RedshiftDataClient({ endpoint, region: BENCH_REGION, credentials });
  const client = newClient();
  emulator.setFaults(plan.faults);
  try {
    log("in-process: the providers' create, read, delete against the same statements sent with the SDK...");
    // A first round of each side, not counted, records the floor's statements and warms both up.
    const recorded = (await providerCycle(emulator, client)).floor;
    await floorCycle(newClient, recorded, plan.floorPollMs);
    const inProcess = { provider: [] as Cycle[], floor: [] as Cycle[] };
    const sides = {
      provider: async () => inProcess.provider.push((await providerCycle(emulator, client)).cycle),
      floor: async () => inProcess.floor.push(await floorCycle(newClient, recorded, plan.floorPollMs)),
    };
    for (let rep = 0; rep < plan.inProcessReps; rep++)
      for (const side of rep % 2 === 0 ? [sides.provider, sides.floor] : [sides.floor, sides.provider])
        await side();
    const sql = { plan: { inputs: stackInputs(emulator), floor: recorded }, pollMs: plan.floorPollMs };
    const env = accountEnv(emulator, "producer");
    const engine: StackRun[] = [];
    const sizes = Array.from({ length: plan.engineReps }, () => ({ n: CHAIN.length, reps: 1 }));
    for (const { kind, n } of runOrder({ kinds: plan.kinds, sizes })) {
      const at = { emulator, kind, n, dataShares: 1, noopLatencyMs: 0, steps: ENGINE_STEPS };
      engine.push(await runStack({ ...at, sql: { ...sql, env } }));
      log(`  ${kind}: ${describeRun(engine[engine.length - 1])}`);
    }
    return { inProcess, recorded, engine };
  } finally {
    await emulator.stop();
  }
}

export type SqlMeasurements = Awaited<ReturnType<typeof measureSql>>;
