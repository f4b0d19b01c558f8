import * as assert from "node:assert/strict";
import { runtime } from "@pulumi/pulumi";
import { concealSecrets, revealSecrets } from "../../plugin/secrets";

const secret = (value: unknown) => ({ [runtime.specialSigKey]: runtime.specialSecretSig, value });

describe("secrets across the plugin boundary", () => {
  it("reveals plain values and names the top-level properties that held a secret at any depth", () => {
    const { plain, secretKeys } = revealSecrets({
      dataShareArn: secret("arn:x"),
      allowWrites: false,
      nested: { list: [1, secret(2)] },
    });
    assert.deepEqual(plain, { dataShareArn: "arn:x", allowWrites: false, nested: { list: [1, 2] } });
    assert.deepEqual([...secretKeys].sort(), ["dataShareArn", "nested"]);
  });

  it("passes the engine's unknown placeholder through, inside a secret too", () => {
    const { plain, secretKeys } = revealSecrets({ consumerArn: secret(runtime.unknownValue) });
    assert.deepEqual(plain, { consumerArn: runtime.unknownValue });
    assert.deepEqual([...secretKeys], ["consumerArn"]);
  });

  it("marks the named properties secret again, once, and leaves unset ones alone", () => {
    const outs = concealSecrets({ dataShareArn: "arn:x", status: "ACTIVE", region: undefined }, [
      "dataShareArn",
      "region",
    ]);
    assert.deepEqual(outs, { dataShareArn: secret("arn:x"), status: "ACTIVE", region: undefined });
    assert.deepEqual(concealSecrets(outs, ["dataShareArn"]), outs);
  });

  it("round-trips: what was secret on the way in is secret on the way out", () => {
    const given = { dataShareArn: secret("arn:x"), consumerArn: "arn:y" };
    const { plain, secretKeys } = revealSecrets(given);
    assert.deepEqual(concealSecrets(plain, secretKeys), given);
  });
});
