/**
 * The emulator as `npm run test:aws` sees it: two named profiles in temporary shared AWS files
 * (producer and consumer keys), and the settings that point the probe at it.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator, type Emulator } from "../../emulator";

export const PROFILES = { producer: "probe-producer", consumer: "probe-consumer" } as const;

export interface ProbeFiles {
  AWS_SHARED_CREDENTIALS_FILE: string;
  AWS_CONFIG_FILE: string;
}

function writeProfiles(emu: Emulator, dir: string): ProbeFiles {
  const credentials = (["producer", "consumer"] as const)
    .map((account) => {
      const { accessKeyId, secretAccessKey } = emu.credentials(account);
      return `[${PROFILES[account]}]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`;
    })
    .join("\n");
  const files = {
    AWS_SHARED_CREDENTIALS_FILE: join(dir, "credentials"),
    AWS_CONFIG_FILE: join(dir, "config"),
  };
  writeFileSync(files.AWS_SHARED_CREDENTIALS_FILE, credentials);
  writeFileSync(files.AWS_CONFIG_FILE, "");
  return files;
}

let files: ProbeFiles | undefined;

/**
 * A seeded emulator for the block, with the profiles in temporary files that the process's own
 * SDK clients read (the probe in process); both are removed afterwards.
 */
export function useProbeEmulator(): () => Emulator {
  let emu: Emulator | undefined;
  let dir: string | undefined;
  const saved: Partial<Record<keyof ProbeFiles, string | undefined>> = {};
  before(async () => {
    emu = await startEmulator({ seed: "emulator/seeds/default.json" });
    dir = mkdtempSync(join(tmpdir(), "probe-profiles-"));
    files = writeProfiles(emu, dir);
    for (const [name, value] of Object.entries(files) as [keyof ProbeFiles, string][]) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
  });
  after(async () => {
    for (const [name, value] of Object.entries(saved) as [keyof ProbeFiles, string | undefined][]) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
    await emu?.stop();
  });
  return () => {
    if (!emu) throw new Error("emulator not started");
    return emu;
  };
}

/** The probe's settings for one seeded datashare, quick to settle against the emulator. */
export function probeEnv(emu: Emulator, share: string): Record<string, string> {
  if (!files) throw new Error("profiles not written");
  return {
    ...files,
    RDS_AWS_PRODUCER_PROFILE: PROFILES.producer,
    RDS_AWS_CONSUMER_PROFILE: PROFILES.consumer,
    RDS_AWS_DATASHARE_ARN: emu.dataShareArn(share),
    RDS_AWS_CONSUMER_NAMESPACE_ARN: emu.namespaceArn("consumer", 0),
    AWS_ENDPOINT_URL: emu.endpoint,
    RDS_AWS_SETTLE_TIMEOUT_MS: "50",
    RDS_AWS_POLL_INTERVAL_MS: "5",
  };
}

/** The consumer account's grant of a share as the probe must leave it (dates aside). */
export function grantOf(emu: Emulator, share: string) {
  const record = emu.admin.snapshot().dataShares.find((d) => d.arn === emu.dataShareArn(share));
  const grant = record?.consumers.find((c) => c.accountId === emu.accountId("consumer") && !c.via);
  return (
    grant && {
      status: grant.status,
      producerAllowedWrites: grant.producerAllowedWrites,
      associations: grant.associations.map((a) => ({
        target: a.target,
        status: a.status,
        writes: a.consumerAcceptedWrites,
      })),
    }
  );
}
