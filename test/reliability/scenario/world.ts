/**
 * One scenario's world: an emulator started on the reliability seed, a user project (the packed
 * package installed next to its own @pulumi/pulumi) whose program declares the associations from
 * its stack config, driven by the plain `pulumi` CLI, and request/fault counts that survive
 * emulator restarts (each emulator instance counts from zero).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as ts from "typescript";
import { startEmulator, type Emulator, type FaultConfig, type InjectedFaults } from "../../../emulator";
import type { DataShareAuthorizationArgs, DataShareConsumerArgs } from "../../../sdk";
import { packageRoot } from "../../../harness/pulumiCli";
import { PulumiStack } from "../../../harness/pulumiStack";
import { startPulumi, type RunningCommand, type StartOptions } from "../../../harness/pulumiProcess";
import { createUserProject } from "../../../harness/userProject";
import { defaultInstall } from "../../../harness/userStacks";
import {
  DeclaredAssociation,
  compareAssociations,
  declareAssociations,
  liveAssociations,
  shapeFor,
  type Comparison,
} from "./associations";
import type { CliOutcome } from "./report";
import { CONSUMER_KEYS, PRODUCER_KEYS, REGION, reliabilitySeed } from "./seed";

/**
 * Attempts per AWS call (REDSHIFT_DATASHARE_MAX_ATTEMPTS, adaptive retry mode) where a scenario
 * asks for more than the provider's default. With 20% throttling and 5% server errors drawn
 * independently per request, one request fails with p = 0.24; ten failures in a row have
 * p = 0.24^10 ≈ 6e-7, so a run of a few hundred calls gives up with p < 1e-3.
 */
export const MAX_ATTEMPTS = 10;

export type ProgramName = "consumers" | "authorizations";

export interface WorldOptions {
  associations: number;
  shares: number;
  faults?: FaultConfig;
  /** Persist the emulator's state to a file (needed to restart it). */
  persistent?: boolean;
  /** REDSHIFT_DATASHARE_MAX_ATTEMPTS for the provider, or "default" to leave it unset. */
  maxAttempts?: number | "default";
  /** Extra environment for the CLI and the provider host. */
  env?: Record<string, string>;
  /** The associations the program declares at first (default: every declared one). */
  initial?: (declared: DeclaredAssociation[]) => DeclaredAssociation[];
  /** Only the emulator: no user project (the request-authentication scenario). */
  emulatorOnly?: boolean;
}

export interface Counts {
  requests: Record<string, number>;
  injected: InjectedFaults;
}

/** A user project's stack with the environment its CLI runs get (mutable between runs). */
export class ProjectStack {
  constructor(
    readonly stack: PulumiStack,
    readonly env: Record<string, string>,
  ) {}

  get projectDir(): string {
    return this.stack.projectDir;
  }
  get stateDir(): string {
    return this.stack.stateDir;
  }

  /** Changes (or with undefined, removes) a variable of the next CLI runs and their provider hosts. */
  setEnv(key: string, value: string | undefined): void {
    if (value === undefined) delete this.env[key];
    else this.env[key] = value;
  }

  /** Runs a command with its engine events; a non-zero exit is a result, not a throw. */
  cli(args: string[], extra: string[] = []): Promise<CliOutcome> {
    return this.stack.runWithEvents([...args, "--stack", this.stack.name, ...extra], { allowFailure: true });
  }

  // Like the Automation API, update commands skip their preview: one engine run per command.
  up = (extra: string[] = []) => this.cli(["up", "--yes", "--skip-preview"], extra);
  preview = (extra: string[] = []) => this.cli(["preview"], extra);
  previewExpectingNoChanges = () => this.cli(["preview", "--expect-no-changes"]);
  refresh = (extra: string[] = []) => this.cli(["refresh", "--yes", "--skip-preview"], extra);
  destroy = (extra: string[] = []) => this.cli(["destroy", "--yes", "--skip-preview"], extra);

  /** Starts `up` as a watched child process (see harness/pulumiProcess.ts). */
  startUp(options: StartOptions): Promise<RunningCommand> {
    return startPulumi(this.stack, ["up", "--yes", "--skip-preview", "--stack", this.stack.name], options);
  }

  /** What the consumers program declares, as editing the program would change it. */
  declareConsumers(declared: DeclaredAssociation[] | Record<string, unknown>): Promise<void> {
    const consumers = Array.isArray(declared) ? consumerConfig(declared) : declared;
    return this.stack.setConfig({ consumers: JSON.stringify(consumers) });
  }

  /** What the authorizations program declares. */
  declareAuthorizations(
    declared: Record<string, DataShareAuthorizationArgs | Record<string, unknown>>,
  ): Promise<void> {
    return this.stack.setConfig({ authorizations: JSON.stringify(declared) });
  }
}

/**
 * The test program as the JavaScript a user's build would emit: a TypeScript project costs every
 * engine run that executes the program a second or more (ts-node in the language host), and the
 * e2e examples already run these programs as TypeScript.
 */
function javascriptOf(source: string): string {
  return ts.transpileModule(fs.readFileSync(source, "utf8"), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
}

export function consumerConfig(declared: DeclaredAssociation[]): Record<string, DataShareConsumerArgs> {
  return Object.fromEntries(
    declared.map((d) => [
      d.name,
      { dataShareArn: d.dataShareArn, consumerArn: d.consumerArn, allowWrites: d.allowWrites },
    ]),
  );
}

export class World {
  private readonly projects: ProjectStack[] = [];

  private constructor(
    public emu: Emulator,
    readonly declared: DeclaredAssociation[],
    private readonly options: WorldOptions,
    private readonly stateFile: string | undefined,
    private readonly scratch: string,
    private earlier: Counts[] = [],
  ) {}

  static async start(options: WorldOptions): Promise<World> {
    const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "rds-rel-"));
    const stateFile = options.persistent ? path.join(scratch, "emulator-state.json") : undefined;
    const emu = await startEmulator({
      seed: reliabilitySeed(shapeFor(options.associations, options.shares)),
      stateFile,
      faults: options.faults ?? {},
    });
    const world = new World(
      emu,
      declareAssociations(options.associations, options.shares, emu),
      options,
      stateFile,
      scratch,
    );
    try {
      if (!options.emulatorOnly) {
        const consumers = await world.project("consumers", world.consumerEnv());
        await consumers.declareConsumers((options.initial ?? ((d) => d))(world.declared));
      }
      return world;
    } catch (e) {
      await world.dispose();
      throw e;
    }
  }

  /** The consumer account's project (declares DataShareConsumer resources). */
  get consumers(): ProjectStack {
    return this.projects[0];
  }

  /** A new user project with one of the test programs (harness/programs/<name>), disposed with the world. */
  async project(program: ProgramName, env: Record<string, string>): Promise<ProjectStack> {
    const install = await defaultInstall();
    const source = path.join(packageRoot(), "harness", "programs", program, "index.ts");
    const projectDir = createUserProject(install, {
      name: `rds-rel-${program}`,
      typescript: false,
      files: { "index.js": javascriptOf(source) },
    });
    const own = { ...env };
    const stack = await PulumiStack.init({ projectDir, env: own });
    const project = new ProjectStack(stack, own);
    this.projects.push(project);
    return project;
  }

  /** What the CLI and the provider host need to reach the emulator as the consumer account. */
  consumerEnv(): Record<string, string> {
    return this.accountEnv(CONSUMER_KEYS);
  }

  /** The same as the producer account (for DataShareAuthorization). */
  producerEnv(): Record<string, string> {
    return this.accountEnv(PRODUCER_KEYS);
  }

  private accountEnv(keys: { accessKeyId: string; secretAccessKey: string }): Record<string, string> {
    const attempts = this.options.maxAttempts ?? MAX_ATTEMPTS;
    return {
      AWS_ACCESS_KEY_ID: keys.accessKeyId,
      AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
      AWS_REGION: REGION,
      // Redshift and STS both: the provider sends only Redshift calls to its own endpoint setting.
      AWS_ENDPOINT_URL: this.emu.endpoint,
      ...(attempts === "default" ? {} : { REDSHIFT_DATASHARE_MAX_ATTEMPTS: String(attempts) }),
      ...this.options.env,
    };
  }

  compare(): Comparison {
    return compareAssociations(this.declared, liveAssociations(this.emu.admin.snapshot()));
  }

  /** Requests and injected faults over every emulator instance of this world. */
  counts(): Counts {
    const all = [...this.earlier, this.current()];
    const requests: Record<string, number> = {};
    const injected: InjectedFaults = { throttled: 0, serverErrors: 0, droppedResponses: 0 };
    for (const c of all) {
      for (const [op, n] of Object.entries(c.requests)) requests[op] = (requests[op] ?? 0) + n;
      injected.throttled += c.injected.throttled;
      injected.serverErrors += c.injected.serverErrors;
      injected.droppedResponses += c.injected.droppedResponses;
    }
    return { requests, injected };
  }

  private current(): Counts {
    const { throttled, serverErrors, droppedResponses } = this.emu.injectedFaults();
    return { requests: this.emu.requestCounts(), injected: { throttled, serverErrors, droppedResponses } };
  }

  /** AssociateDataShareConsumer calls the model ran (this emulator instance). */
  acceptedAssociates(): number {
    return this.emu.operationCounts().AssociateDataShareConsumer?.accepted ?? 0;
  }

  /** Stops the emulator (as a crash of the service would look to the client). */
  async stopEmulator(): Promise<void> {
    this.earlier.push(this.current());
    await this.emu.stop();
  }

  /** Starts it again on the same state file and port. */
  async startEmulatorAgain(): Promise<void> {
    if (!this.stateFile) throw new Error("the world was not started with persistent: true");
    this.emu = await startEmulator({
      seed: reliabilitySeed(shapeFor(this.options.associations, this.options.shares)),
      stateFile: this.stateFile,
      port: this.emu.port,
      faults: this.options.faults ?? {},
    });
  }

  /**
   * The emulator and its state go away with the world, so nothing is destroyed: the project
   * folders (the file backend's state included) are deleted.
   */
  async dispose(): Promise<void> {
    try {
      for (const p of this.projects.splice(0)) fs.rmSync(p.projectDir, { recursive: true, force: true });
    } finally {
      await this.emu.stop().catch(() => undefined);
      fs.rmSync(this.scratch, { recursive: true, force: true });
    }
  }
}
