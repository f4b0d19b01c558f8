/** The SQL floor: dynamic resources declaring a SQL resource's properties that send its statements with the SDK. */
import * as pulumi from "@pulumi/pulumi";
import { dataClientFromEnv, replayWaves, type Wave } from "./sqlReplay";

/** What bench/sqlRun.ts writes for each floor resource: its state, and its operations' statements. */
export interface FloorResourcePlan {
  /** The provider's outputs of the same resource (in-process create): the floor declares the same. */
  outputs: Record<string, unknown>;
  waves: Record<"create" | "read" | "delete", Wave[]>;
}

/** A provider whose create, read and delete replay that resource's statements (from BENCH_SQL_PLAN). */
function floorProvider(resource: string): pulumi.dynamic.ResourceProvider {
  // The plan is read at call time, in the provider host, which gets the CLI's environment.
  const replay = async (op: "create" | "read" | "delete") => {
    const fs = require("node:fs");
    const plan = JSON.parse(fs.readFileSync(String(process.env.BENCH_SQL_PLAN), "utf8"));
    const floor: FloorResourcePlan = plan.sql.floor[resource];
    await replayWaves(dataClientFromEnv(), floor.waves[op], Number(process.env.BENCH_SQL_POLL_MS));
  };
  return {
    check: async (_olds, news) => ({ inputs: news }),
    diff: async () => ({ changes: false }),
    create: async (inputs) => (
      await replay("create"),
      { id: require("node:crypto").randomUUID(), outs: inputs }
    ),
    read: async (id, props) => (await replay("read"), { id, props }),
    delete: async () => void (await replay("delete")),
  };
}

/** One floor resource: the provider's recorded outputs as its properties, in the chain's order. */
export class SqlFloorResource extends pulumi.dynamic.Resource {
  constructor(resource: string, name: string, plan: FloorResourcePlan, opts?: pulumi.CustomResourceOptions) {
    super(floorProvider(resource), name, { ...plan.outputs }, opts, "bench", `SqlFloor${resource}`);
  }
}
