import * as assert from "node:assert/strict";
import * as pulumi from "@pulumi/pulumi";
import { createTestStack } from "../support/engine";

const noop: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    return { id: "noop-" + String(inputs.n), outs: inputs };
  },
};

class NoopResource extends pulumi.dynamic.Resource {
  constructor(name: string, n: number) {
    super(noop, name, { n }, {}, "test", "Noop");
  }
}

describe("the Pulumi engine harness", function () {
  this.timeout(10 * 60 * 1000);

  it("runs up, preview and destroy of a dynamic resource with the real CLI offline", async () => {
    const t = await createTestStack({
      program: async () => {
        const r = new NoopResource("r", 1);
        return { id: r.id };
      },
    });
    try {
      const up = await t.stack.up();
      assert.equal(up.summary.result, "succeeded");
      assert.equal(up.outputs.id.value, "noop-1");
      const preview = await t.stack.preview({ expectNoChanges: true });
      assert.equal(preview.changeSummary.same, 2);
    } finally {
      await t.dispose();
    }
  });
});
