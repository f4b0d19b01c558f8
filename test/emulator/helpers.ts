import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RedshiftClient, type RedshiftClientConfig } from "@aws-sdk/client-redshift";
import { STSClient } from "@aws-sdk/client-sts";
import type { BuildMiddleware, HttpRequest, MetadataBearer } from "@smithy/types";
import { startEmulator, type Behaviours, type Emulator, type EmulatorOptions } from "../../emulator";

import { REGION } from "../fixtures/arns";

export { REGION };

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

/**
 * Gives every test of the enclosing block these behaviours (the others at their defaults) and
 * puts every behaviour back to its default after each test.
 */
export function useBehaviours(emu: () => Emulator, settings: Partial<Behaviours>): void {
  beforeEach(() => {
    emu().setBehaviours(settings);
  });
  afterEach(() => {
    emu().setBehaviours({});
  });
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

/**
 * Rewrites the form body of every request the client sends, before signing ("build") or after
 * it ("finalizeRequest"), keeping content-length right: for wire cases the SDK never produces.
 */
export function rewriteRequestBody(
  client: RedshiftClient,
  step: "build" | "finalizeRequest",
  edit: (body: string) => string,
): void {
  const rewrite: BuildMiddleware<object, MetadataBearer> = (next) => async (args) => {
    const request = args.request as HttpRequest;
    request.body = edit(String(request.body));
    request.headers["content-length"] = String(Buffer.byteLength(request.body as string));
    return next(args);
  };
  const name = `rewriteRequestBody-${step}`;
  if (step === "build") client.middlewareStack.add(rewrite, { step, priority: "low", name });
  else client.middlewareStack.add(rewrite, { step, priority: "high", name });
}
