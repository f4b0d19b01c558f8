import { strict as assert } from "node:assert";
import { AssociateDataShareConsumerCommand, InvalidDataShareFault } from "@aws-sdk/client-redshift";
import {
  answerOf,
  BEHAVIOURS,
  DEFAULT_BEHAVIOURS,
  loadSeed,
  resolveBehaviours,
  startEmulator,
  type Behaviours,
} from "../../emulator";
import { CliUsageError, parseCliArgs } from "../../emulator/cliArgs";

import { failureOf, redshiftAs, useEmulator } from "./helpers";

describe("emulator behaviours: the catalogue and how they are set", () => {
  it("lists every behaviour once, with at least two answers and the default first", () => {
    const names = BEHAVIOURS.map((b) => b.name);
    assert.deepEqual(names.slice().sort(), Object.keys(DEFAULT_BEHAVIOURS).sort());
    for (const entry of BEHAVIOURS) {
      assert.ok(entry.answers.length >= 2, entry.name);
      assert.equal(entry.default, entry.answers[0], entry.name);
      for (const answer of entry.answers) {
        const settings = resolveBehaviours(entry.settings(answer, "us-east-1"));
        assert.equal(answerOf(settings, entry.name, "us-east-1"), answer, `${entry.name}=${answer}`);
      }
    }
  });

  it("refuses an unknown behaviour or answer, saying what is allowed", () => {
    assert.throws(
      () => resolveBehaviours({ repeatAsociate: "refuse" } as unknown as Partial<Behaviours>),
      /Unknown behaviour "repeatAsociate"; the behaviours are repeatAssociate, /,
    );
    assert.throws(
      () => resolveBehaviours({ repeatAssociate: "maybe" } as unknown as Partial<Behaviours>),
      /repeatAssociate must be one of succeed, refuse; got "maybe"/,
    );
    assert.throws(
      () => resolveBehaviours({ regionsWithoutWrites: "eu-south-2" } as unknown as Partial<Behaviours>),
      /regionsWithoutWrites must be a list of region names/,
    );
    assert.throws(
      () => resolveBehaviours({ regionsWithoutWrites: ["eu-south-2", "not a region"] }),
      /regionsWithoutWrites must be a list of region names/,
    );
  });

  it("names any partition's regions in regionsWithoutWrites, the sovereign cloud's too", () => {
    const regions = ["eu-south-2", "us-gov-west-1", "cn-northwest-1", "eusc-de-east-1"];
    assert.deepEqual(resolveBehaviours({ regionsWithoutWrites: regions }).regionsWithoutWrites, regions);
  });

  it("starts with a seed's behaviours, under the start options, over the defaults", async () => {
    const emu = await startEmulator({
      seed: { ...loadSeed(undefined), behaviours: { repeatAssociate: "refuse", dataShareNameCase: "exact" } },
      behaviours: { dataShareNameCase: "folded", regionsWithoutWrites: ["eu-south-2"] },
    });
    try {
      assert.deepEqual(emu.behaviours(), {
        ...DEFAULT_BEHAVIOURS,
        repeatAssociate: "refuse",
        regionsWithoutWrites: ["eu-south-2"],
      });
    } finally {
      await emu.stop();
    }
  });

  it("refuses a seed with an unknown behaviour at start-up", async () => {
    const err = await startEmulator({
      seed: { ...loadSeed(undefined), behaviours: { sometimes: "yes" } as unknown as Partial<Behaviours> },
    }).then(
      () => undefined,
      (e: unknown) => e as Error & { code?: string },
    );
    assert.equal(err?.code, "ERR_EMULATOR_SEED");
    assert.match(err?.message ?? "", /behaviours: Unknown behaviour "sometimes"/);
  });

  it("reads --behaviour and --regions-without-writes into start options, refusing bad ones", () => {
    const command = parseCliArgs([
      "--behaviour",
      "repeatAssociate=refuse",
      "--behaviour=rejectedConsumerView=shareHidden",
      "--regions-without-writes",
      "eu-south-2, ap-east-1",
    ]);
    assert.ok(!command.help);
    assert.deepEqual(command.options.behaviours, {
      repeatAssociate: "refuse",
      rejectedConsumerView: "shareHidden",
      regionsWithoutWrites: ["eu-south-2", "ap-east-1"],
    });
    assert.ok(!("behaviours" in (parseCliArgs([]) as { options: object }).options), "none unless given");
    for (const bad of [
      ["--behaviour", "repeatAssociate"],
      ["--behaviour", "repeatAssociate=never"],
    ]) {
      assert.throws(() => parseCliArgs(bad), CliUsageError);
    }
    assert.throws(() => parseCliArgs(["--regions-without-writes", "Europe"]), /list of region names/);
  });

  describe("at run time", () => {
    const emu = useEmulator();
    beforeEach(() => emu().admin.reset());
    afterEach(() => emu().setBehaviours({}));

    const call = async (method: string, body?: unknown) => {
      const response = await fetch(`${emu().endpoint}/_emulator/behaviours`, {
        method,
        headers: { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as Record<string, unknown> };
    };
    const associateTwice = async () => {
      const client = redshiftAs(emu(), "consumer");
      const input = { DataShareArn: emu().dataShareArn("sales"), AssociateEntireAccount: true };
      await client.send(new AssociateDataShareConsumerCommand(input));
      return client.send(new AssociateDataShareConsumerCommand(input));
    };

    it("replaces the behaviours in process: the next request answers the new way, the rest back to defaults", async () => {
      emu().setBehaviours({ dataShareNameCase: "exact" });
      assert.deepEqual(emu().setBehaviours({ repeatAssociate: "refuse" }), {
        ...DEFAULT_BEHAVIOURS,
        repeatAssociate: "refuse",
      });
      assert.ok((await failureOf(associateTwice)) instanceof InvalidDataShareFault);
      emu().setBehaviours({});
      assert.equal((await associateTwice()).DataShareAssociations?.[0].Status, "ACTIVE");
    });

    it("serves GET and PUT /_emulator/behaviours, refusing a bad one with 400 and changing nothing", async () => {
      assert.deepEqual((await call("GET")).json, DEFAULT_BEHAVIOURS);
      const put = await call("PUT", { repeatAssociate: "refuse" });
      assert.equal(put.status, 200);
      assert.deepEqual(put.json, { ...DEFAULT_BEHAVIOURS, repeatAssociate: "refuse" });
      assert.ok((await failureOf(associateTwice)) instanceof InvalidDataShareFault);
      const bad = await call("PUT", { repeatAssociate: "sometimes" });
      assert.equal(bad.status, 400);
      assert.match(String(bad.json.error), /repeatAssociate must be one of succeed, refuse/);
      assert.equal(emu().behaviours().repeatAssociate, "refuse");
    });
  });
});
