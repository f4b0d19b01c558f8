/**
 * A throwaway stack declaring N resources of one kind (DataShareConsumer or the no-op floor), on
 * the test harness's local backend, plus readers for what it leaves in state.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { createTestStack, makeProjectDir, TestStack } from "../test/support/engine";
import { installNoopPackage, NoopConsumer, WideNoopConsumer } from "./noopResource";
import { AssociationPlan, BENCH_REGION } from "./seed";

/** "no-op, same properties" is a diagnostic (profileEngine.ts), not part of the benchmark table. */
export type ResourceKind = "DataShareConsumer" | "no-op" | "no-op, same properties";

export const RESOURCE_KINDS: ResourceKind[] = ["DataShareConsumer", "no-op"];

export const TYPE_TOKENS: Record<ResourceKind, string> = {
  DataShareConsumer: "pulumi-nodejs:dynamic/redshift:DataShareConsumer",
  "no-op": "pulumi-nodejs:dynamic/bench:NoopConsumer",
  "no-op, same properties": "pulumi-nodejs:dynamic/bench:WideNoopConsumer",
};

/** Loaded on first use, so the no-op floor can run before the SDK exists. */
function declareDataShareConsumer(name: string, plan: AssociationPlan): pulumi.Resource {
  const { DataShareConsumer } = require("../sdk") as typeof import("../sdk");
  return new DataShareConsumer(name, { dataShareArn: plan.dataShareArn, consumerArn: plan.consumerArn });
}

function declare(kind: ResourceKind, name: string, plan: AssociationPlan): pulumi.Resource {
  if (kind === "no-op") return new NoopConsumer(name, plan);
  if (kind === "no-op, same properties") return new WideNoopConsumer(name, plan);
  return declareDataShareConsumer(name, plan);
}

export async function createBenchStack(
  kind: ResourceKind,
  plans: AssociationPlan[],
  env: Record<string, string>,
): Promise<TestStack> {
  const projectDir = makeProjectDir("rds-bench-");
  installNoopPackage(projectDir);
  // LocalWorkspace writes the project's `main` as process.cwd(), and the engine starts the dynamic
  // provider host there: run from the project folder so the host resolves packages as a user's would.
  const cwd = process.cwd();
  process.chdir(projectDir);
  try {
    return await createBenchStackIn(projectDir, plans, kind, env);
  } finally {
    process.chdir(cwd);
  }
}

function createBenchStackIn(
  projectDir: string,
  plans: AssociationPlan[],
  kind: ResourceKind,
  env: Record<string, string>,
): Promise<TestStack> {
  return createTestStack({
    projectDir,
    projectName: "rds-bench",
    env,
    config: { "aws:region": BENCH_REGION },
    program: async () => {
      plans.forEach((plan, i) => declare(kind, `r${i}`, plan));
    },
  });
}

/** Bytes of the stack's checkpoint file in the file backend. */
export function stateFileBytes(t: TestStack): number {
  const file = findFile(t.stateDir, `${t.stack.name}.json`);
  if (file === undefined) throw new Error(`no state file for stack ${t.stack.name} under ${t.stateDir}`);
  return fs.statSync(file).size;
}

function findFile(dir: string, name: string): string | undefined {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const found = findFile(full, name);
      if (found !== undefined) return found;
    } else if (entry.name === name) {
      return full;
    }
  }
  return undefined;
}

/** The serialized `__provider` input of each resource of a type, from the exported state. */
export async function serializedProviders(t: TestStack, typeToken: string): Promise<string[]> {
  const exported = await t.stack.exportStack();
  const resources = (
    exported.deployment as { resources?: { type: string; inputs?: Record<string, unknown> }[] }
  ).resources;
  return (resources ?? []).filter((r) => r.type === typeToken).map((r) => String(r.inputs?.__provider ?? ""));
}
