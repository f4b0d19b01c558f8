import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RedshiftClient, type RedshiftClientConfig } from "@aws-sdk/client-redshift";
import { STSClient } from "@aws-sdk/client-sts";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";

export const REGION = "us-east-1";

/** A Redshift client signed as one of the emulator's accounts; no retries unless asked. */
export function redshiftAs(emu: Emulator, account: string, extra: Partial<RedshiftClientConfig> = {}) {
  return new RedshiftClient({
    endpoint: emu.endpoint,
    region: REGION,
    credentials: emu.credentials(account),
    maxAttempts: 1,
    ...extra,
  });
}

export function stsAs(emu: Emulator, account: string) {
  return new STSClient({
    endpoint: emu.endpoint,
    region: REGION,
    credentials: emu.credentials(account),
    maxAttempts: 1,
  });
}

/** Starts an emulator for one `describe` block and stops it afterwards. */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
  let emu: Emulator | undefined;
  before(async () => {
    emu = await startEmulator(options);
  });
  after(async () => {
    await emu?.stop();
  });
  return () => {
    if (!emu) throw new Error("emulator not started");
    return emu;
  };
}

/** A fresh temporary directory, removed after the block. */
export function useTempDir(): () => string {
  let dir: string | undefined;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), "redshift-emulator-"));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error("temp dir not created");
    return dir;
  };
}

/** Runs `action` and returns what it threw; fails the test if it did not throw. */
export async function failureOf(
  action: () => Promise<unknown>,
): Promise<Error & { $metadata?: { httpStatusCode?: number } }> {
  try {
    await action();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}
