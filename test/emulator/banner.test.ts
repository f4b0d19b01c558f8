import * as assert from "node:assert/strict";
import defaultSeed from "../../emulator/seeds/default.json";
import { accountRegion, describeGrant, renderBanner } from "../../emulator/banner";
import { parseSeed, stateFromSeed } from "../../emulator/model/seed";
import type { ModelState } from "../../emulator/model/types";
import { parseBanner } from "../../harness/emulatorBanner";

const ENDPOINT = "http://127.0.0.1:4566";

function defaultState(): ModelState {
  return stateFromSeed(parseSeed(structuredClone(defaultSeed)), "2026-01-01T00:00:00.000Z");
}

/** Each account's exported variables, with its id as ACCOUNT, read back as a shell would. */
function exportBlocks(banner: string): Map<string, Record<string, string>> {
  return new Map(parseBanner(banner).accounts.map((a) => [a.name, { ACCOUNT: a.id, ...a.env }]));
}

describe("the emulator's start-up banner", () => {
  it("gives every seed account a block of exports for the SDK and the aws CLI v1 (AWS_DEFAULT_REGION too)", () => {
    const blocks = exportBlocks(renderBanner(ENDPOINT, defaultState()));
    assert.deepEqual([...blocks.keys()], ["producer", "consumer", "outsider"]);
    assert.deepEqual(blocks.get("consumer"), {
      ACCOUNT: "444455556666",
      AWS_ENDPOINT_URL: ENDPOINT,
      AWS_ACCESS_KEY_ID: "AKIAEMULCONSUMER0001",
      AWS_SECRET_ACCESS_KEY: "emulator/consumer/secret/key/000000000001",
      AWS_REGION: "us-east-1",
      AWS_DEFAULT_REGION: "us-east-1",
    });
    for (const block of blocks.values()) assert.equal(block.AWS_DEFAULT_REGION, block.AWS_REGION);
  });

  it("lists every datashare ARN with each consumer's standing: authorized ones ready to associate, granted ones free to authorize", () => {
    const banner = renderBanner(ENDPOINT, defaultState());
    const arn = (name: string, ns: string) =>
      `arn:aws:redshift:us-east-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-00000000000${ns}/${name}`;
    const after = (text: string) =>
      banner
        .slice(banner.indexOf(text) + text.length)
        .split("\n")[1]
        .trim();
    assert.equal(
      after(arn("sales", "1")),
      "consumer 444455556666: AUTHORIZED (read-only), not associated: ready for a DataShareConsumer",
    );
    assert.equal(
      after(arn("marketing", "1")),
      "consumer 444455556666: AUTHORIZED (writes allowed), not associated: ready for a DataShareConsumer",
    );
    assert.equal(
      after(arn("finance", "2")),
      "consumer 444455556666: usage granted, not authorized: free for a new DataShareAuthorization",
    );
  });

  it("lists the namespaces of consumer accounts only, in the form consumerArn takes", () => {
    const banner = renderBanner(ENDPOINT, defaultState());
    const section = banner.slice(banner.indexOf("Consumer namespaces"), banner.indexOf("Try:"));
    assert.ok(
      section.includes(
        "arn:aws:redshift:us-east-1:444455556666:namespace:c0ffee00-0000-4000-8000-000000000001",
      ),
    );
    assert.ok(
      section.includes(
        "arn:aws:redshift-serverless:us-east-1:444455556666:namespace/c0ffee00-0000-4000-8000-000000000002",
      ),
    );
    assert.ok(
      section.includes(
        "arn:aws:redshift:us-west-2:444455556666:namespace:c0ffee00-0000-4000-8000-000000000003",
      ),
    );
    assert.ok(!section.includes("111122223333"), "the producer's namespaces are not consumer namespaces");
  });

  it("says which targets a share is associated with, and names a deauthorized or rejected share", () => {
    const state = defaultState();
    const [sales, marketing, finance] = state.dataShares;
    const when = "2026-01-01T00:00:00.000Z";
    const ns = "arn:aws:redshift:us-east-1:444455556666:namespace:c0ffee00-0000-4000-8000-000000000001";
    sales.consumers[0].associations.push(
      {
        target: { kind: "namespace", arn: ns },
        status: "ACTIVE",
        consumerAcceptedWrites: false,
        createdDate: when,
        statusChangeDate: when,
      },
      {
        target: { kind: "region", region: "us-west-2" },
        status: "ACTIVE",
        consumerAcceptedWrites: false,
        createdDate: when,
        statusChangeDate: when,
      },
    );
    marketing.consumers[0].status = "DEAUTHORIZED";
    finance.consumers[0].status = "REJECTED";
    assert.equal(
      describeGrant(sales.consumers[0]),
      `ACTIVE (read-only), associated with ${ns}, region us-west-2`,
    );
    assert.match(
      describeGrant(marketing.consumers[0]),
      /^DEAUTHORIZED: a DataShareAuthorization can authorize it again$/,
    );
    assert.match(describeGrant(finance.consumers[0]), /^REJECTED by the consumer/);
    assert.match(
      renderBanner(ENDPOINT, state),
      /consumer 444455556666: ACTIVE \(read-only\), associated with arn:/,
    );
  });

  it("takes each account's region from the datashares it produces or is offered", () => {
    const state = defaultState();
    state.dataShares = state.dataShares.map((s) => ({ ...s, region: "eu-west-1" }));
    const producer = state.accounts[0];
    assert.equal(accountRegion(state, producer), "eu-west-1");
    const blocks = exportBlocks(renderBanner(ENDPOINT, state));
    assert.equal(blocks.get("consumer")?.AWS_DEFAULT_REGION, "eu-west-1");
    state.dataShares = [];
    assert.equal(accountRegion(state, producer), "us-east-1", "the first namespace's region");
  });
});
