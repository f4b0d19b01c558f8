import * as assert from "node:assert/strict";
import { marginal, median } from "../../bench/stats";

describe("benchmark helpers", () => {
  it("take the median of odd and even samples", () => {
    assert.equal(median([3, 1, 2]), 2);
    assert.equal(median([4, 1, 3, 2]), 2.5);
  });

  it("compute the per-resource marginal cost between two sizes", () => {
    assert.equal(marginal({ n: 1, ms: 1000 }, { n: 101, ms: 3000 }), 20);
  });
});
