/**
 * What makes `npm run test:aws` trustworthy: pointed at the emulator, under every answer of every
 * behaviour, it reports exactly the answer the emulator was set to (and the defaults elsewhere),
 * and it leaves the datashare as it found it.
 */
import { strict as assert } from "node:assert";
import {
  answerOf,
  API_BEHAVIOURS,
  DEFAULT_BEHAVIOURS,
  type BehaviourEntry,
  type BehaviourName,
  type Behaviours,
} from "../../emulator";
import { probeApi } from "./api";
import { readProbeConfig, type ProbeConfig } from "./config";
import { probeBehaviours } from "./probe";
import { ProbePreconditionError } from "./restore";
import { grantOf, probeEnv, useProbeEmulator } from "./probeHarness";

const REGION = "us-east-1";

/** The defaults of the behaviours the probe measures (the Redshift API's; the SQL ones are not probed). */
function apiDefaults(): Partial<Behaviours> {
  return Object.assign(
    {},
    ...API_BEHAVIOURS.map((b) => b.settings(b.default, REGION)),
  ) as Partial<Behaviours>;
}

/** The answers the probe should report when the emulator answers with `settings`. */
function expectedAnswers(settings: Partial<Behaviours>): Record<BehaviourName, string> {
  const behaviours = { ...DEFAULT_BEHAVIOURS, ...settings };
  const answers = Object.fromEntries(
    API_BEHAVIOURS.map((b) => [b.name, answerOf(behaviours, b.name, REGION)]),
  );
  if (answers.regionsWithoutWrites === "refused") {
    // Where AllowWrites is refused, neither side's change of writes can be asked.
    answers.reauthorizeOtherWrites = "unknown";
    answers.reassociateOtherWrites = "unknown";
  }
  return answers as Record<BehaviourName, string>;
}

describe("npm run test:aws against the emulator: the probe reports the answer the emulator gives", () => {
  const emu = useProbeEmulator();
  let config: ProbeConfig;
  before(() => {
    config = readProbeConfig(probeEnv(emu(), "marketing"));
  });
  beforeEach(() => emu().admin.reset());
  afterEach(() => emu().setBehaviours({}));

  const probeWith = async (entry: BehaviourEntry, answer: string) => {
    const settings = entry.settings(answer, REGION);
    emu().setBehaviours(settings);
    // A datashare authorized with writes, except where writes are refused: AWS can't hold one there.
    const share = settings.regionsWithoutWrites?.length ? "sales" : "marketing";
    const shareConfig = { ...config, dataShareArn: emu().dataShareArn(share) };
    const before = grantOf(emu(), share);
    const report = await probeBehaviours(probeApi(shareConfig));
    assert.deepEqual(report.answers, expectedAnswers(settings), `${entry.name}=${answer}`);
    assert.deepEqual(grantOf(emu(), share), before, `${entry.name}=${answer}: the start state is back`);
    return report;
  };

  for (const entry of API_BEHAVIOURS) {
    for (const answer of entry.answers) {
      it(`${entry.name}=${answer}`, async () => {
        const report = await probeWith(entry, answer);
        if (answer !== "unknown") {
          assert.equal(answerOf({ ...DEFAULT_BEHAVIOURS, ...report.behaviours }, entry.name, REGION), answer);
        }
      });
    }
  }

  it("refuses a datashare not authorized for the consumer, saying how to, and changes nothing", async () => {
    const before = grantOf(emu(), "finance");
    emu().resetRequestCounts();
    const err = await probeBehaviours(
      probeApi({ ...config, dataShareArn: emu().dataShareArn("finance") }),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof ProbePreconditionError, String(err));
    assert.match(err.message, /must be AUTHORIZED for consumer account 444455556666 .* Authorize it first/);
    assert.deepEqual(grantOf(emu(), "finance"), before);
    assert.deepEqual(Object.keys(emu().requestCounts()), ["DescribeDataShares"]);
  });

  it("interrupted after its first association, stops and puts the start state back", async () => {
    const interrupt = new AbortController();
    const api = probeApi({ ...config, dataShareArn: emu().dataShareArn("sales") }, interrupt.signal);
    api.consumer.middlewareStack.add(
      (next, context) => async (args) => {
        const out = await next(args);
        if (context.commandName === "AssociateDataShareConsumerCommand") interrupt.abort();
        return out;
      },
      { step: "initialize", name: "interruptAfterAssociate" },
    );
    const before = grantOf(emu(), "sales");
    const err = await probeBehaviours(api).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(interrupt.signal.aborted && err instanceof Error && err.name === "AbortError", String(err));
    assert.deepEqual(grantOf(emu(), "sales"), before);
  });

  it("when a step fails, puts the start state back (writes too) and reports the failure", async () => {
    const foreignNamespace = emu().namespaceArn("outsider", 0).replace("777788889999", "444455556666");
    const before = grantOf(emu(), "sales");
    const err = await probeBehaviours(
      probeApi({
        ...config,
        dataShareArn: emu().dataShareArn("sales"),
        consumerNamespaceArn: foreignNamespace,
      }),
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(err instanceof Error && err.name === "InvalidNamespaceFault", String(err));
    assert.deepEqual(grantOf(emu(), "sales"), before, "ProducerAllowedWrites back to false");
  });

  it("from a read-only authorization, probes the consumer's writes after allowing them, and restores read-only", async () => {
    const before = grantOf(emu(), "sales");
    const report = await probeBehaviours(probeApi({ ...config, dataShareArn: emu().dataShareArn("sales") }));
    assert.deepEqual(report.answers, expectedAnswers({}));
    assert.deepEqual(report.behaviours, apiDefaults(), "ready to paste: every default, known");
    assert.deepEqual(grantOf(emu(), "sales"), before);
  });
});
