/**
 * Secrets: AWS credentials set in the environment of the CLI and the provider host must not appear
 * in the state (export and raw backend files, `__provider` included), in the output of any engine
 * run with debug logging on, in engine events, or in the errors of failed runs (a wrong secret and
 * a wrong account are forced).
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { EngineEvent } from "@pulumi/pulumi/automation";
import { Artifact, Leak, Needle, findLeaks, readTree, totalSize } from "./leakSearch";
import { Recorder, ScenarioReport, errorDiagnostics } from "./report";
import { CONSUMER_KEYS, OUTSIDER_KEYS } from "./seed";
import { World, associationsProgram } from "./world";

/** Never valid anywhere: used as the wrong secret and as the session token. */
export const WRONG_SECRET = "WrongSecretLeakCanaryYy3uT6rE9wQ2aS5dF8gH1jK4lZ7x";
export const SESSION_TOKEN = "SessionTokenLeakCanaryIQoJb3JpZ2luX2VjEEXAMPLEz9y8x7w6v5u4t3s2r1q0";

const NEEDLES: Needle[] = [
  { label: "AWS_SECRET_ACCESS_KEY", value: CONSUMER_KEYS.secretAccessKey },
  { label: "AWS_SESSION_TOKEN", value: SESSION_TOKEN },
  { label: "wrong AWS_SECRET_ACCESS_KEY", value: WRONG_SECRET },
  { label: "outsider AWS_SECRET_ACCESS_KEY", value: OUTSIDER_KEYS.secretAccessKey },
  { label: "AWS_ACCESS_KEY_ID", value: CONSUMER_KEYS.accessKeyId },
];

const VERBOSE = { logVerbosity: 9, logToStdErr: true, logFlow: true, debug: true } as const;

export interface SecretsReport extends ScenarioReport {
  leaks: Leak[];
  searchedBytes: number;
}

export async function runSecretsScenario(): Promise<SecretsReport> {
  const rec = new Recorder("secrets", 3);
  const world = await World.start({
    associations: 4,
    shares: 2,
    env: { AWS_SESSION_TOKEN: SESSION_TOKEN },
    program: (declared) => associationsProgram(declared.slice(0, 3)),
  });
  const artifacts: Artifact[] = [];
  const tmp = path.join(world.test.projectDir, "tmp");
  fs.mkdirSync(tmp);
  world.setEnv("TMPDIR", tmp);
  try {
    const run = async (label: string, op: (o: object) => Promise<{ stdout?: string; stderr?: string }>) => {
      let out = "";
      let err = "";
      const r = await rec.engine(
        label,
        (onEvent: (e: EngineEvent) => void) =>
          op({
            ...VERBOSE,
            onEvent,
            onOutput: (s: string) => (out += s),
            onError: (s: string) => (err += s),
          }) as never,
      );
      const value = r.value as { stdout?: string; stderr?: string } | undefined;
      artifacts.push(
        { where: `${label}: output`, text: out + (value?.stdout ?? "") },
        { where: `${label}: log (stderr)`, text: err + (value?.stderr ?? "") },
        { where: `${label}: engine events`, text: JSON.stringify(r.events) },
        {
          where: `${label}: error message`,
          text: r.error ? `${r.error.message}\n${r.error.stack ?? ""}` : "",
        },
      );
      return { ...r, stderr: err };
    };

    const up = await run("up", (o) => world.stack.up(o));
    rec.expect(
      "up succeeds with the credentials and a session token",
      up.run.result === "succeeded",
      up.run.result,
    );
    rec.expect(
      "debug logging was on (the log is large)",
      up.stderr.length > 20_000,
      `${up.stderr.length} bytes of log`,
    );
    await run("refresh", (o) => world.stack.refresh(o));
    await run("preview", (o) => world.stack.preview(o));

    const exported = await world.stack.exportStack();
    const resources =
      (exported.deployment as { resources?: Record<string, Record<string, unknown>>[] })?.resources ?? [];
    const providers = resources
      .flatMap((r) => [r.inputs?.__provider, r.outputs?.__provider])
      .filter((p) => typeof p === "string");
    rec.expect(
      "every association stores its serialized provider",
      providers.length >= 3,
      `${providers.length} __provider values`,
    );
    artifacts.push({ where: "stack export", text: JSON.stringify(exported) });
    artifacts.push(...providers.map((p, i) => ({ where: `__provider #${i}`, text: String(p) })));

    const all = associationsProgram(world.declared);
    world.setEnv("AWS_SECRET_ACCESS_KEY", WRONG_SECRET);
    const badSignature = await run("up with a wrong secret", (o) => world.stack.up({ ...o, program: all }));
    rec.expect(
      "a wrong secret fails the up",
      badSignature.error !== undefined,
      errorDiagnostics(badSignature.events).join(" | ").slice(0, 400),
    );
    world.setEnv("AWS_ACCESS_KEY_ID", OUTSIDER_KEYS.accessKeyId);
    world.setEnv("AWS_SECRET_ACCESS_KEY", OUTSIDER_KEYS.secretAccessKey);
    const wrongAccount = await run("up as the wrong account", (o) => world.stack.up({ ...o, program: all }));
    rec.expect(
      "the wrong account fails the up",
      wrongAccount.error !== undefined,
      errorDiagnostics(wrongAccount.events).join(" | ").slice(0, 400),
    );
    world.setEnv("AWS_ACCESS_KEY_ID", CONSUMER_KEYS.accessKeyId);
    world.setEnv("AWS_SECRET_ACCESS_KEY", CONSUMER_KEYS.secretAccessKey);

    const destroy = await run("destroy", (o) => world.stack.destroy(o));
    rec.expect("destroy succeeds", destroy.run.result === "succeeded", destroy.run.result);
    artifacts.push(...readTree(world.test.stateDir, "backend"));
    artifacts.push(...readTree(world.test.projectDir, "project folder"));

    const control = findLeaks([{ label: "datashare ARN", value: world.declared[0].dataShareArn }], artifacts);
    rec.expect(
      "the search finds a value that is meant to be there (the datashare ARN)",
      control.length > 0,
      `${control.length} places`,
    );
    const leaks = findLeaks(NEEDLES, artifacts);
    for (const n of NEEDLES) {
      const found = leaks.filter((l) => l.needle === n.label);
      rec.expect(
        `${n.label} appears nowhere`,
        found.length === 0,
        found
          .map((l) => `${l.form} in ${l.where}`)
          .slice(0, 5)
          .join("; "),
      );
    }
    return { ...rec.finish(world.counts(), 0), leaks, searchedBytes: totalSize(artifacts) };
  } finally {
    await world.dispose();
  }
}
