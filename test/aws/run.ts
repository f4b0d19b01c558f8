/**
 * `npm run test:aws`: asks real AWS (or, with AWS_ENDPOINT_URL, the emulator) every question the
 * emulator answers with a behaviour, and prints AWS's answers as JSON on stdout, ready to become
 * the emulator's defaults. Progress goes to stderr. The settings are listed in ./config.ts.
 *
 * Exit codes: 0 answered and restored; 1 a step failed (start state restored); 2 settings missing
 * or the datashare not in the start state; 3 the start state could not be restored (the message
 * says what to check); 130 interrupted by Ctrl-C (start state restored).
 */
import { probeApi } from "./api";
import { ProbeConfigError, readProbeConfig } from "./config";
import { probeBehaviours } from "./probe";
import { ProbePreconditionError, RestoreError } from "./restore";

const say = (line: string) => process.stderr.write(`[test:aws] ${line}\n`);

async function main(): Promise<number> {
  let config;
  try {
    config = readProbeConfig(process.env);
  } catch (err) {
    if (!(err instanceof ProbeConfigError)) throw err;
    say(err.message);
    return 2;
  }
  const interrupt = new AbortController();
  let interrupts = 0;
  process.on("SIGINT", () => {
    interrupts++;
    if (interrupts === 1) {
      say(
        "interrupted: stopping after the current call and putting the start state back (Ctrl-C again to abandon)",
      );
      interrupt.abort();
      return;
    }
    say(`abandoned: datashare ${config.dataShareArn} may not be in its start state; check it by hand`);
    process.exit(130);
  });
  const api = probeApi(config, interrupt.signal);
  say(`probing ${config.dataShareArn} in ${config.region}${config.endpoint ? ` at ${config.endpoint}` : ""}`);
  try {
    const report = await probeBehaviours(api, { log: say });
    process.stdout.write(JSON.stringify(report, null, 2) + "\n");
    return 0;
  } catch (err) {
    if (err instanceof ProbePreconditionError) {
      say(err.message);
      return 2;
    }
    if (err instanceof RestoreError) {
      say(err.message);
      return 3;
    }
    if (interrupt.signal.aborted) {
      say("start state restored after the interruption");
      return 130;
    }
    say(`a probe step failed (start state restored): ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    say(`unexpected: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exit(1);
  },
);
