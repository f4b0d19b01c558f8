/**
 * Stacks of user projects for the end-to-end tests: the packed package installed next to the
 * project's own @pulumi/pulumi and TypeScript, driven by the plain `pulumi` CLI.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { consumerSpec, dynamicTypeToken } from "../provider/schema";
import type { DataShareConsumerArgs } from "../sdk";
import { packageRoot } from "./pulumiCli";
import * as assert from "node:assert/strict";
import { EngineEvent, PulumiCommandError, PulumiStack, StackOptions } from "./pulumiStack";
import { createUserProject, installUserDependencies, UserDependencies, UserInstall } from "./userProject";
import { consumerEnv, Emulator, startSeededEmulator } from "./emulatorFixture";

export const RESOURCE_TYPE = dynamicTypeToken(consumerSpec);

/** What our own tests install: the @pulumi/pulumi we build on, and TypeScript 5 as users have it. */
export function defaultDependencies(): UserDependencies {
  const devDeps = (require("../package.json") as { devDependencies: Record<string, string> }).devDependencies;
  return { pulumi: devDeps["@pulumi/pulumi"], typescript: devDeps.typescript };
}

export function defaultInstall(): Promise<UserInstall> {
  return installUserDependencies(defaultDependencies());
}

const CONSUMERS_PROGRAM = path.join(packageRoot(), "harness", "programs", "consumers", "index.ts");

/** A project whose program declares the consumers in its stack config (see programs/consumers). */
export async function consumersStack(
  emu: Emulator,
  consumers: Record<string, DataShareConsumerArgs>,
  options: Partial<StackOptions> & { install?: UserInstall } = {},
): Promise<PulumiStack> {
  const install = options.install ?? (await defaultInstall());
  const projectDir = createUserProject(install, {
    name: "rds-e2e",
    files: { "index.ts": fs.readFileSync(CONSUMERS_PROGRAM, "utf8") },
  });
  // Type-checking each run costs seconds; the examples and the compatibility cells type-check.
  const env = { ...consumerEnv(emu), PULUMI_NODEJS_TRANSPILE_ONLY: "true", ...options.env };
  const stack = await PulumiStack.init({ projectDir, ...options, env });
  await declare(stack, consumers);
  return stack;
}

/** Changes what the program declares, as editing the program would. */
export function declare(stack: PulumiStack, consumers: Record<string, DataShareConsumerArgs>): Promise<void> {
  return stack.setConfig({ consumers: JSON.stringify(consumers) });
}

/** The exported outputs of one declared consumer. */
export async function consumerOutputs(stack: PulumiStack, name: string): Promise<Record<string, unknown>> {
  const outputs = (await stack.outputs()).consumers as Record<string, Record<string, unknown>>;
  return outputs[name];
}

/** The outputs recorded in state for one resource (stack outputs are not refreshed). */
export async function stateOf(
  stack: PulumiStack,
  name: string,
): Promise<Record<string, unknown> | undefined> {
  const resources = (await stack.exportStack()).deployment.resources ?? [];
  return resources.find((r) => r.type === RESOURCE_TYPE && r.urn.endsWith("::" + name))?.outputs;
}

export interface PlannedStep {
  op: string;
  name: string;
  diffs: string[];
}

/** The steps an engine run planned for DataShareConsumer resources, from its event log. */
export function plannedSteps(events: readonly EngineEvent[]): PlannedStep[] {
  return events
    .map((e) => e.resourcePreEvent?.metadata)
    .filter((m) => m !== undefined && m.type === RESOURCE_TYPE)
    .map((m) => ({ op: m!.op, name: m!.urn.split("::").pop() ?? "", diffs: m!.diffs ?? [] }));
}

/** What an engine run did with each DataShareConsumer (by name): steps it started, errors it reported. */
export interface StepOutcome {
  started: boolean;
  errors: string[];
}

export function stepOutcomes(events: readonly EngineEvent[]): Map<string, StepOutcome> {
  const outcomes = new Map<string, StepOutcome>();
  const outcome = (urn: string): StepOutcome | undefined => {
    const [, , type, name] = urn.split("::");
    if (type !== RESOURCE_TYPE || name === undefined) return undefined;
    if (!outcomes.has(name)) outcomes.set(name, { started: false, errors: [] });
    return outcomes.get(name);
  };
  for (const event of events) {
    const pre = event.resourcePreEvent?.metadata;
    if (pre && pre.op !== "same") {
      const found = outcome(pre.urn);
      if (found) found.started = true;
    }
    const diagnostic = event.diagnosticEvent;
    if (diagnostic?.severity === "error" && diagnostic.urn)
      outcome(diagnostic.urn)?.errors.push(diagnostic.message);
  }
  return outcomes;
}

export interface PerTestContext {
  emu: Emulator;
  /** Stacks a test made: disposed after it. */
  stacks: PulumiStack[];
}

/** Registers hooks that give each test a freshly seeded emulator and clean up its stacks. */
export function useEmulatorPerTest(): PerTestContext {
  const ctx = { stacks: [] } as unknown as PerTestContext;
  before(async function () {
    this.timeout(15 * 60 * 1000); // the first run installs the packed package
    await defaultInstall();
  });
  beforeEach(async () => {
    ctx.emu = await startSeededEmulator();
  });
  afterEach(async () => {
    for (const stack of ctx.stacks.splice(0)) await stack.dispose().catch(() => undefined);
    await ctx.emu.stop();
  });
  return ctx;
}

/** The error of a pulumi command that had to fail. */
export async function failureOf(run: Promise<unknown>): Promise<PulumiCommandError> {
  const err = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(err instanceof PulumiCommandError, "the command was expected to fail");
  return err;
}
