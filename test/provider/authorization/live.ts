/**
 * In-process DataShareAuthorization provider pointed at a fresh emulator as the producer account,
 * plus out-of-band changes made through the real SDK with the right account's keys.
 */
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  RedshiftClient,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import { startEmulator } from "../../../emulator";
import {
  AuthorizationProviderOptions,
  DataShareAuthorizationProvider,
  createAuthorizationProvider,
} from "../../../provider/authorization/provider";

export type Emulator = Awaited<ReturnType<typeof startEmulator>>;
export const REGION = "us-east-1";

export interface ProducerLive {
  emu: Emulator;
  provider: DataShareAuthorizationProvider;
  warnings: string[];
  providerWith(options: Partial<AuthorizationProviderOptions>): DataShareAuthorizationProvider;
  outOfBand: ReturnType<typeof outOfBand>;
}

export async function startProducerLive(): Promise<ProducerLive> {
  const emu = await startEmulator({ seed: "emulator/seeds/default.json" });
  const warnings: string[] = [];
  const providerWith = (options: Partial<AuthorizationProviderOptions>) =>
    createAuthorizationProvider({
      endpoint: emu.endpoint,
      region: REGION,
      credentials: emu.credentials("producer"),
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
    associate: (DataShareArn: string, AllowWrites?: boolean) =>
      consumer.send(
        new AssociateDataShareConsumerCommand({ DataShareArn, AssociateEntireAccount: true, AllowWrites }),
      ),
    reject: (DataShareArn: string) => consumer.send(new RejectDataShareCommand({ DataShareArn })),
    deauthorize: (DataShareArn: string) =>
      producer.send(new DeauthorizeDataShareCommand({ DataShareArn, ConsumerIdentifier: consumerId })),
    authorize: (DataShareArn: string, AllowWrites?: boolean) =>
      producer.send(
        new AuthorizeDataShareCommand({ DataShareArn, ConsumerIdentifier: consumerId, AllowWrites }),
      ),
  };
}

/** The producer's record of one consumer's grant, straight from the emulator's model. */
export function grantOf(emu: Emulator, dataShareArn: string, account = "consumer") {
  const share = emu.admin.snapshot().dataShares.find((d) => d.arn === dataShareArn);
  return share?.consumers.find((c) => c.accountId === emu.accountId(account));
}
