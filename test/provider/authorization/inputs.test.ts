import * as assert from "node:assert/strict";
import { InvalidInputsError } from "../../../provider/core/errors";
import { ProducerLive, startProducerLive } from "./live";

describe("the authorization provider: bad input costs no API call, outputs hold no credentials", () => {
  let live: ProducerLive;

  beforeEach(async () => {
    live = await startProducerLive();
  });
  afterEach(() => live.emu.stop());

  const badInputs: [string, Record<string, unknown>][] = [
    ["no consumer", {}],
    ["a consumer of 11 digits", { consumerIdentifier: "44445555666" }],
    ["allowWrites as a string", { consumerIdentifier: "444455556666", allowWrites: "true" }],
    ["a region that is not one", { consumerIdentifier: "444455556666", region: "mars-1" }],
  ];
  for (const [what, news] of badInputs) {
    it(`with ${what}, check fails and create throws before any API call`, async () => {
      const inputs = { dataShareArn: live.emu.dataShareArn("finance"), ...news };
      live.emu.resetRequestCounts();
      const { failures } = await live.provider.check({}, inputs);
      assert.ok((failures ?? []).length > 0);
      await assert.rejects(live.provider.create(inputs), InvalidInputsError);
      assert.deepEqual(live.emu.requestCounts(), {});
    });
  }

  it("ADX and DataCatalog/<account> pass check with an endpoint set: check never guesses what the endpoint is", async () => {
    live.emu.resetRequestCounts();
    const dataShareArn = live.emu.dataShareArn("finance");
    for (const consumerIdentifier of ["ADX", `DataCatalog/${live.emu.accountId("consumer")}`]) {
      const { failures } = await live.provider.check({}, { dataShareArn, consumerIdentifier });
      assert.deepEqual(failures, [], consumerIdentifier);
    }
    assert.deepEqual(live.emu.requestCounts(), {});
  });

  it("the failure message of create names each property and what is allowed", async () => {
    const err = await live.provider
      .create({ dataShareArn: "nope", consumerIdentifier: "someone" })
      .catch((e: unknown) => e);
    assert.ok(err instanceof InvalidInputsError);
    assert.match(err.message, /dataShareArn: is invalid/);
    assert.match(err.message, /consumerIdentifier: must be a 12-digit AWS account ID/);
  });

  it("an unreadable ID fails read and delete with the expected format, with no API call", async () => {
    live.emu.resetRequestCounts();
    // An ExplainedError's text form is its name (no stack trace in the host's line): match the message.
    const expectedFormat = (e: Error) => /<dataShareArn>,<consumerIdentifier>/.test(e.message);
    await assert.rejects(live.provider.read("not-an-id", {}), expectedFormat);
    await assert.rejects(live.provider.delete("not-an-id", {}), expectedFormat);
    assert.deepEqual(live.emu.requestCounts(), {});
  });

  it("no output, read result or error message holds the access key or the secret", async () => {
    const creds = live.emu.credentials("producer");
    const declared = {
      dataShareArn: live.emu.dataShareArn("finance"),
      consumerIdentifier: live.emu.accountId("consumer"),
    };
    const { id, outs } = await live.provider.create(declared);
    const read = await live.provider.read(id, { ...outs });
    const refused = await live.provider
      .create({
        ...declared,
        consumerIdentifier: live.emu.accountId("outsider"),
        dataShareArn: live.emu.dataShareArn("sales"),
      })
      .catch((e: Error) => e.message);
    for (const text of [JSON.stringify(outs), JSON.stringify(read), String(refused)]) {
      assert.ok(!text.includes(creds.secretAccessKey), text);
      assert.ok(!text.includes(creds.accessKeyId), text);
    }
    assert.deepEqual(Object.keys(outs).sort(), [
      "consumerAcceptedWrites",
      "consumerIdentifier",
      "createdDate",
      "dataShareArn",
      "producerAllowedWrites",
      "producerArn",
      "region",
      "status",
      "statusChangeDate",
    ]);
  });
});
