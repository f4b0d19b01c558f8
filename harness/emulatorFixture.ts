/**
 * A seeded emulator per test, the environment a user's CI would give Pulumi to reach it as the
 * consumer account, and out-of-band changes made the way AWS would see them: through the API,
 * with the right account's keys.
 */
import {
  AssociateDataShareConsumerCommand,
  AssociateDataShareConsumerCommandInput,
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  DisassociateDataShareConsumerCommand,
  DisassociateDataShareConsumerCommandInput,
  paginateDescribeDataShares,
  RedshiftClient,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import { resolveBehaviours, startEmulator, type Behaviours } from "../emulator";

export const REGION = "us-east-1";
export type Emulator = Awaited<ReturnType<typeof startEmulator>>;
export type { Behaviours };

/**
 * Names the behaviours every seeded emulator of a run starts with, as JSON (e.g.
 * `{"repeatAssociate":"refuse"}`): how a whole test file is run under other answers. Unset: the
 * defaults. A test that depends on one answer sets it itself (emu.setBehaviours), which wins.
 */
export const BEHAVIOURS_ENV = "RDS_TEST_EMULATOR_BEHAVIOURS";

function behavioursFromEnv(): Partial<Behaviours> {
  const raw = process.env[BEHAVIOURS_ENV];
  if (raw === undefined || raw.trim() === "") return {};
  const settings = JSON.parse(raw) as Partial<Behaviours>;
  resolveBehaviours(settings);
  return settings;
}

/** The default seed; `behaviours` over those of RDS_TEST_EMULATOR_BEHAVIOURS, over the defaults. */
export function startSeededEmulator(behaviours: Partial<Behaviours> = {}): Promise<Emulator> {
  return startEmulator({
    seed: "emulator/seeds/default.json",
    behaviours: { ...behavioursFromEnv(), ...behaviours },
  });
}

/**
 * Sets the behaviours of an emulator running in another process (PUT /_emulator/behaviours); like
 * emu.setBehaviours, the ones not given go back to their defaults. Returns what is in force.
 */
export async function setBehavioursOverHttp(
  endpoint: string,
  settings: Partial<Behaviours>,
): Promise<Behaviours> {
  const response = await fetch(`${endpoint}/_emulator/behaviours`, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(settings),
  });
  const body = (await response.json()) as Behaviours & { error?: string };
  if (!response.ok) throw new Error(`PUT /_emulator/behaviours: ${body.error ?? response.status}`);
  return body;
}

/** Environment for the CLI, the program and the provider host: the consumer account's keys. */
export function consumerEnv(emu: Emulator): Record<string, string> {
  return emulatorAccountEnv(emu, "consumer");
}

/** The AWS SDK's environment for one emulator account: its keys, the region and the endpoint. */
export function emulatorAccountEnv(emu: Emulator, account: "producer" | "consumer"): Record<string, string> {
  const creds = emu.credentials(account);
  return {
    AWS_ACCESS_KEY_ID: creds.accessKeyId,
    AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
    AWS_REGION: REGION,
    AWS_ENDPOINT_URL: emu.endpoint,
    REDSHIFT_DATASHARE_MAX_ATTEMPTS: "3",
  };
}

export function accountClient(emu: Emulator, account: string): RedshiftClient {
  return new RedshiftClient({
    endpoint: emu.endpoint,
    region: REGION,
    credentials: emu.credentials(account),
    maxAttempts: 1,
  });
}

/** Out-of-band changes, made as AWS would see them: through the API, with the right account. */
export function outOfBand(emu: Emulator) {
  const consumer = accountClient(emu, "consumer");
  const producer = accountClient(emu, "producer");
  return {
    disassociate: (DataShareArn: string, ConsumerArn: string) =>
      consumer.send(new DisassociateDataShareConsumerCommand({ DataShareArn, ConsumerArn })),
    associate: (DataShareArn: string, ConsumerArn: string, AllowWrites?: boolean) =>
      consumer.send(new AssociateDataShareConsumerCommand({ DataShareArn, ConsumerArn, AllowWrites })),
    /** Any target (namespace, entire account, region), as the consumer. */
    associateWith: (input: AssociateDataShareConsumerCommandInput) =>
      consumer.send(new AssociateDataShareConsumerCommand(input)),
    disassociateWith: (input: DisassociateDataShareConsumerCommandInput) =>
      consumer.send(new DisassociateDataShareConsumerCommand(input)),
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
  for await (const page of paginateDescribeDataShares({ client: accountClient(emu, "consumer") }, {})) {
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

const PRODUCER_NAMESPACE = "a1b2c3d4-0000-4000-8000-000000000001";

/** A new datashare of the seeded producer, granted to and authorized for the consumer account. */
export async function authorizedShare(emu: Emulator, name: string, allowWrites = false): Promise<string> {
  const arn = await emu.admin.createDataShare({
    producerAccount: emu.accountId("producer"),
    producerNamespace: PRODUCER_NAMESPACE,
    name,
  });
  await emu.admin.grantUsage(arn, emu.accountId("consumer"));
  await outOfBand(emu).authorize(arn, allowWrites);
  return arn;
}
