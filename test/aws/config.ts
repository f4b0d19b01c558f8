/**
 * What `npm run test:aws` needs, read from the environment (pure: the environment is passed in).
 * Two named profiles of the shared AWS config/credentials files, one per account, and a
 * datashare the producer made and granted to the consumer account.
 */

export interface ProbeConfig {
  producerProfile: string;
  consumerProfile: string;
  dataShareArn: string;
  /** A namespace of the consumer account in the datashare's region, to associate with. */
  consumerNamespaceArn: string;
  /** The datashare's region (from its ARN): every call is signed for it. */
  region: string;
  /** AWS_ENDPOINT_URL, when the probe runs against another endpoint (the emulator). */
  endpoint?: string;
  /** How long to wait for AWS to show a change, and how often to look. */
  settleTimeoutMs: number;
  pollIntervalMs: number;
}

export const SETTINGS = {
  RDS_AWS_PRODUCER_PROFILE: "profile of the account that owns the datashare (it authorizes and deauthorizes)",
  RDS_AWS_CONSUMER_PROFILE: "profile of the consumer account (it associates, disassociates and rejects)",
  RDS_AWS_DATASHARE_ARN:
    "arn:aws:redshift:<region>:<producer account>:datashare:<namespace id>/<name>, granted to the consumer " +
    "account (GRANT USAGE ON DATASHARE <name> TO ACCOUNT '<consumer account>') and authorized for it",
  RDS_AWS_CONSUMER_NAMESPACE_ARN: "a namespace of the consumer account in the datashare's region",
} as const;

export const OPTIONAL_SETTINGS = {
  AWS_ENDPOINT_URL: "another endpoint for both accounts (the emulator); unset: AWS",
  RDS_AWS_SETTLE_TIMEOUT_MS: "how long to wait for a change to show (default 60000)",
  RDS_AWS_POLL_INTERVAL_MS: "how often to look meanwhile (default 2000)",
} as const;

export class ProbeConfigError extends Error {
  readonly code = "ERR_PROBE_CONFIG";
}

const DATASHARE =
  /^arn:aws[a-z-]*:redshift:([a-z]{2}(?:-[a-z]+)+-\d+):\d{12}:datashare:[0-9a-fA-F-]{36}\/.+$/;

function whole(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new ProbeConfigError(`${name} must be a whole number of milliseconds, got "${raw}"`);
  }
  return value;
}

/** The settings, or a ProbeConfigError that lists every missing one and what it is for. */
export function readProbeConfig(env: Record<string, string | undefined>): ProbeConfig {
  const missing = Object.keys(SETTINGS).filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    const lines = missing.map((name) => `  ${name}: ${SETTINGS[name as keyof typeof SETTINGS]}`);
    const optional = Object.entries(OPTIONAL_SETTINGS).map(([name, text]) => `  ${name}: ${text}`);
    throw new ProbeConfigError(
      `npm run test:aws needs these settings:\n${lines.join("\n")}\nOptional:\n${optional.join("\n")}\n` +
        `It changes the datashare's authorization and the consumer's associations while it runs, and puts ` +
        `them back at the end (also on Ctrl-C): use a datashare made for it.`,
    );
  }
  const dataShareArn = env.RDS_AWS_DATASHARE_ARN!.trim();
  const match = DATASHARE.exec(dataShareArn);
  if (!match) throw new ProbeConfigError(`RDS_AWS_DATASHARE_ARN is not a datashare ARN: ${dataShareArn}`);
  const endpoint = env.AWS_ENDPOINT_URL?.trim();
  return {
    producerProfile: env.RDS_AWS_PRODUCER_PROFILE!.trim(),
    consumerProfile: env.RDS_AWS_CONSUMER_PROFILE!.trim(),
    dataShareArn,
    consumerNamespaceArn: env.RDS_AWS_CONSUMER_NAMESPACE_ARN!.trim(),
    region: match[1],
    ...(endpoint ? { endpoint } : {}),
    settleTimeoutMs: whole("RDS_AWS_SETTLE_TIMEOUT_MS", env.RDS_AWS_SETTLE_TIMEOUT_MS, 60_000),
    pollIntervalMs: whole("RDS_AWS_POLL_INTERVAL_MS", env.RDS_AWS_POLL_INTERVAL_MS, 2_000),
  };
}
