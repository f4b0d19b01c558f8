/**
 * Where the provider's settings come from. Pure: the caller passes the explicit options, the stack
 * config (delivered through `configure`) and the environment. No secret is read here: credentials
 * are left to the AWS SDK's default chain unless a caller passes them explicitly (tests).
 *
 * Precedence: explicit option > stack config > environment.
 *   region       aws:region                  > AWS_REGION > AWS_DEFAULT_REGION
 *   profile      aws:profile                 (else the SDK reads AWS_PROFILE itself)
 *   endpoint     redshift-datashare:endpoint > REDSHIFT_DATASHARE_ENDPOINT   (Redshift only)
 *
 * Without an endpoint here, and always for STS, the AWS SDK resolves endpoints itself:
 * AWS_ENDPOINT_URL_REDSHIFT / AWS_ENDPOINT_URL_STS, then AWS_ENDPOINT_URL, then `endpoint_url` in
 * the shared config profile. A Redshift endpoint is never used for STS: GetCallerIdentity must
 * reach the service that knows the credentials, and sending them to a Redshift URL tells it nothing.
 *   maxAttempts  redshift-datashare:maxAttempts > REDSHIFT_DATASHARE_MAX_ATTEMPTS (default 10)
 *   describeReuseSeconds  redshift-datashare:describeReuseSeconds >
 *                REDSHIFT_DATASHARE_DESCRIBE_REUSE_SECONDS (default 5; 0 shares only describes in flight)
 */
import { ConfigurationError } from "./errors";

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface ProviderSettings {
  region?: string;
  /** The Redshift endpoint. */
  endpoint?: string;
  /** Only for in-process use (tests against the emulator): the STS endpoint. */
  stsEndpoint?: string;
  profile?: string;
  maxAttempts?: number;
  /** How old (seconds) a DescribeDataShares answer may be for a read to reuse it (describeCoalescer.ts). */
  describeReuseSeconds?: number;
  /** Only for in-process use (tests, tools); the serialized provider never carries credentials. */
  credentials?: AwsCredentials;
}

export interface StackConfig {
  region?: string;
  profile?: string;
  endpoint?: string;
  maxAttempts?: string;
  describeReuseSeconds?: string;
}

export const CONFIG_KEYS = {
  region: "aws:region",
  profile: "aws:profile",
  endpoint: "redshift-datashare:endpoint",
  maxAttempts: "redshift-datashare:maxAttempts",
  describeReuseSeconds: "redshift-datashare:describeReuseSeconds",
} as const;

/**
 * Attempts per AWS call when nothing is configured. Only throttling, 5xx and network errors are
 * retried; a permanent failure (bad ARN, refused credentials, no authorization) surfaces after one
 * attempt whatever this is. Chosen from bench/retryDefaults.ts (20% throttling + 5% 5xx): 3 gave up
 * 6 of 120 operations, 5 and 8 none; at 25% faulty answers a call gives up with probability
 * 0.25^n, so 10 keeps a stack of 500 associations under a 0.1% chance of one give-up. The AWS
 * Terraform provider allows 25.
 */
export const DEFAULT_MAX_ATTEMPTS = 10;

/**
 * How long a read may reuse a DescribeDataShares answer of its datashare when nothing is configured.
 * A refresh reads every association of a datashare within seconds; reusing one answer for that
 * long keeps a refresh at about one call per datashare (inside AWS's rate limit: bench/README.md),
 * and every answer is still younger than this when its read starts, and than every create or
 * delete this provider made of that datashare.
 */
export const DEFAULT_DESCRIBE_REUSE_SECONDS = 5;

/** How long (ms) reads may reuse a describe's answer under these settings (describeCoalescer.ts). */
export function describeReuseMs(settings: ProviderSettings): number {
  return (settings.describeReuseSeconds ?? DEFAULT_DESCRIBE_REUSE_SECONDS) * 1000;
}

/** Reads only the keys above; anything else in the stack config (e.g. aws:secretKey) is never touched. */
/**
 * The provider's keys from a stack config. The dynamic-provider host builds its config from the
 * engine's Configure call; a host that never got one hands a config whose get() throws: that
 * reads as "not set".
 */
export function readStackConfig(get: (key: string) => string | undefined): StackConfig {
  const out: StackConfig = {};
  for (const [name, key] of Object.entries(CONFIG_KEYS) as [keyof StackConfig, string][]) {
    let value: string | undefined;
    try {
      value = get(key);
    } catch {
      value = undefined;
    }
    if (typeof value === "string" && value !== "") out[name] = value;
  }
  return out;
}

type Env = Record<string, string | undefined>;

const nonEmpty = (...values: (string | undefined)[]): string | undefined =>
  values.find((v) => v !== undefined && v !== "");

export function resolveSettings(options: ProviderSettings, stack: StackConfig, env: Env): ProviderSettings {
  const endpoint = nonEmpty(options.endpoint, stack.endpoint, env.REDSHIFT_DATASHARE_ENDPOINT);
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    throw new ConfigurationError(
      `endpoint ${JSON.stringify(endpoint)} (${CONFIG_KEYS.endpoint} / REDSHIFT_DATASHARE_ENDPOINT) must be an http(s) URL`,
    );
  }
  const settings: ProviderSettings = {
    region: nonEmpty(options.region, stack.region, env.AWS_REGION, env.AWS_DEFAULT_REGION),
    endpoint,
    ...(options.stsEndpoint ? { stsEndpoint: options.stsEndpoint } : {}),
    profile: nonEmpty(options.profile, stack.profile),
    maxAttempts:
      options.maxAttempts ??
      parseMaxAttempts(nonEmpty(stack.maxAttempts, env.REDSHIFT_DATASHARE_MAX_ATTEMPTS)),
    describeReuseSeconds:
      options.describeReuseSeconds ??
      parseDescribeReuseSeconds(
        nonEmpty(stack.describeReuseSeconds, env.REDSHIFT_DATASHARE_DESCRIBE_REUSE_SECONDS),
      ),
    credentials: options.credentials,
  };
  return settings;
}

function parseMaxAttempts(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_ATTEMPTS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50) {
    throw new ConfigurationError(
      `maxAttempts ${JSON.stringify(value)} (${CONFIG_KEYS.maxAttempts} / REDSHIFT_DATASHARE_MAX_ATTEMPTS) must be a whole number from 1 to 50`,
    );
  }
  return n;
}

function parseDescribeReuseSeconds(value: string | undefined): number {
  if (value === undefined) return DEFAULT_DESCRIBE_REUSE_SECONDS;
  const n = Number(value.trim());
  if (value.trim() === "" || !Number.isFinite(n) || n < 0 || n > 60) {
    throw new ConfigurationError(
      `describeReuseSeconds ${JSON.stringify(value)} (${CONFIG_KEYS.describeReuseSeconds} / REDSHIFT_DATASHARE_DESCRIBE_REUSE_SECONDS) must be a number of seconds from 0 to 60`,
    );
  }
  return n;
}

/** Credential values that must never appear in a message, whatever AWS echoes back. */
export function secretValues(
  credentials: Partial<AwsCredentials> | undefined,
  env: Record<string, string | undefined>,
): string[] {
  const c = credentials ?? {};
  return [c.secretAccessKey, c.sessionToken, env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN].filter(
    (s): s is string => typeof s === "string",
  );
}
