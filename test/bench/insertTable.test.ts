import * as assert from "node:assert/strict";
import { insertTable } from "../../bench/insertTable";

describe("putting a run's table into the documents", () => {
  const doc = "intro\n<!-- bench:table:start -->\n\nold table\n\n<!-- bench:table:end -->\nafter\n";

  it("replaces what stands between the markers, keeping the rest", () => {
    assert.equal(
      insertTable(doc, "| a |\n| - |\n| 1 |\n"),
      "intro\n<!-- bench:table:start -->\n\n| a |\n| - |\n| 1 |\n\n<!-- bench:table:end -->\nafter\n",
    );
  });

  it("refuses a document without the markers, or with them out of order", () => {
    assert.throws(() => insertTable("no markers", "t"), /bench:table/);
    assert.throws(
      () => insertTable("<!-- bench:table:end --> <!-- bench:table:start -->", "t"),
      /bench:table/,
    );
  });
});
