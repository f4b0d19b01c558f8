/**
 * Both resources as the behaviour table (table.test.ts) drives them: a provider in-process against
 * the emulator with the real AWS SDK, the declared key (the consumer's entire account, where
 * accountEntryRegion shows; the producer's consumer account), the out-of-band changes the
 * contract needs, and what is live on the account.
 */
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DeauthorizeDataShareCommand,
  DescribeDataSharesCommand,
  RejectDataShareCommand,
} from "@aws-sdk/client-redshift";
import { createAuthorizationProvider } from "../../../provider/authorization/provider";
import { createProvider } from "../../../provider/consumer/provider";
import { accountClient, Emulator } from "../../../harness/emulatorFixture";
import { emulatorProviderOptions, type AnyProvider } from "../shared/resources";

type Bag = Record<string, unknown>;

/** What is live for the declared key, as the declaring account's DescribeDataShares shows it. */
export interface LiveObject {
  status: string;
  writes: boolean;
}

export interface Contract {
  name: string;
  provider(warnings: string[]): AnyProvider;
  /** The declared key (allowWrites unset). */
  declared: Bag;
  /** The same key with the datashare name in capitals. */
  respelled: Bag;
  /** The key on a datashare whose writes the producer allows (the consumer's writes can change). */
  writable: Bag;
  /** The writes output this resource's update must change. */
  writesOutput: "consumerAcceptedWrites" | "producerAllowedWrites";
  /** Makes the declared object out of band, as someone outside Pulumi would. */
  makeOutOfBand(): Promise<void>;
  /** The producer deauthorizes the consumer account; the consumer rejects the share. */
  deauthorize(): Promise<void>;
  reject(): Promise<void>;
  /** The producer authorizes the consumer account again (read-only). */
  authorizeAgain(): Promise<void>;
  /** The live object of a key (the declared one by default), undefined when there is none. */
  live(key?: Bag): Promise<LiveObject | undefined>;
}

function options(emu: Emulator, account: string, warnings: string[]) {
  return emulatorProviderOptions(emu, account, { warn: (m) => warnings.push(m) });
}

async function entries(emu: Emulator, account: string, dataShareArn: string) {
  try {
    const answer = await accountClient(emu, account).send(
      new DescribeDataSharesCommand({ DataShareArn: dataShareArn }),
    );
    return (answer.DataShares ?? []).flatMap((s) => s.DataShareAssociations ?? []);
  } catch {
    return []; // not visible to this account (a hidden share)
  }
}

export function consumerContract(emu: Emulator): Contract {
  const account = emu.accountId("consumer");
  const share = emu.dataShareArn("sales");
  const writable = emu.dataShareArn("marketing");
  const producer = accountClient(emu, "producer");
  const consumer = accountClient(emu, "consumer");
  return {
    name: "DataShareConsumer",
    provider: (warnings) => createProvider(options(emu, "consumer", warnings)) as unknown as AnyProvider,
    declared: { dataShareArn: share, associateEntireAccount: true },
    respelled: { dataShareArn: share.replace("/sales", "/SALES"), associateEntireAccount: true },
    writable: { dataShareArn: writable, associateEntireAccount: true },
    writesOutput: "consumerAcceptedWrites",
    async makeOutOfBand() {
      await consumer.send(
        new AssociateDataShareConsumerCommand({ DataShareArn: share, AssociateEntireAccount: true }),
      );
    },
    async deauthorize() {
      await producer.send(
        new DeauthorizeDataShareCommand({ DataShareArn: share, ConsumerIdentifier: account }),
      );
    },
    async reject() {
      await consumer.send(new RejectDataShareCommand({ DataShareArn: share }));
    },
    async authorizeAgain() {
      await producer.send(
        new AuthorizeDataShareCommand({ DataShareArn: share, ConsumerIdentifier: account }),
      );
    },
    async live(key = { dataShareArn: share }) {
      const found = (await entries(emu, "consumer", key.dataShareArn as string)).find(
        (a) => a.ConsumerIdentifier === account && a.Status === "ACTIVE",
      );
      return found && { status: "ACTIVE", writes: found.ConsumerAcceptedWrites === true };
    },
  };
}

export function authorizationContract(emu: Emulator): Contract {
  const account = emu.accountId("consumer");
  const share = emu.dataShareArn("finance");
  const producer = accountClient(emu, "producer");
  const consumer = accountClient(emu, "consumer");
  return {
    name: "DataShareAuthorization",
    provider: (warnings) =>
      createAuthorizationProvider(options(emu, "producer", warnings)) as unknown as AnyProvider,
    declared: { dataShareArn: share, consumerIdentifier: account },
    respelled: { dataShareArn: share.replace("/finance", "/FINANCE"), consumerIdentifier: account },
    writable: { dataShareArn: share, consumerIdentifier: account },
    writesOutput: "producerAllowedWrites",
    async makeOutOfBand() {
      await producer.send(
        new AuthorizeDataShareCommand({ DataShareArn: share, ConsumerIdentifier: account }),
      );
    },
    async deauthorize() {
      await producer.send(
        new DeauthorizeDataShareCommand({ DataShareArn: share, ConsumerIdentifier: account }),
      );
    },
    async reject() {
      await consumer.send(new RejectDataShareCommand({ DataShareArn: share }));
    },
    async authorizeAgain() {
      await producer.send(
        new AuthorizeDataShareCommand({ DataShareArn: share, ConsumerIdentifier: account }),
      );
    },
    async live() {
      const found = (await entries(emu, "producer", share)).find(
        (a) => a.ConsumerIdentifier === account && (a.Status === "AUTHORIZED" || a.Status === "ACTIVE"),
      );
      return found && { status: found.Status ?? "", writes: found.ProducerAllowedWrites === true };
    },
  };
}

export const CONTRACTS = [consumerContract, authorizationContract];
