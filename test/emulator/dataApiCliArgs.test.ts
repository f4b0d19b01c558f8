import { strict as assert } from "node:assert";
import { CliUsageError, parseCliArgs } from "../../emulator/cliArgs";

describe("emulator command line: the Data API's statement knobs", () => {
  it("reads --statement-ms, --statement-failure-rate and --max-active-statements into the fault config", () => {
    const command = parseCliArgs([
      "--statement-ms",
      "200-800",
      "--statement-failure-rate",
      "0.25",
      "--max-active-statements",
      "5",
      "--behaviour",
      "repeatGrant=refuse",
    ]);
    assert.ok(!command.help);
    assert.deepEqual(command.options.faults, {
      statementMs: { minMs: 200, maxMs: 800 },
      statementFailureRate: 0.25,
      maxActiveStatements: 5,
    });
    assert.deepEqual(command.options.behaviours, { repeatGrant: "refuse" });
  });

  for (const argv of [
    ["--statement-ms", "800-200"],
    ["--statement-failure-rate", "2"],
    ["--max-active-statements", "0"],
    ["--max-active-statements", "1.5"],
    ["--behaviour", "droppedShareDatabases=maybe"],
  ]) {
    it(`refuses ${argv.join(" ")}`, () => {
      assert.throws(() => parseCliArgs(argv), CliUsageError);
    });
  }
});
