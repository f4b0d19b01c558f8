import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { CommandLineError, parseCommandLine, USAGE } from "../../cli/commandLine";
import { DriftCliError } from "../../cli/drift/errors";
import { EMULATOR_USAGE } from "../../cli/emulator/args";
import { CliUsageError } from "../../emulator/cliArgs";
import { main } from "../../cli/main";

const failsWith = (argv: string[], code: string, message: RegExp) =>
  assert.throws(
    () => parseCommandLine(argv),
    (e: unknown) => (e as { code?: string }).code === code && message.test((e as Error).message),
  );

describe("the command line of pulumi-redshift-datashare", () => {
  it("when help, --help or -h is given, asks for the package's help", () => {
    for (const argv of [["--help"], ["-h"], ["help"]]) {
      assert.deepEqual(parseCommandLine(argv), { command: "help" });
    }
  });

  it("when --version or -V is given, asks for the version; when nothing is given, for the usage", () => {
    assert.deepEqual(parseCommandLine(["--version"]), { command: "version" });
    assert.deepEqual(parseCommandLine(["-V"]), { command: "version" });
    assert.deepEqual(parseCommandLine([]), { command: "usage" });
  });

  it("when an unknown package option is given, throws ERR_USAGE naming it", () => {
    failsWith(["--verison"], "ERR_USAGE", /--verison/);
  });

  it("the package's help lists both commands and says that drift checks both resource types", () => {
    assert.match(USAGE, /^ {2}drift /m);
    assert.match(USAGE, /^ {2}emulator /m);
    assert.match(USAGE, /DataShareConsumer and\s+DataShareAuthorization/);
  });

  it("when the command is unknown, throws ERR_USAGE listing the known ones", () => {
    failsWith(["drfit", "--stack", "a"], "ERR_USAGE", /unknown command "drfit" \(known: drift, emulator\)/);
    assert.throws(() => parseCommandLine(["emulate"]), CommandLineError);
  });

  it("hands drift's arguments to drift's parser", () => {
    assert.deepEqual(parseCommandLine(["drift", "--stack", "prod"], "/here"), {
      command: "drift",
      stack: "prod",
      cwd: "/here",
      json: false,
      refresh: false,
    });
    assert.throws(() => parseCommandLine(["drift"]), DriftCliError);
  });

  it("emulator: with no flag, listens on 127.0.0.1:4566 with the built-in seed, memory only, no faults", () => {
    assert.deepEqual(parseCommandLine(["emulator"]), {
      command: "emulator",
      options: { port: 4566, host: "127.0.0.1", faults: {} },
    });
  });

  it("emulator: takes the emulator's own flags", () => {
    assert.deepEqual(
      parseCommandLine([
        "emulator",
        "--port",
        "0",
        "--state",
        "s.json",
        "--seed",
        "seed.json",
        "--latency",
        "5-10",
      ]),
      {
        command: "emulator",
        options: {
          port: 0,
          host: "127.0.0.1",
          stateFile: "s.json",
          seed: "seed.json",
          faults: { latency: { minMs: 5, maxMs: 10 } },
        },
      },
    );
  });

  it("emulator, strict: an unknown flag, a positional or a bad value throws ERR_EMULATOR_USAGE", () => {
    failsWith(["emulator", "--prot", "1"], "ERR_EMULATOR_USAGE", /--prot/);
    failsWith(["emulator", "consumer"], "ERR_EMULATOR_USAGE", /consumer/);
    failsWith(["emulator", "--port", "http"], "ERR_EMULATOR_USAGE", /--port/);
    assert.throws(() => parseCommandLine(["emulator", "--stack", "a"]), CliUsageError);
  });

  it("emulator --help asks for the emulator's help, which names this command and every flag", () => {
    assert.deepEqual(parseCommandLine(["emulator", "--help"]), { command: "help", topic: "emulator" });
    assert.match(EMULATOR_USAGE, /^Usage: pulumi-redshift-datashare emulator \[options\]/);
    for (const flag of ["--port", "--host", "--state", "--seed", "--latency", "--rate-limit", "--help"]) {
      assert.ok(EMULATOR_USAGE.includes(flag), flag);
    }
    assert.doesNotMatch(EMULATOR_USAGE, /dist\/emulator\/cli\.js/);
  });
});

describe("main: from argv to exit code", () => {
  const run = async (argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(argv, {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      env: {},
      cwd: ".",
      now: () => new Date(0),
      untilStopped: () => new Promise(() => undefined),
    });
    return { code, stdout: out.join(""), stderr: err.join("") };
  };

  it("prints the package's help on stdout and exits 0", async () => {
    const r = await run(["--help"]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, USAGE);
  });

  it("prints the package's version on stdout for --version and exits 0", async () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8")) as {
      version: string;
    };
    const r = await run(["--version"]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${version}\n`);
  });

  it("when called bare, prints the package's help on stderr and exits 2", async () => {
    const r = await run([]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.equal(r.stderr, USAGE);
  });

  it("prints a command's help for <command> --help", async () => {
    assert.match((await run(["emulator", "--help"])).stdout, /^Usage: pulumi-redshift-datashare emulator/);
    assert.match((await run(["drift", "--help"])).stdout, /^Usage: pulumi-redshift-datashare drift/);
  });

  it("on a usage error, exits 2 with the reason, its code and the command's help on stderr, nothing on stdout", async () => {
    const r = await run(["emulator", "--prot", "1"]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, "");
    assert.match(
      r.stderr,
      /^pulumi-redshift-datashare: Unknown option '--prot'.* \[ERR_EMULATOR_USAGE\]\n\nUsage: pulumi-redshift-datashare emulator/,
    );
    const unknown = await run(["nope"]);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /\[ERR_USAGE\]\n\nUsage: pulumi-redshift-datashare <command>/);
  });
});
