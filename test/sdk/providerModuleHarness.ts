/**
 * What the engine does with a resource's `__provider` text, for the provider-module tests: evaluate
 * it as the dynamic-provider host does (a module without a file name) and call its handler, in an
 * environment and with a stack config as the host has them.
 */
import type * as pulumi from "@pulumi/pulumi";
import { startEmulator } from "../../emulator";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;

export type HostProvider = pulumi.dynamic.ResourceProvider & {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void>;
};

/** The host evaluates the text as a module without a file name and calls its handler. */
export function deserialize(text: string): HostProvider {
  const requireFromString = require("require-from-string") as (code: string) => { handler(): never };
  return requireFromString(text).handler();
}

/** Sets environment variables for a test; the returned function puts the old values back. */
export function withEnv(vars: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  apply(vars);
  return () => apply(saved);
}

/**
 * Per test: a fresh emulator, and the account's keys in the environment as the host would have
 * them (the SDK's default chain); everything put back afterwards. Read `emu` inside the tests.
 */
export function useHostEnvironment(account: "consumer" | "producer"): { readonly emu: Emulator } {
  const context = {} as { emu: Emulator };
  let restore: () => void;
  beforeEach(async () => {
    context.emu = await startEmulator({ seed: "emulator/seeds/default.json" });
    const creds = context.emu.credentials(account);
    restore = withEnv({
      AWS_ACCESS_KEY_ID: creds.accessKeyId,
      AWS_SECRET_ACCESS_KEY: creds.secretAccessKey,
      AWS_SESSION_TOKEN: undefined,
      AWS_PROFILE: undefined,
      AWS_REGION: undefined,
      REDSHIFT_DATASHARE_ENDPOINT: undefined,
      // STS goes where the SDK's own setting says; the Redshift endpoint never carries it.
      AWS_ENDPOINT_URL_STS: context.emu.endpoint,
    });
  });
  afterEach(async () => {
    restore();
    await context.emu.stop();
  });
  return context;
}

/** Configure as the engine does, with the emulator as the Redshift endpoint and one attempt per call. */
export function configureForEmulator(provider: HostProvider, emu: Emulator): Promise<void> {
  const config: Record<string, string> = {
    "aws:region": "us-east-1",
    "redshift-datashare:endpoint": emu.endpoint,
    "redshift-datashare:maxAttempts": "1",
  };
  return provider.configure({ config: { get: (k) => config[k], require: (k) => config[k] } });
}
