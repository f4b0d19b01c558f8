import * as assert from "node:assert/strict";
import { formatGoneReport, GoneReport, parseGoneReport } from "../../../provider/core/goneReport";

const ID =
  "arn:aws:redshift:us-east-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/sales,account";

describe("gone reports: read's one line, read back from the event log", () => {
  const reports: GoneReport[] = [
    { resource: "DataShareConsumer", id: ID, reason: { kind: "datashare-gone" } },
    { resource: "DataShareConsumer", id: ID, reason: { kind: "disassociated" } },
    {
      resource: "DataShareConsumer",
      id: ID,
      reason: { kind: "superseded", by: "an entire-account association" },
    },
    { resource: "DataShareConsumer", id: ID, reason: { kind: "not-authorized", status: "DEAUTHORIZED" } },
    { resource: "DataShareConsumer", id: ID, reason: { kind: "not-authorized" } },
  ];
  for (const report of reports) {
    it(`a ${report.reason.kind} report survives the host's prefix and the engine's line end`, () => {
      const line = formatGoneReport("the association … is gone.", report);
      assert.ok(!line.includes("\n"), "one line: the engine splits a plugin's stderr by line");
      assert.deepEqual(parseGoneReport(`warning: [runtime] ${line}\n`), report);
    });
  }

  it("a message without the marker, or with a damaged record, is no report", () => {
    assert.equal(parseGoneReport("warning: [runtime] something else"), undefined);
    const line = formatGoneReport("x", reports[0]);
    assert.equal(parseGoneReport(line.slice(0, -3)), undefined);
    assert.equal(parseGoneReport(line.replace('"datashare-gone"', '"exploded"')), undefined);
    assert.equal(parseGoneReport(line.replace('"v":1', '"v":2')), undefined);
  });
});
