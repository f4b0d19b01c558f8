/**
 * An in-process DataShareGrant provider against a fresh emulator, as the producer account, with a
 * datashare of the seeded producer cluster to grant.
 */
import {
  DescribeStatementCommand,
  ExecuteStatementCommand,
  RedshiftDataClient,
} from "@aws-sdk/client-redshift-data";
import { Emulator, REGION, startSeededEmulator } from "../../../harness/emulatorFixture";
import type { Behaviours } from "../../../harness/emulatorFixture";
import {
  createGrantProvider,
  DataShareGrantProvider,
  GrantProviderOptions,
} from "../../../provider/grant/provider";
import { emulatorProviderOptions } from "../shared/resources";

/** The seeded producer's provisioned namespace (producer-cluster) and its serverless one. */
export const PRODUCER_NAMESPACE = "a1b2c3d4-0000-4000-8000-000000000001";
export const PRODUCER_SERVERLESS_NAMESPACE = "a1b2c3d4-0000-4000-8000-000000000002";

export interface GrantWorld {
  emu: Emulator;
  provider: DataShareGrantProvider;
  providerWith(options: Partial<GrantProviderOptions>): DataShareGrantProvider;
  warnings: string[];
  notes: string[];
  /** The records for tools (goneReport.ts) sent to the engine's event log. */
  records: string[];
  /** A new datashare of producer-cluster (database dev); its ARN. */
  share(name: string): Promise<string>;
  consumer: string;
  /** Inputs of a grant of `name` on producer-cluster. */
  declared(name: string, consumerIdentifier?: string): Record<string, unknown>;
  /** The grants of a datashare in the model, as `<account>[/via]` or `namespace:<guid>`. */
  grantsOf(dataShareArn: string): string[];
}

interface ShareSnapshot {
  arn: string;
  consumers: { accountId: string; via?: string; status?: string }[];
  namespaceGrants?: { namespace: string }[];
}

export async function startGrantWorld(behaviours: Partial<Behaviours> = {}): Promise<GrantWorld> {
  const emu = await startSeededEmulator(behaviours);
  const warnings: string[] = [];
  const notes: string[] = [];
  const records: string[] = [];
  const providerWith = (options: Partial<GrantProviderOptions>) =>
    createGrantProvider({
      ...emulatorProviderOptions(emu, "producer", {
        warn: (m) => warnings.push(m),
        note: (m) => notes.push(m),
      }),
      record: async (line) => void records.push(line),
      ...options,
    });
  const consumer = emu.accountId("consumer");
  return {
    emu,
    provider: providerWith({}),
    providerWith,
    warnings,
    notes,
    records,
    consumer,
    share: (name) =>
      emu.admin.createDataShare({
        producerAccount: emu.accountId("producer"),
        producerNamespace: PRODUCER_NAMESPACE,
        name,
      }),
    declared: (name, consumerIdentifier = consumer) => ({
      clusterIdentifier: "producer-cluster",
      database: "dev",
      dataShareName: name,
      consumerIdentifier,
    }),
    grantsOf(dataShareArn) {
      const state = emu.admin.snapshot() as { dataShares: ShareSnapshot[] };
      const share = state.dataShares.find((d) => d.arn === dataShareArn);
      if (!share) return [];
      return [
        ...share.consumers.map((c) => (c.via ? `${c.accountId}/${c.via}` : c.accountId)),
        ...(share.namespaceGrants ?? []).map((g) => `namespace:${g.namespace}`),
      ];
    },
  };
}

/** A statement run by hand in the producer database (outside Pulumi), through the Data API. */
export async function producerSql(emu: Emulator, sql: string): Promise<void> {
  const client = new RedshiftDataClient({
    endpoint: emu.endpoint,
    region: REGION,
    credentials: emu.credentials("producer"),
    maxAttempts: 1,
  });
  const { Id } = await client.send(
    new ExecuteStatementCommand({ ClusterIdentifier: "producer-cluster", Database: "dev", Sql: sql }),
  );
  const d = await client.send(new DescribeStatementCommand({ Id }));
  if (d.Status !== "FINISHED") throw new Error(`${sql}: ${d.Status} ${d.Error ?? ""}`);
}
