import { EngineEvent } from "@pulumi/pulumi/automation";
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  DisassociateDataShareConsumerCommand,
  paginateDescribeDataShares,
  RedshiftClient,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import { startEmulator } from "../../emulator";
import { TestStack } from "../support/engine";

export const REGION = "us-east-1";
export const RESOURCE_TYPE = "pulumi-nodejs:dynamic/redshift:DataShareConsumer";

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export async function startSeededEmulator(): Promise<Emulator> {
  return startEmulator({ seed: "emulator/seeds/default.json" });
}

export interface PerTestContext {
  emu: Emulator;
  /** The stack a test made, if any: disposed after the test. */
  stack?: TestStack;
}

/** Registers hooks that give each test a freshly seeded emulator and clean up its stack. */
export function useEmulatorPerTest(): PerTestContext {
  const ctx = {} as PerTestContext;
  beforeEach(async () => {
    ctx.emu = await startSeededEmulator();
  });
  afterEach(async () => {
    await ctx.stack?.dispose().catch(() => undefined);
    ctx.stack = undefined;
    await ctx.emu.stop();
  });
  return ctx;
}

/** What the CLI and the provider host need to reach the emulator as the consumer account. */
export function consumerEnv(emu: Emulator): Record<string, string> {
  const creds = emu.credentials("consumer");
  return {
    AWS_ACCESS_KEY_ID: creds.accessKeyId,
    AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
    AWS_REGION: REGION,
    REDSHIFT_DATASHARE_ENDPOINT: emu.endpoint,
    REDSHIFT_DATASHARE_MAX_ATTEMPTS: "3",
  };
}

function client(emu: Emulator, account: string): RedshiftClient {
  return new RedshiftClient({
    endpoint: emu.endpoint,
    region: REGION,
    credentials: emu.credentials(account),
    maxAttempts: 1,
  });
}

/** Out-of-band changes, made as AWS would see them: through the API, with the right account. */
export function outOfBand(emu: Emulator) {
  const consumer = client(emu, "consumer");
  const producer = client(emu, "producer");
  return {
    disassociate: (DataShareArn: string, ConsumerArn: string) =>
      consumer.send(new DisassociateDataShareConsumerCommand({ DataShareArn, ConsumerArn })),
    associate: (DataShareArn: string, ConsumerArn: string, AllowWrites?: boolean) =>
      consumer.send(new AssociateDataShareConsumerCommand({ DataShareArn, ConsumerArn, AllowWrites })),
    reject: (DataShareArn: string) => consumer.send(new RejectDataShareCommand({ DataShareArn })),
    deauthorize: (DataShareArn: string) =>
      producer.send(
        new DeauthorizeDataShareCommand({ DataShareArn, ConsumerIdentifier: emu.accountId("consumer") }),
      ),
    authorize: (DataShareArn: string, AllowWrites?: boolean) =>
      producer.send(
        new AuthorizeDataShareCommand({
          DataShareArn,
          ConsumerIdentifier: emu.accountId("consumer"),
          AllowWrites,
        }),
      ),
  };
}

export interface LiveAssociation {
  dataShareArn: string;
  consumerIdentifier: string;
  consumerRegion?: string;
  status: string;
  consumerAcceptedWrites?: boolean;
}

/** The consumer account's associations as DescribeDataShares reports them (the AVAILABLE placeholder excluded). */
export async function liveAssociations(emu: Emulator): Promise<LiveAssociation[]> {
  const found: LiveAssociation[] = [];
  for await (const page of paginateDescribeDataShares({ client: client(emu, "consumer") }, {})) {
    for (const share of page.DataShares ?? []) {
      for (const a of share.DataShareAssociations ?? []) {
        if (a.Status === "AVAILABLE") continue;
        found.push({
          dataShareArn: share.DataShareArn ?? "",
          consumerIdentifier: a.ConsumerIdentifier ?? "",
          consumerRegion: a.ConsumerRegion,
          status: a.Status ?? "",
          consumerAcceptedWrites: a.ConsumerAcceptedWrites,
        });
      }
    }
  }
  return found;
}

export interface PlannedStep {
  op: string;
  name: string;
  diffs: string[];
}

/** The steps an engine operation planned for DataShareConsumer resources, from its events. */
export function collectSteps(): { onEvent: (e: EngineEvent) => void; steps: PlannedStep[] } {
  const steps: PlannedStep[] = [];
  return {
    steps,
    onEvent(event) {
      const meta = event.resourcePreEvent?.metadata;
      if (!meta || meta.type !== RESOURCE_TYPE) return;
      steps.push({ op: meta.op, name: meta.urn.split("::").pop() ?? "", diffs: meta.diffs ?? [] });
    },
  };
}
