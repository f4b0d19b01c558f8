/**
 * In-process DataShareAuthorization provider pointed at a fresh emulator as the producer account,
 * with the emulator and out-of-band changes of harness/emulatorFixture.ts.
 */
import {
  AuthorizationProviderOptions,
  DataShareAuthorizationProvider,
  createAuthorizationProvider,
} from "../../../provider/authorization/provider";
import { Emulator, REGION, outOfBand, startSeededEmulator } from "../../../harness/emulatorFixture";
import { emulatorProviderOptions } from "../shared/resources";

export { REGION };
export type { Emulator };

export interface ProducerLive {
  emu: Emulator;
  provider: DataShareAuthorizationProvider;
  warnings: string[];
  /** The records for tools (goneReport.ts) the provider sent to the engine's event log. */
  records: string[];
  providerWith(options: Partial<AuthorizationProviderOptions>): DataShareAuthorizationProvider;
  outOfBand: ReturnType<typeof outOfBand>;
}

export async function startProducerLive(): Promise<ProducerLive> {
  const emu = await startSeededEmulator();
  const warnings: string[] = [];
  const records: string[] = [];
  const providerWith = (options: Partial<AuthorizationProviderOptions>) =>
    createAuthorizationProvider({
      ...emulatorProviderOptions(emu, "producer", { warn: (m) => warnings.push(m) }),
      record: async (line) => void records.push(line),
      ...options,
    });
  return { emu, provider: providerWith({}), warnings, records, providerWith, outOfBand: outOfBand(emu) };
}

/** The producer's record of one consumer's grant, straight from the emulator's model. */
export function grantOf(emu: Emulator, dataShareArn: string, account = "consumer") {
  const share = emu.admin.snapshot().dataShares.find((d) => d.arn === dataShareArn);
  return share?.consumers.find((c) => c.accountId === emu.accountId(account));
}
