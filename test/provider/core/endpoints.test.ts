/**
 * Where calls go. The provider's endpoint setting is the Redshift endpoint only; STS follows the
 * AWS SDK's own resolution (AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL, endpoint_url in the profile).
 */
import * as assert from "node:assert/strict";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { createRedshiftApi } from "../../../provider/core/redshiftApi";
import { Emulator, startSeededEmulator } from "../../../harness/emulatorFixture";

const STS_ACCOUNT = "999988887777";

/** A stand-in STS that answers GetCallerIdentity and counts what it was asked. */
async function startFakeSts() {
  const actions: string[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      actions.push(new URLSearchParams(body).get("Action") ?? "");
      res.writeHead(200, { "content-type": "text/xml", "x-amzn-requestid": "fake-1" });
      res.end(
        `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>` +
          `<Arn>arn:aws:iam::${STS_ACCOUNT}:user/t</Arn><UserId>AIDAFAKE</UserId><Account>${STS_ACCOUNT}</Account>` +
          `</GetCallerIdentityResult><ResponseMetadata><RequestId>fake-1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, actions, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe("endpoints", () => {
  const VARS = ["AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS", "AWS_ENDPOINT_URL_REDSHIFT"] as const;
  const saved: Record<string, string | undefined> = {};
  let emu: Emulator;
  let sts: Awaited<ReturnType<typeof startFakeSts>>;

  beforeEach(async () => {
    for (const v of VARS) {
      saved[v] = process.env[v];
      delete process.env[v];
    }
    emu = await startSeededEmulator();
    sts = await startFakeSts();
  });
  afterEach(async () => {
    for (const v of VARS) {
      if (saved[v] === undefined) delete process.env[v];
      else process.env[v] = saved[v];
    }
    await sts.stop();
    await emu.stop();
  });

  it("the Redshift endpoint setting carries Redshift calls only; STS goes where AWS_ENDPOINT_URL_STS says", async () => {
    process.env.AWS_ENDPOINT_URL_STS = sts.url;
    const api = createRedshiftApi({
      region: "us-east-1",
      endpoint: emu.endpoint,
      credentials: emu.credentials("consumer"),
      maxAttempts: 1,
    });
    assert.deepEqual(await api.getCallerIdentity(), { account: STS_ACCOUNT });
    await api.describeDataShares(emu.dataShareArn("sales"));
    assert.deepEqual(sts.actions, ["GetCallerIdentity"]);
    assert.equal(emu.requestCounts().GetCallerIdentity ?? 0, 0);
    assert.equal(emu.requestCounts().DescribeDataShares, 1);
  });

  it("AWS_ENDPOINT_URL alone sends both services to one URL (the emulator serves both)", async () => {
    process.env.AWS_ENDPOINT_URL = emu.endpoint;
    const api = createRedshiftApi({
      region: "us-east-1",
      credentials: emu.credentials("consumer"),
      maxAttempts: 1,
    });
    assert.deepEqual(await api.getCallerIdentity(), { account: emu.accountId("consumer") });
    await api.describeDataShares(emu.dataShareArn("sales"));
    assert.equal(emu.requestCounts().DescribeDataShares, 1);
    assert.deepEqual(sts.actions, []);
  });

  it("AWS_ENDPOINT_URL_REDSHIFT and AWS_ENDPOINT_URL_STS pick each service's endpoint", async () => {
    process.env.AWS_ENDPOINT_URL_REDSHIFT = emu.endpoint;
    process.env.AWS_ENDPOINT_URL_STS = sts.url;
    const api = createRedshiftApi({
      region: "us-east-1",
      credentials: emu.credentials("consumer"),
      maxAttempts: 1,
    });
    assert.deepEqual(await api.getCallerIdentity(), { account: STS_ACCOUNT });
    await api.describeDataShares(emu.dataShareArn("sales"));
    assert.equal(emu.requestCounts().DescribeDataShares, 1);
    assert.equal(emu.requestCounts().GetCallerIdentity ?? 0, 0);
  });
});
