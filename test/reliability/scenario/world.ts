/**
 * One scenario's world: an emulator started on the reliability seed, a throwaway Pulumi stack whose
 * inline program declares the associations, and request/fault counts that survive emulator
 * restarts (each emulator instance counts from zero).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { startEmulator, type Emulator, type FaultConfig, type InjectedFaults } from "../../../emulator";
import { DataShareConsumer } from "../../../sdk";
import { createTestStack, type TestStack } from "../../support/engine";
import {
  DeclaredAssociation,
  compareAssociations,
  declareAssociations,
  liveAssociations,
  shapeFor,
  type Comparison,
} from "./associations";
import { CONSUMER_KEYS, REGION, reliabilitySeed } from "./seed";

/**
 * Attempts per AWS call (REDSHIFT_DATASHARE_MAX_ATTEMPTS, adaptive retry mode). With 20% throttling
 * and 5% server errors drawn independently per request, one request fails with p = 0.24; ten
 * failures in a row have p = 0.24^10 ≈ 6e-7, so a run of a few hundred calls gives up with
 * p < 1e-3, and the fixed fault seed makes the outcome the same on every run.
 */
export const MAX_ATTEMPTS = 10;

export interface WorldOptions {
  associations: number;
  shares: number;
  faults?: FaultConfig;
  /** Persist the emulator's state to a file (needed to restart it). */
  persistent?: boolean;
  /** Extra environment for the CLI and the provider host. */
  env?: Record<string, string>;
  /** Replaces the default program (one DataShareConsumer per declared association). */
  program?: (declared: DeclaredAssociation[]) => PulumiFn;
}

export interface Counts {
  requests: Record<string, number>;
  injected: InjectedFaults;
}

export class World {
  private constructor(
    public emu: Emulator,
    readonly declared: DeclaredAssociation[],
    readonly test: TestStack,
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
    try {
      const declared = declareAssociations(options.associations, options.shares, emu);
      const test = await createTestStack({
        program: (options.program ?? associationsProgram)(declared),
        env: { ...consumerEnv(emu.endpoint), ...options.env },
      });
      return new World(emu, declared, test, options, stateFile, scratch);
    } catch (e) {
      await emu.stop();
      throw e;
    }
  }

  get stack() {
    return this.test.stack;
  }

  /** Changes the environment of the next CLI runs (and so of their provider hosts). */
  setEnv(key: string, value: string): void {
    this.stack.workspace.envVars[key] = value;
  }

  compare(): Comparison {
    return compareAssociations(this.declared, liveAssociations(this.emu.admin.snapshot()));
  }

  /** Requests and injected faults over every emulator instance of this world. */
  counts(): Counts {
    const all = [
      ...this.earlier,
      { requests: this.emu.requestCounts(), injected: this.emu.injectedFaults() },
    ];
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

  /** Stops the emulator (as a crash of the service would look to the client). */
  async stopEmulator(): Promise<void> {
    this.earlier.push({ requests: this.emu.requestCounts(), injected: this.emu.injectedFaults() });
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

  async dispose(): Promise<void> {
    try {
      this.emu.setFaults({});
      await this.test.dispose();
    } finally {
      await this.emu.stop().catch(() => undefined);
      fs.rmSync(this.scratch, { recursive: true, force: true });
    }
  }
}

/** What the CLI and the provider host need to reach the emulator as the consumer account. */
export function consumerEnv(endpoint: string): Record<string, string> {
  return {
    AWS_ACCESS_KEY_ID: CONSUMER_KEYS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: CONSUMER_KEYS.secretAccessKey,
    AWS_REGION: REGION,
    AWS_ENDPOINT_URL: endpoint,
    REDSHIFT_DATASHARE_MAX_ATTEMPTS: String(MAX_ATTEMPTS),
  };
}

/** One DataShareConsumer per declared association. */
export function associationsProgram(declared: DeclaredAssociation[]): PulumiFn {
  return async () => {
    for (const d of declared) {
      new DataShareConsumer(d.name, {
        dataShareArn: d.dataShareArn,
        consumerArn: d.consumerArn,
        allowWrites: d.allowWrites,
      });
    }
  };
}
