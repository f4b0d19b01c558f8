import * as assert from "node:assert/strict";
import { ChildProcess, execFile, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { packageRoot } from "../../../harness/pulumiCli";
import { parseBanner, PrintedAccount, PrintedBanner } from "../../../harness/emulatorBanner";

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

/** `pulumi-redshift-datashare emulator <args>` from source, as its own process. */
function startCommand(args: string[]): Started {
  const child = spawn(
    process.execPath,
    ["-r", "ts-node/register/transpile-only", "cli/bin.ts", "emulator", ...args],
    { cwd: packageRoot(), stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  let err = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

async function bannerOf(started: Started): Promise<string> {
  while (!/^Admin API: /m.test(started.stdout())) {
    if (started.child.exitCode !== null)
      throw new Error(`exited early:\n${started.stdout()}${started.stderr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return started.stdout();
}

/**
 * Runs `script` in bash after the account's printed lines, pasted as they are, in an environment
 * holding nothing else of AWS: no variable, no ~/.aws (HOME is an empty folder).
 */
function inPastedShell(
  account: PrintedAccount,
  script: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), "rds-pasted-"));
  return new Promise((resolve) => {
    execFile(
      "bash",
      ["-c", `${account.lines.join("\n")}\n${script}`],
      { cwd: packageRoot(), env: { PATH: process.env.PATH ?? "", HOME: home }, maxBuffer: 1 << 22 },
      (err, stdout, stderr) => {
        fs.rmSync(home, { recursive: true, force: true });
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** A Node.js script that calls the emulator with the AWS SDK's default configuration (env only). */
function sdkScript(body: string): string {
  const program = `
const r = require("@aws-sdk/client-redshift");
const { STSClient, GetCallerIdentityCommand } = require("@aws-sdk/client-sts");
const redshift = new r.RedshiftClient({ maxAttempts: 1 });
const sts = new STSClient({ maxAttempts: 1 });
(async () => { ${body} })().catch((e) => { console.error(e.name + ": " + e.message); process.exit(1); });`;
  return `node -e '${program.replace(/'/g, "'\\''")}'`;
}

describe("pulumi-redshift-datashare emulator: the printed lines, used as printed", function () {
  this.timeout(120_000);
  let started: Started;
  let banner: PrintedBanner;
  const account = (name: string) => {
    const found = banner.accounts.find((a) => a.name === name);
    assert.ok(found, `no ${name} block`);
    return found;
  };
  const share = (name: string) => {
    const found = banner.dataShares.find((s) => s.name === name);
    assert.ok(found, `no ${name} datashare`);
    return found;
  };

  before(async () => {
    started = startCommand(["--port", "0"]);
    banner = parseBanner(await bannerOf(started));
  });

  after(async () => {
    if (started.child.exitCode === null) started.child.kill("SIGKILL");
  });

  it("prints a block per seed account, each with the endpoint and both region variables", () => {
    assert.deepEqual(
      banner.accounts.map((a) => `${a.name} ${a.id}`),
      ["producer 111122223333", "consumer 444455556666", "outsider 777788889999"],
    );
    for (const a of banner.accounts) {
      assert.deepEqual(Object.keys(a.env).sort(), [
        "AWS_ACCESS_KEY_ID",
        "AWS_DEFAULT_REGION",
        "AWS_ENDPOINT_URL",
        "AWS_REGION",
        "AWS_SECRET_ACCESS_KEY",
      ]);
      assert.equal(a.env.AWS_ENDPOINT_URL, banner.endpoint);
    }
  });

  it("each account's pasted lines let the AWS SDK, with no other setting, reach the emulator as that account", async () => {
    for (const a of banner.accounts) {
      const run = await inPastedShell(
        a,
        sdkScript(`
          const me = await sts.send(new GetCallerIdentityCommand({}));
          const shares = await redshift.send(new r.DescribeDataSharesCommand({}));
          console.log(JSON.stringify({ account: me.Account, shares: shares.DataShares.length }));`),
      );
      assert.equal(run.code, 0, run.stderr);
      const seen = JSON.parse(run.stdout) as { account: string; shares: number };
      assert.equal(seen.account, a.id);
      if (a.name !== "outsider") assert.ok(seen.shares > 0, `${a.name} sees no datashare`);
    }
  });

  it("the printed standings are what the producer's API reports for each consumer", async () => {
    const expected: Record<string, string> = {
      "AUTHORIZED ": "AUTHORIZED",
      "usage granted, not authorized": "PENDING_AUTHORIZATION",
    };
    for (const s of banner.dataShares) {
      const run = await inPastedShell(
        account("producer"),
        sdkScript(`
          const out = await redshift.send(new r.DescribeDataSharesCommand({ DataShareArn: ${JSON.stringify(s.arn)} }));
          console.log(JSON.stringify(out.DataShares[0].DataShareAssociations));`),
      );
      assert.equal(run.code, 0, run.stderr);
      const live = JSON.parse(run.stdout) as { ConsumerIdentifier: string; Status: string }[];
      assert.equal(live.length, s.standings.length, s.name);
      for (const { account: who, standing } of s.standings) {
        const status = Object.entries(expected).find(([prefix]) => standing.startsWith(prefix))?.[1];
        assert.ok(status, `unexpected standing "${standing}"`);
        const id = who.split(" ")[1];
        assert.equal(live.find((l) => l.ConsumerIdentifier === id)?.Status, status, `${s.name} for ${who}`);
      }
    }
  });

  it("the share printed as free can be authorized, and a ready one associated with a printed namespace", async () => {
    const free = banner.dataShares.find((s) =>
      s.standings.some(
        (st) =>
          st.account.startsWith("consumer ") && /free for a new DataShareAuthorization/.test(st.standing),
      ),
    );
    assert.ok(free, "no share is printed as free for the consumer");
    const authorized = await inPastedShell(
      account("producer"),
      sdkScript(`
        const out = await redshift.send(new r.AuthorizeDataShareCommand({ DataShareArn: ${JSON.stringify(free.arn)}, ConsumerIdentifier: "${account("consumer").id}" }));
        console.log(out.DataShareAssociations.find((a) => a.ConsumerIdentifier === "${account("consumer").id}").Status);`),
    );
    assert.equal(authorized.code, 0, authorized.stderr);
    assert.equal(authorized.stdout.trim(), "AUTHORIZED");

    const namespace = banner.namespaces.find((n) => n.account.startsWith("consumer "));
    assert.ok(namespace);
    const associated = await inPastedShell(
      account("consumer"),
      sdkScript(`
        const out = await redshift.send(new r.AssociateDataShareConsumerCommand({ DataShareArn: ${JSON.stringify(share("sales").arn)}, ConsumerArn: ${JSON.stringify(namespace.arn)} }));
        console.log(out.DataShareAssociations[0].Status);`),
    );
    assert.equal(associated.code, 0, associated.stderr);
    assert.equal(associated.stdout.trim(), "ACTIVE");
  });

  it("the producer's printed cluster and database take SQL through the Data API with its pasted lines", async () => {
    const target = banner.dataApiTargets.find((t) => t.role === "producer" && t.clusterIdentifier);
    assert.ok(target, "no producer cluster printed");
    assert.equal(target.account, `producer ${account("producer").id}`);
    const input = JSON.stringify({
      ClusterIdentifier: target.clusterIdentifier,
      Database: target.database,
      DbUser: "admin",
      Sql: "CREATE DATASHARE printed_target",
    });
    const arnEnd = JSON.stringify(`${target.namespaceId}/printed_target`);
    const run = await inPastedShell(
      account("producer"),
      sdkScript(`
        const d = require("@aws-sdk/client-redshift-data");
        const data = new d.RedshiftDataClient({ maxAttempts: 1 });
        const { Id } = await data.send(new d.ExecuteStatementCommand(${input}));
        let s;
        do s = await data.send(new d.DescribeStatementCommand({ Id })); while (!["FINISHED", "FAILED", "ABORTED"].includes(s.Status));
        const shares = await redshift.send(new r.DescribeDataSharesCommand({}));
        console.log(s.Status, shares.DataShares.some((x) => x.DataShareArn.endsWith(${arnEnd})));`),
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout.trim(), "FINISHED true");
  });

  it("the pasted lines are enough for the aws CLI (v1 needs AWS_DEFAULT_REGION), with no --endpoint-url", async function () {
    const which = await inPastedShell(account("consumer"), "command -v aws");
    if (which.code !== 0) this.skip(); // the check needs the aws CLI; every other one here runs without it
    const run = await inPastedShell(
      account("consumer"),
      "aws redshift describe-data-shares --query 'DataShares[].DataShareArn' --output text",
    );
    assert.equal(run.code, 0, run.stderr);
    assert.ok(run.stdout.includes(share("sales").arn), run.stdout);
    const tried = /^Try: (aws .*)$/m.exec(started.stdout())?.[1];
    assert.ok(tried, "no Try: line");
    const printed = await inPastedShell(account("consumer"), tried);
    assert.equal(printed.code, 0, printed.stderr);
  });

  it("a second one on the same port exits 1 saying the port is in use and what to pass", async () => {
    const second = startCommand(["--port", new URL(banner.endpoint).port]);
    assert.equal(await second.exited, 1);
    assert.equal(second.stdout(), "");
    assert.match(second.stderr(), /cannot start: port \d+ on 127\.0\.0\.1 is in use.*--port 0/);
  });

  it("stops on SIGTERM with exit code 0", async () => {
    started.child.kill("SIGTERM");
    assert.equal(await started.exited, 0);
    assert.match(started.stderr(), /SIGTERM: flushing state and stopping/);
  });
});
