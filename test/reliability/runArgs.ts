/** Command line of `run.ts`. Pure: argv in, options or a coded error out. */
import { parseArgs } from "node:util";

export interface RunOptions {
  size: "full" | "small" | number;
  /** Scenario ids to run; empty = all. */
  only: string[];
  /** Write the full reports as JSON to this file. */
  json?: string;
}

export class RunArgsError extends Error {
  readonly code = "ERR_RELIABILITY_ARGS";
}

export const USAGE =
  "usage: run.ts [--size full|small|<N>] [--only id,id,...] [--json <file>]\n" +
  "  --size  full: 50 associations under faults, 100 for concurrency (default); small: 10 / 12; N: N / 2N\n" +
  "  --only  throttling, throttling-retry, dropped-1, dropped-retry, restart, sigint, concurrency, bad-input, secrets, auth";

export function parseRunArgs(argv: string[]): RunOptions {
  let values: { size?: string; only?: string; json?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: { size: { type: "string" }, only: { type: "string" }, json: { type: "string" } },
    }));
  } catch (e) {
    throw new RunArgsError((e as Error).message);
  }
  const raw = values.size ?? "full";
  let size: RunOptions["size"];
  if (raw === "full" || raw === "small") size = raw;
  else if (/^[1-9][0-9]{0,3}$/.test(raw)) size = Number(raw);
  else
    throw new RunArgsError(
      `--size must be full, small or a number of associations from 1 to 9999, got ${JSON.stringify(raw)}`,
    );
  const only = values.only
    ? values.only
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [];
  return { size, only, ...(values.json ? { json: values.json } : {}) };
}
