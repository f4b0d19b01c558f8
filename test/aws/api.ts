/**
 * The raw AWS SDK as the probe uses it: one Redshift client per account, and the few reads and
 * checks every probe step shares. Nothing here knows about the emulator.
 */
import {
  DescribeDataSharesCommand,
  RedshiftClient,
  type DataShareAssociation,
  type AssociateDataShareConsumerCommandInput,
} from "@aws-sdk/client-redshift";
import { setTimeout as sleep } from "node:timers/promises";
import type { ProbeConfig } from "./config";

export interface ProbeApi {
  producer: RedshiftClient;
  consumer: RedshiftClient;
  dataShareArn: string;
  consumerAccount: string;
  namespaceArn: string;
  config: ProbeConfig;
  /** Aborted on Ctrl-C: waiting stops and the probe goes on to restore the start state. */
  signal?: AbortSignal;
}

/** A consumer's target, as AssociateDataShareConsumer takes it. */
export type Target = Omit<AssociateDataShareConsumerCommandInput, "DataShareArn" | "AllowWrites">;

export function probeApi(config: ProbeConfig, signal?: AbortSignal): ProbeApi {
  const client = (profile: string) =>
    new RedshiftClient({
      profile,
      region: config.region,
      maxAttempts: 3,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    });
  const account = /^arn:aws[a-z-]*:redshift(?:-serverless)?:[^:]+:(\d{12}):namespace[:/]/.exec(
    config.consumerNamespaceArn,
  );
  if (!account)
    throw new Error(`RDS_AWS_CONSUMER_NAMESPACE_ARN is not a namespace ARN: ${config.consumerNamespaceArn}`);
  return {
    producer: client(config.producerProfile),
    consumer: client(config.consumerProfile),
    dataShareArn: config.dataShareArn,
    consumerAccount: account[1],
    namespaceArn: config.consumerNamespaceArn,
    config,
    ...(signal ? { signal } : {}),
  };
}

/** An AWS error with this code (and, when given, this fragment in its message). */
export function isFault(err: unknown, code: string, fragment?: string): boolean {
  if (!(err instanceof Error) || err.name !== code) return false;
  return fragment === undefined || err.message.includes(fragment);
}

export function isMissing(err: unknown): boolean {
  return isFault(err, "InvalidDataShareFault", "doesn't exist") || isFault(err, "ResourceNotFoundFault");
}

/** The producer's entry for the consumer account (undefined: none). */
export async function producerEntry(api: ProbeApi): Promise<DataShareAssociation | undefined> {
  const out = await api.producer.send(new DescribeDataSharesCommand({ DataShareArn: api.dataShareArn }));
  return out.DataShares?.[0]?.DataShareAssociations?.find(
    (e) => e.ConsumerIdentifier === api.consumerAccount,
  );
}

/** What the consumer sees of the datashare by ARN: its entries, or nothing at all. */
export type ConsumerLook = { hidden: true } | { hidden: false; entries: DataShareAssociation[] };

export async function consumerLook(api: ProbeApi, dataShareArn = api.dataShareArn): Promise<ConsumerLook> {
  try {
    const out = await api.consumer.send(new DescribeDataSharesCommand({ DataShareArn: dataShareArn }));
    return { hidden: false, entries: out.DataShares?.[0]?.DataShareAssociations ?? [] };
  } catch (err) {
    if (isMissing(err)) return { hidden: true };
    throw err;
  }
}

export function activeEntries(look: ConsumerLook): DataShareAssociation[] {
  return look.hidden ? [] : look.entries.filter((e) => e.Status === "ACTIVE");
}

/**
 * Reads until `done` holds (AWS shows some changes after a delay), at most the settle timeout;
 * returns the last reading either way, so a caller can tell "changed" from "never changed".
 */
export async function settle<T>(
  api: ProbeApi,
  read: () => Promise<T>,
  done: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + api.config.settleTimeoutMs;
  for (;;) {
    api.signal?.throwIfAborted();
    const value = await read();
    if (done(value) || Date.now() >= deadline) return value;
    await sleep(api.config.pollIntervalMs);
  }
}

/** AllowWrites only when true: `false` is refused where write sharing is unavailable. */
export function writesArg(allowWrites: boolean): { AllowWrites?: boolean } {
  return allowWrites ? { AllowWrites: true } : {};
}
