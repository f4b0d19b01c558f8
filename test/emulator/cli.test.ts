import { strict as assert } from "node:assert";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DescribeDataSharesCommand, RedshiftClient } from "@aws-sdk/client-redshift";
import { CliUsageError, parseCliArgs } from "../../emulator/cliArgs";
import { useTempDir } from "./helpers";

describe("emulator CLI: parseCliArgs", () => {
  it("defaults to port 4566 on 127.0.0.1 with no faults and memory-only state", () => {
    assert.deepEqual(parseCliArgs([]), {
      help: false,
      options: { port: 4566, host: "127.0.0.1", faults: {} },
    });
  });

  it("reads every option into start options and a FaultConfig", () => {
    const command = parseCliArgs([
      "--port=0",
      "--host",
      "0.0.0.0",
      "--state",
      "s.json",
      "--seed",
      "seed.json",
      "--throttle-rate",
      "0.1",
      "--server-error-rate",
      "0.2",
      "--latency-ms",
      "30",
      "--drop-response",
      "AssociateDataShareConsumer, DisassociateDataShareConsumer",
      "--random-seed",
      "9",
    ]);
    assert.deepEqual(command, {
      help: false,
      options: {
        port: 0,
        host: "0.0.0.0",
        stateFile: "s.json",
        seed: "seed.json",
        faults: {
          throttleRate: 0.1,
          serverErrorRate: 0.2,
          latencyMs: 30,
          randomSeed: 9,
          dropResponse: ["AssociateDataShareConsumer", "DisassociateDataShareConsumer"],
        },
      },
    });
  });

  it("reads a latency range, per-operation ranges and rate limits", () => {
    const command = parseCliArgs([
      "--latency",
      "80-200",
      "--latency-op",
      "DescribeDataShares=300-400",
      "--rate-limit",
      "10/20",
      "--rate-limit-op",
      "AssociateDataShareConsumer=2.5/5",
      "--rate-limit-op",
      "GetCallerIdentity=1/1",
    ]);
    assert.deepEqual(command.help === false && command.options.faults, {
      latency: { minMs: 80, maxMs: 200, perOperation: { DescribeDataShares: { minMs: 300, maxMs: 400 } } },
      rateLimit: {
        ratePerSecond: 10,
        burst: 20,
        perOperation: {
          AssociateDataShareConsumer: { ratePerSecond: 2.5, burst: 5 },
          GetCallerIdentity: { ratePerSecond: 1, burst: 1 },
        },
      },
    });
  });

  it("refuses a malformed latency range or rate limit, and --latency-ms with --latency", () => {
    assert.throws(() => parseCliArgs(["--latency", "200-80"]), CliUsageError);
    assert.throws(() => parseCliArgs(["--rate-limit", "10"]), CliUsageError);
    assert.throws(() => parseCliArgs(["--rate-limit-op", "=1/1"]), CliUsageError);
    assert.throws(() => parseCliArgs(["--latency-ms", "5", "--latency", "1-2"]), CliUsageError);
  });

  it("refuses an unknown flag with a usage error code", () => {
    assert.throws(
      () => parseCliArgs(["--prot", "1"]),
      (e: unknown) => e instanceof CliUsageError && e.code === "ERR_EMULATOR_USAGE",
    );
  });

  it("refuses a rate outside 0..1 and a port that is not a number", () => {
    assert.throws(() => parseCliArgs(["--throttle-rate", "1.5"]), CliUsageError);
    assert.throws(() => parseCliArgs(["--port", "http"]), CliUsageError);
  });
});

describe("emulator CLI: the process", () => {
  const tempDir = useTempDir();

  it("prints the endpoint and pasteable credentials, serves the SDK, and exits 0 with state flushed on SIGTERM", async () => {
    const stateFile = join(tempDir(), "cli-state.json");
    const child = spawn(
      process.execPath,
      ["-r", "ts-node/register/transpile-only", "emulator/cli.ts", "--port", "0", "--state", stateFile],
      { cwd: join(__dirname, "..", ".."), stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      while (!/Try: aws --endpoint-url/.test(output)) {
        if (child.exitCode !== null) throw new Error(`cli exited early: ${output}`);
        await new Promise((r) => setTimeout(r, 20));
      }
      const endpoint = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      const accessKeyId = /AWS_ACCESS_KEY_ID=(\S+)/.exec(output)?.[1];
      const secretAccessKey = /AWS_SECRET_ACCESS_KEY=(\S+)/.exec(output)?.[1];
      assert.ok(endpoint && accessKeyId && secretAccessKey, output);
      assert.match(output, new RegExp(`aws --endpoint-url ${endpoint} redshift`));
      const client = new RedshiftClient({
        endpoint,
        region: "us-east-1",
        credentials: { accessKeyId, secretAccessKey },
        maxAttempts: 1,
      });
      const out = await client.send(new DescribeDataSharesCommand({}));
      assert.ok((out.DataShares?.length ?? 0) > 0);
    } finally {
      child.kill("SIGTERM");
    }
    assert.equal(await exited, 0);
    assert.ok(existsSync(stateFile));
  });
});
