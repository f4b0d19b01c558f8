/**
 * In-process provider pointed at a fresh emulator as the consumer account, plus out-of-band
 * changes made the way AWS would see them: through the real SDK with the right account's keys.
 */
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  DisassociateDataShareConsumerCommand,
  RedshiftClient,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import { startEmulator } from "../../emulator";
import type { ModelState } from "../../emulator";
import { createProvider, DataShareConsumerProvider, ProviderOptions } from "../../provider/provider";

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;
export const REGION = "us-east-1";

export interface Live {
  emu: Emulator;
  provider: DataShareConsumerProvider;
  warnings: string[];
  /** A provider with other options against the same emulator. */
  providerWith(options: Partial<ProviderOptions>): DataShareConsumerProvider;
  outOfBand: ReturnType<typeof outOfBand>;
}

export async function startLive(): Promise<Live> {
  const emu = await startEmulator({ seed: "emulator/seeds/default.json" });
  const warnings: string[] = [];
  const providerWith = (options: Partial<ProviderOptions>) =>
    createProvider({
      endpoint: emu.endpoint,
      // The emulator serves STS on the same URL; the provider never assumes that by itself.
      stsEndpoint: emu.endpoint,
      region: REGION,
      credentials: emu.credentials("consumer"),
      maxAttempts: 1,
      env: {},
      warn: (m) => warnings.push(m),
      ...options,
    });
  return { emu, provider: providerWith({}), warnings, providerWith, outOfBand: outOfBand(emu) };
}

function client(emu: Emulator, account: string): RedshiftClient {
  return new RedshiftClient({
    endpoint: emu.endpoint,
    region: REGION,
    credentials: emu.credentials(account),
    maxAttempts: 1,
  });
}

function outOfBand(emu: Emulator) {
  const consumer = client(emu, "consumer");
  const producer = client(emu, "producer");
  const consumerId = emu.accountId("consumer");
  return {
    associate: (input: {
      DataShareArn: string;
      ConsumerArn?: string;
      AssociateEntireAccount?: boolean;
      AllowWrites?: boolean;
    }) => consumer.send(new AssociateDataShareConsumerCommand(input)),
    disassociate: (input: {
      DataShareArn: string;
      ConsumerArn?: string;
      DisassociateEntireAccount?: boolean;
    }) => consumer.send(new DisassociateDataShareConsumerCommand(input)),
    reject: (DataShareArn: string) => consumer.send(new RejectDataShareCommand({ DataShareArn })),
    deauthorize: (DataShareArn: string) =>
      producer.send(new DeauthorizeDataShareCommand({ DataShareArn, ConsumerIdentifier: consumerId })),
    authorize: (DataShareArn: string, AllowWrites?: boolean) =>
      producer.send(
        new AuthorizeDataShareCommand({ DataShareArn, ConsumerIdentifier: consumerId, AllowWrites }),
      ),
  };
}

/** The consumer's associations of one share, straight from the emulator's model. */
export function associationsOf(
  emu: Emulator,
  dataShareArn: string,
): ModelState["dataShares"][number]["consumers"][number]["associations"] {
  const share = emu.admin.snapshot().dataShares.find((d) => d.arn === dataShareArn);
  return share?.consumers.find((c) => c.accountId === emu.accountId("consumer"))?.associations ?? [];
}
