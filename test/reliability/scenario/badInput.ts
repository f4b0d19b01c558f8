/**
 * Bad input: every corpus case must fail `check` with a failure naming the property, and no AWS
 * call may happen. The whole corpus goes through the provider's check in process; the engine path
 * (a preview whose program declares the bad resource; the engine stops at the first check
 * failure, so one preview per case) covers the whole corpus or a sample of one case per category.
 */
import type { PulumiFn } from "@pulumi/pulumi/automation";
import { provider } from "../../../provider";
import { DataShareConsumer, type DataShareConsumerArgs } from "../../../sdk";
import { BadInputCase, badInputCorpus, representativeSample } from "./badInputCorpus";
import { errorDiagnostics } from "./report";
import { Recorder, ScenarioReport } from "./report";
import { World } from "./world";

export interface BadInputOptions {
  /** Run every case through the engine (one preview each), not only one case per category. */
  everyCaseThroughEngine: boolean;
}

export async function runBadInputScenario(options: BadInputOptions): Promise<ScenarioReport> {
  const world = await World.start({ associations: 1, shares: 1 });
  const corpus = badInputCorpus({
    dataShareArn: world.declared[0].dataShareArn,
    consumerArn: world.declared[0].consumerArn,
  });
  const rec = new Recorder(`bad input (${corpus.length} cases)`, 0);
  try {
    world.emu.resetRequestCounts();
    for (const c of corpus) {
      const failures = (await provider.check({}, c.args)).failures ?? [];
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
    const engineCases = options.everyCaseThroughEngine ? corpus : representativeSample(corpus);
    for (const c of engineCases) {
      const preview = await rec.engine(`preview ${c.id}`, (onEvent) =>
        world.stack.preview({ program: programFor(c), onEvent }),
      );
      const messages = errorDiagnostics(preview.events);
      const names = messages.some(
        (m) => m.includes(`'${resourceName(c)}'`) && c.properties.some((p) => m.includes(`property ${p} `)),
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

/** The args are deliberately ill-typed: they reach the provider exactly as written. */
function programFor(c: BadInputCase): PulumiFn {
  return async () => {
    new DataShareConsumer(resourceName(c), c.args as unknown as DataShareConsumerArgs);
  };
}
