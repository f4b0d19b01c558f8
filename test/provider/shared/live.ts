/**
 * In-process provider pointed at a fresh emulator as the consumer account. The emulator and the
 * out-of-band changes come from harness/emulatorFixture.ts, as for the end-to-end tests.
 */
import type { ModelState } from "../../../emulator";
import {
  createProvider,
  DataShareConsumerProvider,
  ProviderOptions,
} from "../../../provider/consumer/provider";
import { Emulator, REGION, outOfBand, startSeededEmulator } from "../../../harness/emulatorFixture";
import { emulatorProviderOptions } from "./resources";

export { REGION };
export type { Emulator };

export interface Live {
  emu: Emulator;
  provider: DataShareConsumerProvider;
  warnings: string[];
  /** The records for tools (goneReport.ts) the provider sent to the engine's event log. */
  records: string[];
  /** A provider with other options against the same emulator. */
  providerWith(options: Partial<ProviderOptions>): DataShareConsumerProvider;
  outOfBand: ReturnType<typeof outOfBand>;
}

export async function startLive(): Promise<Live> {
  const emu = await startSeededEmulator();
  const warnings: string[] = [];
  const records: string[] = [];
  const providerWith = (options: Partial<ProviderOptions>) =>
    createProvider({
      ...emulatorProviderOptions(emu, "consumer", { warn: (m) => warnings.push(m) }),
      record: async (line) => void records.push(line),
      ...options,
    });
  return { emu, provider: providerWith({}), warnings, records, providerWith, outOfBand: outOfBand(emu) };
}

/** The consumer's associations of one share, straight from the emulator's model. */
export function associationsOf(
  emu: Emulator,
  dataShareArn: string,
): ModelState["dataShares"][number]["consumers"][number]["associations"] {
  const share = emu.admin.snapshot().dataShares.find((d) => d.arn === dataShareArn);
  return share?.consumers.find((c) => c.accountId === emu.accountId("consumer"))?.associations ?? [];
}
