/**
 * A provider's clients: settings resolved (config.ts) and one AWS adapter per settings and API
 * region, kept for the life of the process (or until the next configure). create, read and delete
 * each ask for a client, so the resolved settings are remembered while what they were resolved
 * from stays the same: the stack config, the explicit options and the environment values read.
 */
import { ProviderSettings, SETTING_ENV_NAMES, SETTING_NAMES, StackConfig, resolveSettings } from "./config";
import type { ClientSettings } from "./redshiftApi";
import { requireRegion, resolveRegion } from "./regions";

type Env = Record<string, string | undefined>;

/** The environment variables resolveSettings reads; settings are resolved again when one changes. */
const SETTINGS_ENV = [
  ...SETTING_ENV_NAMES,
  // Read by the SDK when its clients are built: a change needs new clients.
  "AWS_ENDPOINT_URL",
  "AWS_ENDPOINT_URL_REDSHIFT",
  "AWS_ENDPOINT_URL_REDSHIFT_DATA",
  "AWS_ENDPOINT_URL_STS",
];

/** The explicit options resolveSettings reads (a caller may change its options object). */
const SETTINGS_OPTIONS: readonly (keyof ProviderSettings)[] = [
  ...SETTING_NAMES,
  "stsEndpoint",
  "credentials",
];

/** `Api` is the adapter type of the provider that owns the cache (ConsumerApi, ProducerApi). */
export interface ClientCache<Api> {
  /** resolveSettings(options, stack, env); throws ConfigurationError, on every call, while invalid. */
  settings(): ProviderSettings;
  /** The client for a region (regions.ts decides which); unset: the provider's region. */
  apiFor(region: string | undefined): Api;
  /** A new stack config (configure): forget every client and the resolved settings. */
  reset(stack: StackConfig): void;
}

/** Settings resolved from one stack config, options and environment values (the lists above). */
interface Resolved<Api> {
  stack: StackConfig;
  optionValues: unknown[];
  envValues: (string | undefined)[];
  settings: ProviderSettings;
  /** Clients of these settings by API region. */
  apisByRegion: Map<string, Api>;
}

export function createClientCache<Api>(
  options: ProviderSettings,
  env: () => Env,
  factory: (settings: ClientSettings) => Api,
): ClientCache<Api> {
  let stack: StackConfig = {};
  /** Clients by everything but the region (endpoint, profile, attempts, access key), then by region. */
  const apis = new Map<string, Map<string, Api>>();
  let resolved: Resolved<Api> | undefined;

  function current(): Resolved<Api> {
    const e = env();
    const r = resolved;
    if (
      r !== undefined &&
      r.stack === stack &&
      SETTINGS_ENV.every((name, i) => e[name] === r.envValues[i]) &&
      SETTINGS_OPTIONS.every((name, i) => options[name] === r.optionValues[i])
    ) {
      return r;
    }
    const envValues = SETTINGS_ENV.map((name) => e[name]);
    const optionValues = SETTINGS_OPTIONS.map((name) => options[name]);
    // A failure is not remembered: the next call resolves (and throws) again.
    const settings = resolveSettings(options, stack, e);
    const clientKey = JSON.stringify([
      settings.endpoint,
      settings.stsEndpoint,
      e.AWS_ENDPOINT_URL,
      e.AWS_ENDPOINT_URL_REDSHIFT,
      e.AWS_ENDPOINT_URL_REDSHIFT_DATA,
      e.AWS_ENDPOINT_URL_STS,
      settings.profile,
      settings.maxAttempts,
      settings.credentials?.accessKeyId,
    ]);
    let apisByRegion = apis.get(clientKey);
    if (!apisByRegion) {
      apisByRegion = new Map();
      apis.set(clientKey, apisByRegion);
    }
    resolved = { stack, optionValues, envValues, settings, apisByRegion };
    return resolved;
  }

  return {
    settings: () => current().settings,
    apiFor(given) {
      const { settings, apisByRegion } = current();
      const region = requireRegion(resolveRegion([given], undefined, () => settings.region));
      let api = apisByRegion.get(region);
      if (!api) {
        api = factory({ ...settings, region });
        apisByRegion.set(region, api);
      }
      return api;
    },
    reset(next) {
      stack = next;
      apis.clear();
      resolved = undefined;
    },
  };
}
