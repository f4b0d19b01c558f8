import * as assert from "node:assert/strict";
import type { ModelState } from "../../emulator";
import { compareAssociations, declareAssociations, isExact, liveAssociations } from "./scenario/associations";
import { findLeaks } from "./scenario/leakSearch";
import { ScenarioReport } from "./scenario/report";
import { totals } from "./scenario/summary";
import { RunArgsError, parseRunArgs } from "./runArgs";

const arns = {
  dataShareArn: (name: string) => `arn:aws:redshift:us-east-1:111122223333:datashare:g/${name}`,
  namespaceArn: (_account: string, i: number) => `arn:aws:redshift:us-east-1:444455556666:namespace:N${i}`,
};

function stateWith(targets: { share: string; arn: string; status?: string; writes?: boolean }[]): ModelState {
  const shares = [...new Set(targets.map((t) => t.share))];
  return {
    accounts: [],
    dataShares: shares.map((share) => ({
      arn: arns.dataShareArn(share),
      name: share,
      producerAccount: "111122223333",
      producerNamespace: "g",
      region: "us-east-1",
      allowPubliclyAccessibleConsumers: false,
      createdDate: "",
      consumers: [
        {
          accountId: "444455556666",
          status: "AUTHORIZED",
          producerAllowedWrites: true,
          createdDate: "",
          statusChangeDate: "",
          associations: targets
            .filter((t) => t.share === share)
            .map((t) => ({
              target: { kind: "namespace" as const, arn: t.arn },
              status: (t.status ?? "ACTIVE") as "ACTIVE",
              consumerAcceptedWrites: t.writes ?? false,
              createdDate: "",
              statusChangeDate: "",
            })),
        },
      ],
    })),
  };
}

describe("reliability helpers", () => {
  describe("compareAssociations", () => {
    const declared = declareAssociations(2, 2, arns).map((d) => ({ ...d, allowWrites: false }));

    it("when the emulator holds exactly the declared set, reports it exact (namespace ARNs compare case-insensitively)", () => {
      const live = liveAssociations(
        stateWith([
          { share: "share_0", arn: arns.namespaceArn("", 0).toLowerCase() },
          { share: "share_1", arn: arns.namespaceArn("", 0) },
        ]),
      );
      assert.ok(isExact(compareAssociations(declared, live)));
    });

    it("when one is missing, one is extra and one is held twice, reports each", () => {
      const live = liveAssociations(
        stateWith([
          { share: "share_0", arn: arns.namespaceArn("", 0) },
          { share: "share_0", arn: arns.namespaceArn("", 0) },
          { share: "share_0", arn: arns.namespaceArn("", 7) },
        ]),
      );
      const c = compareAssociations(declared, live);
      assert.equal(c.missing.length, 1);
      assert.equal(c.extra.length, 1);
      assert.equal(c.duplicates.length, 1);
    });

    it("when an association is not ACTIVE or has other writes than declared, reports it mismatched", () => {
      const live = liveAssociations(
        stateWith([
          { share: "share_0", arn: arns.namespaceArn("", 0), status: "DEAUTHORIZED" },
          { share: "share_1", arn: arns.namespaceArn("", 0), writes: true },
        ]),
      );
      assert.equal(compareAssociations(declared, live).mismatched.length, 2);
    });
  });

  describe("findLeaks", () => {
    it("finds a secret in plain, base64 and URL-encoded form, and nothing in clean text", () => {
      const secret = "abc/def+ghi";
      const leaks = findLeaks(
        [{ label: "s", value: secret }],
        [
          { where: "plain", text: `x ${secret} y` },
          { where: "b64", text: Buffer.from(secret).toString("base64") },
          { where: "url", text: encodeURIComponent(secret) },
          { where: "clean", text: "nothing here" },
        ],
      );
      assert.deepEqual(leaks.map((l) => l.where).sort(), ["b64", "plain", "url"]);
    });
  });

  describe("parseRunArgs", () => {
    it("defaults to the full size", () => assert.deepEqual(parseRunArgs([]), { size: "full", only: [] }));
    it("accepts small, a number and a scenario list", () => {
      assert.equal(parseRunArgs(["--size", "small"]).size, "small");
      assert.equal(parseRunArgs(["--size=25"]).size, 25);
      assert.deepEqual(parseRunArgs(["--only", "secrets, auth"]).only, ["secrets", "auth"]);
    });
    it("when the size or an option is unknown, throws a RunArgsError with a code", () => {
      assert.throws(
        () => parseRunArgs(["--size", "huge"]),
        (e: unknown) => e instanceof RunArgsError && e.code === "ERR_RELIABILITY_ARGS",
      );
      assert.throws(() => parseRunArgs(["--fast"]), RunArgsError);
    });
  });

  describe("totals", () => {
    it("counts answered requests as received minus throttled and 5xx, and flags unknown retries", () => {
      const report = (retries?: number): ScenarioReport => ({
        scenario: "s",
        associations: 1,
        seconds: 1,
        runs: [{ label: "up", result: "succeeded", changes: { create: 2 }, errors: 0, seconds: 1 }],
        requests: { AssociateDataShareConsumer: 10 },
        injected: { throttled: 3, serverErrors: 1, droppedResponses: 1 },
        retries,
        lost: 0,
        orphans: 0,
        checks: [{ name: "c", ok: true, detail: "" }],
      });
      const t = totals([report(4), report(undefined)]);
      assert.equal(t.requests, 20);
      assert.equal(t.answered, 12);
      assert.equal(t.retries, 4);
      assert.equal(t.retriesKnown, false);
      assert.equal(t.engineSteps.create, 4);
    });
  });
});
