/**
 * Secrets: AWS credentials in the environment of the CLI and the provider host must not appear in
 * the state (export and raw backend files, `__provider` included), in the output of any engine run
 * with debug logging on, in engine events, or in the errors of failed runs (a wrong secret and a
 * wrong account are forced). Both resources are run: DataShareConsumer with the consumer's
 * temporary credentials and DataShareAuthorization with the producer's.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { GetSessionTokenCommand, STSClient } from "@aws-sdk/client-sts";
import type { StateResource } from "../../../harness/pulumiStack";
import { Artifact, Leak, Needle, findLeaks, readTree, totalSize } from "./leakSearch";
import { CliOutcome, Recorder, ScenarioReport, errorDiagnostics } from "./report";
import { CONSUMER_KEYS, OUTSIDER_ID, OUTSIDER_KEYS, PRODUCER_KEYS, REGION, shareName } from "./seed";
import { ProjectStack, World } from "./world";

/** Never valid anywhere: the wrong secret of the forced failures. */
export const WRONG_SECRET = "WrongSecretLeakCanaryYy3uT6rE9wQ2aS5dF8gH1jK4lZ7x";

/** As the Automation API's debug options: -v=9, --logtostderr, --logflow, --debug. */
const VERBOSE = ["-v=9", "--logtostderr", "--logflow", "--debug"];

export interface SecretsReport extends ScenarioReport {
  leaks: Leak[];
  searchedBytes: number;
}

interface Keys {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Temporary credentials (GetSessionToken), as CI usually has them; the emulator checks the token. */
async function sessionKeys(endpoint: string, keys: Keys): Promise<Required<Keys>> {
  const sts = new STSClient({ endpoint, region: REGION, credentials: keys });
  const { Credentials: c } = await sts.send(new GetSessionTokenCommand({}));
  return {
    accessKeyId: c!.AccessKeyId!,
    secretAccessKey: c!.SecretAccessKey!,
    sessionToken: c!.SessionToken!,
  };
}

function useKeys(stack: ProjectStack, keys: Keys): void {
  stack.setEnv("AWS_ACCESS_KEY_ID", keys.accessKeyId);
  stack.setEnv("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey);
  stack.setEnv("AWS_SESSION_TOKEN", keys.sessionToken);
}

export async function runSecretsScenario(): Promise<SecretsReport> {
  const rec = new Recorder("secrets", 3);
  const world = await World.start({ associations: 4, shares: 2, initial: (d) => d.slice(0, 3) });
  const artifacts: Artifact[] = [];
  try {
    const consumerKeys = await sessionKeys(world.emu.endpoint, CONSUMER_KEYS);
    const producerKeys = await sessionKeys(world.emu.endpoint, PRODUCER_KEYS);
    const needles: Needle[] = [
      { label: "consumer AWS_SECRET_ACCESS_KEY (temporary)", value: consumerKeys.secretAccessKey },
      { label: "consumer AWS_SESSION_TOKEN", value: consumerKeys.sessionToken },
      { label: "consumer AWS_ACCESS_KEY_ID (temporary)", value: consumerKeys.accessKeyId },
      { label: "consumer long-term secret", value: CONSUMER_KEYS.secretAccessKey },
      { label: "producer AWS_SECRET_ACCESS_KEY (temporary)", value: producerKeys.secretAccessKey },
      { label: "producer AWS_SESSION_TOKEN", value: producerKeys.sessionToken },
      { label: "producer AWS_ACCESS_KEY_ID (temporary)", value: producerKeys.accessKeyId },
      { label: "producer long-term secret", value: PRODUCER_KEYS.secretAccessKey },
      { label: "wrong AWS_SECRET_ACCESS_KEY", value: WRONG_SECRET },
      { label: "outsider AWS_SECRET_ACCESS_KEY", value: OUTSIDER_KEYS.secretAccessKey },
    ];
    const run = async (label: string, op: () => Promise<CliOutcome>) => {
      const r = await rec.engine(label, op);
      artifacts.push(
        { where: `${label}: output`, text: r.outcome.stdout },
        { where: `${label}: log (stderr)`, text: r.outcome.stderr },
        { where: `${label}: engine events`, text: JSON.stringify(r.events) },
        {
          where: `${label}: error message`,
          text: r.error ? `${r.error.message}\n${r.error.stack ?? ""}` : "",
        },
      );
      return r;
    };
    const withTmp = (stack: ProjectStack) => {
      const tmp = path.join(stack.projectDir, "tmp");
      fs.mkdirSync(tmp);
      stack.setEnv("TMPDIR", tmp);
    };

    // The consumer: DataShareConsumer.
    const consumers = world.consumers;
    withTmp(consumers);
    useKeys(consumers, consumerKeys);
    const up = await run("up", () => consumers.up(VERBOSE));
    rec.expect(
      "up succeeds with temporary credentials (a session token)",
      up.run.result === "succeeded",
      up.run.result,
    );
    rec.expect(
      "debug logging was on (the log is large)",
      up.outcome.stderr.length > 20_000,
      `${up.outcome.stderr.length} bytes of log`,
    );
    await run("refresh", () => consumers.refresh(VERBOSE));
    await run("preview", () => consumers.preview(VERBOSE));
    const consumerProviders = await providersIn(consumers, artifacts, "consumers");
    rec.expect(
      "every association stores its serialized provider",
      consumerProviders >= 3,
      `${consumerProviders} __provider values`,
    );

    await consumers.declareConsumers(world.declared);
    consumers.setEnv("AWS_SECRET_ACCESS_KEY", WRONG_SECRET);
    const badSignature = await run("up with a wrong secret", () => consumers.up(VERBOSE));
    rec.expect(
      "a wrong secret fails the up",
      badSignature.error !== undefined,
      errorDiagnostics(badSignature.events).join(" | ").slice(0, 400),
    );
    useKeys(consumers, OUTSIDER_KEYS);
    const wrongAccount = await run("up as the wrong account", () => consumers.up(VERBOSE));
    rec.expect(
      "the wrong account fails the up",
      wrongAccount.error !== undefined,
      errorDiagnostics(wrongAccount.events).join(" | ").slice(0, 400),
    );
    useKeys(consumers, consumerKeys);
    const destroy = await run("destroy", () => consumers.destroy(VERBOSE));
    rec.expect("destroy succeeds", destroy.run.result === "succeeded", destroy.run.result);

    // The producer: DataShareAuthorization of the outsider account (granted, not yet authorized).
    const producer = await world.project("authorizations", world.producerEnv());
    withTmp(producer);
    useKeys(producer, producerKeys);
    const authorization = (share: number) => ({
      dataShareArn: world.emu.dataShareArn(shareName(share)),
      consumerIdentifier: OUTSIDER_ID,
    });
    await producer.declareAuthorizations({ "outsider-0": authorization(0) });
    const authorize = await run("up (authorizations)", () => producer.up(VERBOSE));
    rec.expect(
      "the producer's up authorizes with temporary credentials",
      authorize.run.result === "succeeded",
      authorize.run.result,
    );
    const authorizationProviders = await providersIn(producer, artifacts, "authorizations");
    rec.expect(
      "the authorization stores its serialized provider",
      authorizationProviders >= 1,
      `${authorizationProviders} __provider values`,
    );
    await producer.declareAuthorizations({ "outsider-0": authorization(0), "outsider-1": authorization(1) });
    producer.setEnv("AWS_SECRET_ACCESS_KEY", WRONG_SECRET);
    const badProducer = await run("up (authorizations) with a wrong secret", () => producer.up(VERBOSE));
    rec.expect(
      "a wrong producer secret fails the up",
      badProducer.error !== undefined,
      errorDiagnostics(badProducer.events).join(" | ").slice(0, 400),
    );
    useKeys(producer, producerKeys);
    const deauthorize = await run("destroy (authorizations)", () => producer.destroy(VERBOSE));
    rec.expect(
      "the producer's destroy succeeds",
      deauthorize.run.result === "succeeded",
      deauthorize.run.result,
    );

    for (const stack of [consumers, producer]) {
      artifacts.push(...readTree(stack.projectDir, `project folder ${path.basename(stack.projectDir)}`));
    }
    const control = findLeaks([{ label: "datashare ARN", value: world.declared[0].dataShareArn }], artifacts);
    rec.expect(
      "the search finds a value that is meant to be there (the datashare ARN)",
      control.length > 0,
      `${control.length} places`,
    );
    const leaks = findLeaks(needles, artifacts);
    for (const n of needles) {
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

/** Adds the stack export and every `__provider` to the artifacts; returns how many providers. */
async function providersIn(stack: ProjectStack, artifacts: Artifact[], label: string): Promise<number> {
  const exported = await stack.stack.exportStack();
  const resources: StateResource[] = exported.deployment.resources ?? [];
  const providers = resources
    .flatMap((r) => [r.inputs?.__provider, r.outputs?.__provider])
    .filter((p) => typeof p === "string");
  artifacts.push({ where: `stack export (${label})`, text: JSON.stringify(exported) });
  artifacts.push(...providers.map((p, i) => ({ where: `__provider #${i} (${label})`, text: String(p) })));
  return providers.length;
}
