/**
 * Bad input: every corpus case (DataShareConsumer and DataShareAuthorization) must fail `check`
 * with a failure naming the property, and no AWS call may happen. The whole corpus goes through
 * the providers' check in process; the engine path (a preview of a user project whose stack config
 * declares the bad resource; the engine stops at the first check failure, so one preview per case)
 * covers the whole corpus or the first case of each resource type.
 */
import { authorizationProvider, provider } from "../../../provider";
import { authorizationBadInputCorpus } from "./badInputAuthorizationCorpus";
import { BadInputCase, badInputCorpus, engineSample } from "./badInputCorpus";
import { Recorder, ScenarioReport, errorDiagnostics } from "./report";
import { CONSUMER_ID } from "./seed";
import { ProjectStack, World } from "./world";

export interface BadInputOptions {
  /** Run every case through the engine (one preview each), not only one per resource type. */
  everyCaseThroughEngine: boolean;
}

export function fullCorpus(valid: { dataShareArn: string; consumerArn: string }): BadInputCase[] {
  return [
    ...badInputCorpus(valid),
    ...authorizationBadInputCorpus({ dataShareArn: valid.dataShareArn, consumerIdentifier: CONSUMER_ID }),
  ];
}

export async function runBadInputScenario(options: BadInputOptions): Promise<ScenarioReport> {
  const world = await World.start({ associations: 1, shares: 1, initial: () => [] });
  const corpus = fullCorpus(world.declared[0]);
  const rec = new Recorder(`bad input (${corpus.length} cases)`, 0);
  try {
    const stacks: Record<BadInputCase["resource"], ProjectStack> = {
      DataShareConsumer: world.consumers,
      DataShareAuthorization: await world.project("authorizations", world.producerEnv()),
    };
    world.emu.resetRequestCounts();
    for (const c of corpus) {
      const check = c.resource === "DataShareConsumer" ? provider.check : authorizationProvider.check;
      const failures = (await check({}, c.args)).failures ?? [];
      const named = failures.filter((f) => c.properties.includes(f.property));
      rec.expect(
        `check refuses ${c.id} naming ${c.properties.join(" or ")}`,
        named.length > 0,
        failures
          .map((f) => `${f.property}: ${f.reason}`)
          .join("; ")
          .slice(0, 300) || "no failure",
      );
    }
    const engineCases = options.everyCaseThroughEngine ? corpus : engineSample(corpus);
    for (const c of engineCases) {
      const stack = stacks[c.resource];
      // The args are deliberately ill-typed: through JSON config they reach the provider as written.
      const declared = { [resourceName(c)]: c.args };
      if (c.resource === "DataShareConsumer") await stack.declareConsumers(declared);
      else await stack.declareAuthorizations(declared);
      const preview = await rec.engine(`preview ${c.id}`, () => stack.preview());
      const messages = errorDiagnostics(preview.events);
      const names = messages.some(
        (m) =>
          m.includes(`${c.resource} resource '${resourceName(c)}'`) &&
          c.properties.some((p) => m.includes(`property ${p} `)),
      );
      rec.expect(
        `the engine refuses ${c.id} naming ${c.properties.join(" or ")}`,
        preview.error !== undefined && names,
        messages.join(" | ").slice(0, 300) ||
          (preview.error ? preview.error.message.slice(0, 300) : "preview succeeded"),
      );
    }
    const calls = Object.values(world.emu.requestCounts()).reduce((a, b) => a + b, 0);
    rec.expect(
      "no AWS API call was made for bad input",
      calls === 0,
      JSON.stringify(world.emu.requestCounts()),
    );
    return rec.finish(world.counts(), 0);
  } finally {
    await world.dispose();
  }
}

function resourceName(c: BadInputCase): string {
  return `bad-${c.id}`;
}
