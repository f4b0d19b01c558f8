import { parseArgs } from "node:util";
import type { EmulatorOptions } from "./emulator";
import type { FaultConfig } from "./server/faultInjector";

export class CliUsageError extends Error {
  readonly code = "ERR_EMULATOR_USAGE";
}

export const USAGE = `Usage: node dist/emulator/cli.js [options]

  --port <n>                 port to listen on (default 4566; 0 = any free port)
  --host <addr>              address to bind (default 127.0.0.1)
  --state <file>             persist state in this file (default: memory only)
  --seed <file>              JSON seed (default: the built-in emulator/seeds/default.json)
  --throttle-rate <0..1>     answer this share of API calls with 400 ThrottlingException
  --server-error-rate <0..1> answer this share of API calls with 503 ServiceUnavailable
  --latency-ms <n>           add this delay before every API answer
  --drop-response <Op,Op>    apply these operations, then drop the connection without answering
  --random-seed <n>          make the fault rates repeatable
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
        "drop-response": { type: "string" },
        "random-seed": { type: "string" },
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
  if (randomSeed !== undefined) faults.randomSeed = randomSeed;
  if (values["drop-response"] !== undefined) {
    faults.dropResponse = values["drop-response"]
      .split(",")
      .map((op) => op.trim())
      .filter((op) => op !== "");
  }
  const options: EmulatorOptions = { port: port ?? 4566, host: values.host ?? "127.0.0.1", faults };
  if (values.state !== undefined) options.stateFile = values.state;
  if (values.seed !== undefined) options.seed = values.seed;
  return { help: false, options };
}
