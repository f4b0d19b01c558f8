/**
 * Where the provider's settings come from, and the one table of them (SETTINGS): the client cache
 * (clients.ts), the plugin's provider settings (plugin/resources.ts) and the README's settings
 * table (scripts/generate/) derive from it. Pure: the caller passes the explicit options, the stack
 * config (delivered through `configure`) and the environment. No secret is read here: credentials
 * are left to the AWS SDK's default chain unless a caller passes them explicitly (tests).
 *
 * Precedence: explicit option > stack config > environment (in the table's order).
 *
 * Without an endpoint here, and always for STS, the AWS SDK resolves endpoints itself:
 * AWS_ENDPOINT_URL_REDSHIFT / AWS_ENDPOINT_URL_STS, then AWS_ENDPOINT_URL, then `endpoint_url` in
 * the shared config profile. A Redshift endpoint is never used for STS: GetCallerIdentity must
 * reach the service that knows the credentials, and sending them to a Redshift URL tells it nothing.
 */
import { ConfigurationError } from "./errors";

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** One provider setting: where it is read, what it allows, what it means. */
export interface SettingDefinition {
  /** The stack config key (the plugin's provider resource takes it under the table's name). */
  configKey: string;
  /** The environment variables read when neither an option nor the stack config sets it, in order. */
  env: readonly string[];
  type: "string" | "integer" | "number";
  /** The allowed values in words, as messages and docs say them. */
  allowed?: string;
  /** The bounds of a number. */
  range?: { min: number; max: number };
  default?: number;
  description: string;
}

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

/**
 * How long a SQL statement (Data API) may run when nothing is configured, from its submission to
 * its end: datashare DDL normally ends within seconds, but a busy cluster queues it; after this
 * the statement is cancelled and the operation fails, so an up never hangs without saying why.
 */
export const DEFAULT_STATEMENT_TIMEOUT_SECONDS = 300;

/** The provider's settings: the one table. */
export const SETTINGS = {
  region: {
    configKey: "aws:region",
    env: ["AWS_REGION", "AWS_DEFAULT_REGION"],
    type: "string",
    description:
      "The region for calls when a datashare ARN names none usable (calls go to the datashare's own region).",
  },
  profile: {
    configKey: "aws:profile",
    env: [],
    type: "string",
    description:
      "The AWS shared-config profile whose credentials the calls use; else the SDK's default chain (which reads AWS_PROFILE).",
  },
  endpoint: {
    configKey: "redshift-datashare:endpoint",
    env: ["REDSHIFT_DATASHARE_ENDPOINT"],
    type: "string",
    allowed: "an http(s) URL",
    description:
      "The Redshift endpoint URL, also used for the Redshift Data API, instead of the ones the AWS SDK resolves (AWS_ENDPOINT_URL_REDSHIFT, AWS_ENDPOINT_URL_REDSHIFT_DATA, AWS_ENDPOINT_URL, the profile's endpoint_url); STS keeps the SDK's.",
  },
  maxAttempts: {
    configKey: "redshift-datashare:maxAttempts",
    env: ["REDSHIFT_DATASHARE_MAX_ATTEMPTS"],
    type: "integer",
    allowed: "a whole number from 1 to 50",
    range: { min: 1, max: 50 },
    default: DEFAULT_MAX_ATTEMPTS,
    description: "Attempts per API call with the SDK's adaptive retry mode (throttling and 5xx are retried).",
  },
  describeReuseSeconds: {
    configKey: "redshift-datashare:describeReuseSeconds",
    env: ["REDSHIFT_DATASHARE_DESCRIBE_REUSE_SECONDS"],
    type: "number",
    allowed: "a number of seconds from 0 to 60",
    range: { min: 0, max: 60 },
    default: DEFAULT_DESCRIBE_REUSE_SECONDS,
    description:
      "How old a DescribeDataShares answer may be for a read of the same datashare to reuse it; 0 shares only describes in flight.",
  },
  statementTimeoutSeconds: {
    configKey: "redshift-datashare:statementTimeoutSeconds",
    env: ["REDSHIFT_DATASHARE_STATEMENT_TIMEOUT_SECONDS"],
    type: "number",
    allowed: "a number of seconds from 1 to 3600",
    range: { min: 1, max: 3600 },
    default: DEFAULT_STATEMENT_TIMEOUT_SECONDS,
    description:
      "How long a SQL statement of DataShare, DataShareGrant or DataShareDatabase may run (Redshift Data API); then it is cancelled and the operation fails.",
  },
} as const satisfies Record<string, SettingDefinition>;

export type SettingName = keyof typeof SETTINGS;

/** The settings' names, in the table's order. */
export const SETTING_NAMES = Object.keys(SETTINGS) as SettingName[];

/** Every environment variable the settings read, in the table's order. */
export const SETTING_ENV_NAMES: readonly string[] = SETTING_NAMES.flatMap((name) => SETTINGS[name].env);

type SettingValue<D> = D extends { type: "string" } ? string : number;

/** The table's settings as values. */
export type SettingValues = { [K in SettingName]?: SettingValue<(typeof SETTINGS)[K]> };

/** A setting in one line: what it means, what it allows, where else it is read, its default. */
export function describeSetting(name: SettingName): string {
  const s: SettingDefinition = SETTINGS[name];
  const parts = [s.description];
  if (s.allowed !== undefined) parts.push(`Allowed: ${s.allowed}.`);
  const fallbacks = [
    ...(s.env.length > 0 ? [`else ${s.env.join(" / ")}`] : []),
    ...(s.default !== undefined ? [`default ${s.default}`] : []),
  ].join(", ");
  if (fallbacks !== "") parts.push(`${fallbacks[0].toUpperCase()}${fallbacks.slice(1)}.`);
  return parts.join(" ");
}

export interface ProviderSettings extends SettingValues {
  /** Only for in-process use (tests against the emulator): the STS endpoint. */
  stsEndpoint?: string;
  /** Only for in-process use (tests, tools); the serialized provider never carries credentials. */
  credentials?: AwsCredentials;
}

/** The settings a stack config holds, as the strings it holds them in. */
export type StackConfig = { [K in SettingName]?: string };

/** How long (ms) reads may reuse a describe's answer under these settings (describeCoalescer.ts). */
export function describeReuseMs(settings: ProviderSettings): number {
  return (settings.describeReuseSeconds ?? DEFAULT_DESCRIBE_REUSE_SECONDS) * 1000;
}

/** How long (ms) a SQL statement may run under these settings (statementRunner.ts). */
export function statementTimeoutMs(settings: ProviderSettings): number {
  return (settings.statementTimeoutSeconds ?? DEFAULT_STATEMENT_TIMEOUT_SECONDS) * 1000;
}

/**
 * The provider's keys from a stack config; anything else in it (e.g. aws:secretKey) is never
 * touched. The dynamic-provider host builds its config from the engine's Configure call; a host
 * that never got one hands a config whose get() throws: that reads as "not set".
 */
export function readStackConfig(get: (key: string) => string | undefined): StackConfig {
  const out: StackConfig = {};
  for (const name of SETTING_NAMES) {
    let value: string | undefined;
    try {
      value = get(SETTINGS[name].configKey);
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

/** A setting's text from the stack config, else from its environment variables. */
const configured = (name: SettingName, stack: StackConfig, env: Env) =>
  nonEmpty(stack[name], ...SETTINGS[name].env.map((e) => env[e]));

/** A setting's value refused: name, value, where it is read, what is allowed. */
function invalidSetting(name: SettingName, value: string): ConfigurationError {
  const s: SettingDefinition = SETTINGS[name];
  const where = [s.configKey, ...s.env].join(" / ");
  return new ConfigurationError(`${name} ${JSON.stringify(value)} (${where}) must be ${s.allowed}`);
}

export function resolveSettings(options: ProviderSettings, stack: StackConfig, env: Env): ProviderSettings {
  const endpoint = nonEmpty(options.endpoint, configured("endpoint", stack, env));
  if (endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(endpoint)) {
    throw invalidSetting("endpoint", endpoint);
  }
  const settings: ProviderSettings = {
    region: nonEmpty(options.region, configured("region", stack, env)),
    endpoint,
    ...(options.stsEndpoint ? { stsEndpoint: options.stsEndpoint } : {}),
    profile: nonEmpty(options.profile, configured("profile", stack, env)),
    maxAttempts: options.maxAttempts ?? parseNumber("maxAttempts", configured("maxAttempts", stack, env)),
    describeReuseSeconds:
      options.describeReuseSeconds ??
      parseNumber("describeReuseSeconds", configured("describeReuseSeconds", stack, env)),
    statementTimeoutSeconds:
      options.statementTimeoutSeconds ??
      parseNumber("statementTimeoutSeconds", configured("statementTimeoutSeconds", stack, env)),
    credentials: options.credentials,
  };
  return settings;
}

/** A number setting's value: its default when unset; refused outside its type and range. */
function parseNumber(
  name: "maxAttempts" | "describeReuseSeconds" | "statementTimeoutSeconds",
  value: string | undefined,
): number {
  const s = SETTINGS[name];
  if (value === undefined) return s.default;
  const n = Number(value.trim());
  const whole = s.type !== "integer" || Number.isInteger(n);
  if (value.trim() === "" || !Number.isFinite(n) || !whole || n < s.range.min || n > s.range.max) {
    throw invalidSetting(name, value);
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
