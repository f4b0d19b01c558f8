import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import { readEventLog } from "../../../cli/pulumi/engineEvents";
import { withEventLog } from "../../../cli/pulumi/runPulumi";

/** What a `pulumi --event-log <file>` run would write: one event a line, a blank line at the end. */
function writeLog(args: string[], lines: object[]): string {
  const file = args[args.indexOf("--event-log") + 1];
  fs.writeFileSync(file, lines.map((l) => JSON.stringify(l)).join("\n") + "\n\n");
  return file;
}

describe("the engine's event log", () => {
  it("when the command wrote no log, reads no events", () => {
    assert.deepEqual(readEventLog("/nonexistent/events.jsonl"), []);
  });

  it("appends --event-log to the command, returns its result with the events, and removes the log", async () => {
    let logFile = "";
    const { value, events } = await withEventLog(["refresh", "--stack", "dev"], async (args) => {
      assert.deepEqual(args.slice(0, 3), ["refresh", "--stack", "dev"]);
      logFile = writeLog(args, [{ sequence: 0 }, { sequence: 1, summaryEvent: {} }]);
      return "ran";
    });
    assert.equal(value, "ran");
    assert.deepEqual(events, [{ sequence: 0 }, { sequence: 1, summaryEvent: {} }]);
    assert.equal(fs.existsSync(logFile), false);
  });

  it("when the command fails, hands the events logged so far to the caller and rethrows", async () => {
    const failure = new Error("exited 255");
    let seen: unknown[] = [];
    await assert.rejects(
      withEventLog(
        ["up"],
        async (args) => {
          writeLog(args, [{ diagnosticEvent: { message: "boom", severity: "error" } }]);
          throw failure;
        },
        (err, events) => {
          assert.equal(err, failure);
          seen = events;
        },
      ),
      failure,
    );
    assert.deepEqual(seen, [{ diagnosticEvent: { message: "boom", severity: "error" } }]);
  });
});
