#!/usr/bin/env node
/**
 * The package's executable, `pulumi-redshift-datashare <command>`. Commands: `drift`, `emulator`.
 */
import { main } from "./main";

main(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  now: () => new Date(),
  untilStopped: () =>
    new Promise((resolve) => {
      process.once("SIGINT", () => resolve("SIGINT"));
      process.once("SIGTERM", () => resolve("SIGTERM"));
    }),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // main() handles every failure; this only guards against a bug there.
    process.stderr.write(
      `pulumi-redshift-datashare: internal error: ${err instanceof Error ? err.message : String(err)}\n`,
    );
    process.exitCode = 2;
  },
);
