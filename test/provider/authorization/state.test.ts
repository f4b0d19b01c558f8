import * as assert from "node:assert/strict";
import { declaredInputs, liveInputs, outputsFor } from "../../../provider/authorization/state";
import { CONSUMER_ACCOUNT, DATASHARE } from "../../fixtures/arns";

const key = { dataShareArn: DATASHARE, consumerIdentifier: CONSUMER_ACCOUNT };
const readOnly = { consumerIdentifier: CONSUMER_ACCOUNT, status: "AUTHORIZED", producerAllowedWrites: false };

describe("DataShareAuthorization state", () => {
  it("an unset allowWrites stays unset while writes are off, so a converged stack shows no diff", () => {
    assert.deepEqual(liveInputs(key, {}, readOnly, "us-east-1"), key);
  });

  it("a declared allowWrites: false stays false", () => {
    assert.equal(liveInputs(key, { allowWrites: false }, readOnly, "us-east-1").allowWrites, false);
  });

  it("writes allowed on AWS read back as allowWrites: true whatever was declared", () => {
    const entry = { ...readOnly, producerAllowedWrites: true };
    assert.equal(liveInputs(key, {}, entry, "us-east-1").allowWrites, true);
  });

  it("the region in use is named in the inputs only when it is not the provider's default", () => {
    assert.equal(liveInputs(key, { region: "us-east-1" }, readOnly, "us-east-1").region, undefined);
    assert.equal(liveInputs(key, { region: "eu-west-1" }, readOnly, "us-east-1").region, "eu-west-1");
  });

  it("outputs carry the region in use and leave out what AWS did not report", () => {
    const outs = outputsFor(key, "us-east-1");
    assert.deepEqual(outs, { ...key, region: "us-east-1" });
  });

  it("declared inputs ignore outputs and the serialized provider", () => {
    const bag = { ...key, status: "ACTIVE", __provider: "code", allowWrites: null };
    assert.deepEqual(declaredInputs(bag), key);
  });
});
