import { parseArgs } from "node:util";
import type { EmulatorOptions } from "./emulator";
import { BEHAVIOURS, resolveBehaviours, type Behaviours } from "./model/behaviours";
import type { FaultConfig } from "./server/faultInjector";
import type { LatencyConfig, LatencyRange } from "./server/latency";
import type { RateLimit, RateLimitConfig } from "./server/rateLimiter";

export class CliUsageError extends Error {
  readonly code = "ERR_EMULATOR_USAGE";
}

export const USAGE = `Usage: node dist/emulator/cli.js [options]

  --port <n>                 port to listen on (default 4566; 0 = any free port)
  --host <addr>              address to bind (default 127.0.0.1)
  --state <file>             persist state in this file (default: memory only)
  --seed <file|name>         JSON seed file, or a built-in seed: default, no-datashares (default: default)
  --throttle-rate <0..1>     answer this share of API calls with 400 ThrottlingException
  --server-error-rate <0..1> answer this share of API calls with 503 ServiceUnavailable
  --latency-ms <n>           add this delay before every API answer
  --latency <min-max>        add a delay drawn from min..max ms before every API answer (e.g. 80-200)
  --latency-op <Op=min-max>  a range for one operation (repeatable; overrides --latency for it)
  --rate-limit <r/b>         token bucket per account, region and operation: r calls/s, burst b (e.g. 10/20)
  --rate-limit-op <Op=r/b>   a bucket size and rate for one operation (repeatable)
  --drop-response <Op,Op>    apply these operations, then drop the connection without answering
  --random-seed <n>          make the fault rates repeatable
  --statement-ms <min-max>   Data API: how long a statement runs before it ends (e.g. 200-800)
  --statement-failure-rate <0..1>  Data API: share of statements that fail with a serialization conflict
  --max-active-statements <n>      Data API: running statements per account before ActiveStatementsExceeded
  --behaviour <name=answer>  answer this way where AWS is silent (repeatable; see emulator/README.md)
  --regions-without-writes <r,r>  regions where AllowWrites is refused (no write sharing there)
  --help                     show this text`;

export type CliCommand = { help: true } | { help: false; options: EmulatorOptions };

function toNumber(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < min || value > max) {
    throw new CliUsageError(`--${name} must be a number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function parseLatencyRange(name: string, raw: string): LatencyRange {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?)\s*)?$/.exec(raw);
  const minMs = Number(match?.[1]);
  const maxMs = match?.[2] === undefined ? minMs : Number(match[2]);
  if (!match || minMs > maxMs) throw new CliUsageError(`--${name} must be <ms> or <min>-<max>, got "${raw}"`);
  return { minMs, maxMs };
}

function parseRateLimit(name: string, raw: string): RateLimit {
  const match = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(\d+)\s*$/.exec(raw);
  const ratePerSecond = Number(match?.[1]);
  const burst = Number(match?.[2]);
  if (!match || !(ratePerSecond > 0) || burst < 1) {
    throw new CliUsageError(`--${name} must be <calls per second>/<burst>, e.g. 10/20, got "${raw}"`);
  }
  return { ratePerSecond, burst };
}

/** `Op=value` pairs of a repeatable flag, each value read by `parse`. */
function perOperation<T>(
  name: string,
  raws: string[] | undefined,
  parse: (name: string, raw: string) => T,
): Record<string, T> | undefined {
  if (raws === undefined) return undefined;
  const result: Record<string, T> = {};
  for (const raw of raws) {
    const at = raw.indexOf("=");
    const operation = raw.slice(0, at).trim();
    if (at <= 0 || operation === "")
      throw new CliUsageError(`--${name} must be <Operation>=<value>, got "${raw}"`);
    result[operation] = parse(name, raw.slice(at + 1));
  }
  return result;
}

function readLatency(values: { latency?: string; "latency-op"?: string[] }): LatencyConfig | undefined {
  const perOp = perOperation("latency-op", values["latency-op"], parseLatencyRange);
  if (values.latency === undefined && perOp === undefined) return undefined;
  const base = values.latency !== undefined ? parseLatencyRange("latency", values.latency) : {};
  return perOp ? { ...base, perOperation: perOp } : base;
}

function readRateLimit(values: {
  "rate-limit"?: string;
  "rate-limit-op"?: string[];
}): RateLimitConfig | undefined {
  const perOp = perOperation("rate-limit-op", values["rate-limit-op"], parseRateLimit);
  if (values["rate-limit"] === undefined && perOp === undefined) return undefined;
  const base = values["rate-limit"] !== undefined ? parseRateLimit("rate-limit", values["rate-limit"]) : {};
  return perOp ? { ...base, perOperation: perOp } : base;
}

function readBehaviours(values: {
  behaviour?: string[];
  "regions-without-writes"?: string;
}): Partial<Behaviours> | undefined {
  const settings: Record<string, unknown> = {};
  for (const raw of values.behaviour ?? []) {
    const at = raw.indexOf("=");
    const name = raw.slice(0, at).trim();
    if (at <= 0 || name === "regionsWithoutWrites") {
      throw new CliUsageError(
        `--behaviour must be <name>=<answer> with a name among ` +
          `${BEHAVIOURS.filter((b) => b.name !== "regionsWithoutWrites")
            .map((b) => b.name)
            .join(", ")}; got "${raw}"`,
      );
    }
    settings[name] = raw.slice(at + 1).trim();
  }
  if (values["regions-without-writes"] !== undefined) {
    settings.regionsWithoutWrites = values["regions-without-writes"]
      .split(",")
      .map((r) => r.trim())
      .filter((r) => r !== "");
  }
  if (Object.keys(settings).length === 0) return undefined;
  try {
    resolveBehaviours(settings as Partial<Behaviours>);
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  return settings as Partial<Behaviours>;
}

/** The Data API's statement knobs: run time, injected conflicts, the active-statement quota. */
function readStatementFaults(
  values: {
    "statement-ms"?: string;
    "statement-failure-rate"?: string;
    "max-active-statements"?: string;
  },
  faults: FaultConfig,
): void {
  if (values["statement-ms"] !== undefined) {
    faults.statementMs = parseLatencyRange("statement-ms", values["statement-ms"]);
  }
  const failureRate = toNumber("statement-failure-rate", values["statement-failure-rate"], 0, 1);
  if (failureRate !== undefined) faults.statementFailureRate = failureRate;
  const max = toNumber("max-active-statements", values["max-active-statements"], 1, 100_000);
  if (max !== undefined) {
    if (!Number.isInteger(max)) throw new CliUsageError("--max-active-statements must be an integer");
    faults.maxActiveStatements = max;
  }
}

/** Pure: argv (without node and script) to start options. Unknown flags are an error. */
export function parseCliArgs(argv: string[]): CliCommand {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        state: { type: "string" },
        seed: { type: "string" },
        "throttle-rate": { type: "string" },
        "server-error-rate": { type: "string" },
        "latency-ms": { type: "string" },
        latency: { type: "string" },
        "latency-op": { type: "string", multiple: true },
        "rate-limit": { type: "string" },
        "rate-limit-op": { type: "string", multiple: true },
        "drop-response": { type: "string" },
        "random-seed": { type: "string" },
        "statement-ms": { type: "string" },
        "statement-failure-rate": { type: "string" },
        "max-active-statements": { type: "string" },
        behaviour: { type: "string", multiple: true },
        "regions-without-writes": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return { help: true };
  const port = toNumber("port", values.port, 0, 65535);
  if (port !== undefined && !Number.isInteger(port)) throw new CliUsageError("--port must be an integer");
  const faults: FaultConfig = {};
  const throttleRate = toNumber("throttle-rate", values["throttle-rate"], 0, 1);
  const serverErrorRate = toNumber("server-error-rate", values["server-error-rate"], 0, 1);
  const latencyMs = toNumber("latency-ms", values["latency-ms"], 0, 600_000);
  const randomSeed = toNumber("random-seed", values["random-seed"], 0, 2 ** 32 - 1);
  if (throttleRate !== undefined) faults.throttleRate = throttleRate;
  if (serverErrorRate !== undefined) faults.serverErrorRate = serverErrorRate;
  if (latencyMs !== undefined) faults.latencyMs = latencyMs;
  const latency = readLatency(values);
  if (latency !== undefined) {
    if (latencyMs !== undefined) throw new CliUsageError("Give either --latency-ms or --latency, not both");
    faults.latency = latency;
  }
  const rateLimit = readRateLimit(values);
  if (rateLimit !== undefined) faults.rateLimit = rateLimit;
  if (randomSeed !== undefined) faults.randomSeed = randomSeed;
  readStatementFaults(values, faults);
  if (values["drop-response"] !== undefined) {
    faults.dropResponse = values["drop-response"]
      .split(",")
      .map((op) => op.trim())
      .filter((op) => op !== "");
  }
  const options: EmulatorOptions = { port: port ?? 4566, host: values.host ?? "127.0.0.1", faults };
  if (values.state !== undefined) options.stateFile = values.state;
  if (values.seed !== undefined) options.seed = values.seed;
  const behaviours = readBehaviours(values);
  if (behaviours !== undefined) options.behaviours = behaviours;
  return { help: false, options };
}
