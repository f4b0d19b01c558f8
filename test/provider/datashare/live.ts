/**
 * An in-process DataShare provider pointed at a fresh emulator as the producer account, with the
 * producer cluster's target, and a look at the datashare straight from the emulator's model.
 */
import { createDataShareProvider, type DataShareProvider } from "../../../provider/datashare/provider";
import type { SqlProviderOptions } from "../../../provider/core/sqlRuntime";
import type { Behaviours } from "../../../emulator/model/behaviours";
import { Emulator, startSeededEmulator } from "../../../harness/emulatorFixture";
import { emulatorProviderOptions } from "../shared/resources";

export interface LiveDataShare {
  emu: Emulator;
  provider: DataShareProvider;
  providerWith(options: Partial<SqlProviderOptions>): DataShareProvider;
  /** The producer cluster's target inputs (clusterIdentifier, database). */
  target: { clusterIdentifier: string; database: string };
  warnings: string[];
  notes: string[];
  records: string[];
  /** The datashare of that name in the emulator's model, or undefined. */
  share(name: string): { objects: string[]; includeNew: string[]; publicAccessible: boolean } | undefined;
}

export async function startLiveDataShare(behaviours: Partial<Behaviours> = {}): Promise<LiveDataShare> {
  const emu = await startSeededEmulator(behaviours);
  const warnings: string[] = [];
  const notes: string[] = [];
  const records: string[] = [];
  const endpoint = emu.dataApiTarget("producer", 0);
  const providerWith = (options: Partial<SqlProviderOptions>) =>
    createDataShareProvider({
      ...emulatorProviderOptions(emu, "producer", {
        warn: (m) => warnings.push(m),
        note: (m) => notes.push(m),
      }),
      record: async (line) => void records.push(line),
      // Statements end at once in the emulator (statementMs 0): poll again without waiting.
      sleep: () => Promise.resolve(),
      ...options,
    });
  return {
    emu,
    provider: providerWith({}),
    providerWith,
    target: { clusterIdentifier: endpoint.clusterIdentifier!, database: endpoint.database },
    warnings,
    notes,
    records,
    share(name) {
      const found = emu.admin
        .snapshot()
        .dataShares.find((d) => d.name === name && d.producerNamespace === endpoint.namespaceId);
      if (!found) return undefined;
      return {
        objects: (found.objects ?? []).map((o) => `${o.type} ${o.name}`).sort(),
        includeNew: [...(found.includeNew ?? [])].sort(),
        publicAccessible: found.allowPubliclyAccessibleConsumers,
      };
    },
  };
}
