import * as assert from "node:assert/strict";
import { debugToEngine, findEngineAddress } from "../../../provider/core/engineLog";
import { formatGoneReport, GoneReport, parseGoneReport } from "../../../provider/core/goneReport";

const ID =
  "arn:aws:redshift:us-east-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/sales,account";

describe("gone reports: read's one line, read back from the event log", () => {
  const reports: GoneReport[] = [
    { resource: "DataShareConsumer", id: ID, reason: { kind: "datashare-gone" } },
    { resource: "DataShareConsumer", id: ID, reason: { kind: "disassociated" } },
    { resource: "DataShareConsumer", id: ID, reason: { kind: "reauthorized", producerAllowedWrites: false } },
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
      const line = formatGoneReport(report);
      assert.ok(!line.includes("\n"), "one line: the engine splits a plugin's stderr by line");
      assert.deepEqual(parseGoneReport(`warning: [runtime] ${line}\n`), report);
    });
  }

  it("a message without the marker, or with a damaged record, is no report", () => {
    assert.equal(parseGoneReport("warning: [runtime] something else"), undefined);
    const line = formatGoneReport(reports[0]);
    assert.equal(parseGoneReport(line.slice(0, -3)), undefined);
    assert.equal(parseGoneReport(line.replace('"datashare-gone"', '"exploded"')), undefined);
    assert.equal(parseGoneReport(line.replace('"v":1', '"v":2')), undefined);
  });
});

describe("the engine's address of a provider process", () => {
  it("is the first argument shaped host:port, after the engine's logging and tracing flags", () => {
    assert.equal(findEngineAddress(["127.0.0.1:4242"]), "127.0.0.1:4242");
    assert.equal(
      findEngineAddress(["--logtostderr", "-v=9", "--tracing", "file:/x", "127.0.0.1:1"]),
      "127.0.0.1:1",
    );
  });

  it("is absent outside an engine (a test runner's arguments), and then a record goes nowhere", async () => {
    assert.equal(findEngineAddress(["test/provider/goneReport.test.ts", "--timeout", "60000"]), undefined);
    await debugToEngine("x", undefined);
  });
});
