import * as assert from "node:assert/strict";
import { engineAddress } from "../../plugin/engineLog";

describe("the plugin's engine address", () => {
  it("is the first argument after the engine's logging flags", () => {
    assert.equal(engineAddress(["127.0.0.1:4242"]), "127.0.0.1:4242");
    assert.equal(
      engineAddress(["--logtostderr", "-v=9", "--tracing", "file:/x", "127.0.0.1:1"]),
      "127.0.0.1:1",
    );
  });

  it("is absent when the plugin was started without one", () => {
    assert.equal(engineAddress(["--logtostderr"]), undefined);
  });
});
