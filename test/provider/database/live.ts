/**
 * DataShareDatabase in process against a fresh seeded emulator, as the consumer account: the
 * default seed's `sales` datashare (granted to and authorized for the consumer), associated with
 * the consumer's entire account, as a DataShareConsumer would leave it.
 */
import { createDatabaseProvider, DatabaseProviderOptions } from "../../../provider/database/provider";
import { Emulator, outOfBand, startSeededEmulator } from "../../../harness/emulatorFixture";
import type { Behaviours } from "../../../emulator";
import { emulatorProviderOptions } from "../shared/resources";

export interface DatabaseLive {
  emu: Emulator;
  /** The seeded `sales` datashare's ARN. */
  share: string;
  /** Inputs of a database from it on the consumer's provisioned cluster. */
  declared: Record<string, unknown>;
  warnings: string[];
  notes: string[];
  records: string[];
  provider: ReturnType<typeof createDatabaseProvider>;
  providerWith(options: Partial<DatabaseProviderOptions>): ReturnType<typeof createDatabaseProvider>;
  /** The consumer's databases made from datashares, straight from the emulator's model. */
  databases(): { name: string; dataShareArn: string; withPermissions: boolean }[];
}

export async function startDatabaseLive(behaviours: Partial<Behaviours> = {}): Promise<DatabaseLive> {
  const emu = await startSeededEmulator(behaviours);
  const share = emu.dataShareArn("sales");
  await outOfBand(emu).associateWith({ DataShareArn: share, AssociateEntireAccount: true });
  const warnings: string[] = [];
  const notes: string[] = [];
  const records: string[] = [];
  const target = emu.dataApiTarget("consumer", 0);
  const providerWith = (options: Partial<DatabaseProviderOptions>) =>
    createDatabaseProvider({
      ...emulatorProviderOptions(emu, "consumer", {
        warn: (m) => warnings.push(m),
        note: (m) => notes.push(m),
      }),
      record: async (line) => void records.push(line),
      ...options,
    });
  return {
    emu,
    share,
    declared: {
      name: "shared_sales",
      dataShareArn: share,
      clusterIdentifier: target.clusterIdentifier,
      database: target.database,
      dbUser: "admin",
    },
    warnings,
    notes,
    records,
    provider: providerWith({}),
    providerWith,
    databases: () =>
      (emu.admin.snapshot().consumerDatabases ?? []).map((d) => ({
        name: d.name,
        dataShareArn: d.dataShareArn,
        withPermissions: d.withPermissions,
      })),
  };
}
