import { strict as assert } from "node:assert";
import {
  DescribeDataSharesCommand,
  DescribeDataSharesForProducerCommand,
  RedshiftClient,
} from "@aws-sdk/client-redshift";
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  GetSessionTokenCommand,
  STSClient,
  type Credentials as StsCredentials,
} from "@aws-sdk/client-sts";
import type { Emulator } from "../../emulator";
import { failureOf, REGION, stsAs, useEmulator } from "./helpers";

function temporary(credentials: StsCredentials | undefined) {
  assert.ok(credentials?.AccessKeyId && credentials.SecretAccessKey && credentials.SessionToken);
  return {
    accessKeyId: credentials.AccessKeyId,
    secretAccessKey: credentials.SecretAccessKey,
    sessionToken: credentials.SessionToken,
  };
}

type Identity = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const redshiftWith = (emu: Emulator, credentials: Identity) =>
  new RedshiftClient({ endpoint: emu.endpoint, region: REGION, credentials, maxAttempts: 1 });
const stsWith = (emu: Emulator, credentials: Identity) =>
  new STSClient({ endpoint: emu.endpoint, region: REGION, credentials, maxAttempts: 1 });

describe("emulator: STS temporary credentials", () => {
  const emu = useEmulator();
  const producerRole = "arn:aws:iam::111122223333:role/deployer";

  const assumeProducerRole = async (sessionName = "ci-run") => {
    const out = await stsAs(emu(), "consumer").send(
      new AssumeRoleCommand({ RoleArn: producerRole, RoleSessionName: sessionName }),
    );
    return { out, credentials: temporary(out.Credentials) };
  };

  it("issues ASIA credentials with a session token and an expiry from GetSessionToken, acting as the caller's account", async () => {
    const started = Date.now();
    const out = await stsAs(emu(), "consumer").send(new GetSessionTokenCommand({}));
    const answered = Date.now();
    const credentials = temporary(out.Credentials);
    assert.match(credentials.accessKeyId, /^ASIA[A-Z2-7]{16}$/);
    // Issued between the call's start and its answer, for one hour (the wire format keeps seconds).
    const expiry = out.Credentials?.Expiration?.getTime() ?? 0;
    const hour = 3600_000;
    assert.ok(
      expiry >= started + hour - 1000 && expiry <= answered + hour,
      `root sessions last one hour: expiry ${expiry - started} ms after the call started`,
    );

    const who = await stsWith(emu(), credentials).send(new GetCallerIdentityCommand({}));
    assert.equal(who.Account, "444455556666");
    assert.equal(who.Arn, "arn:aws:iam::444455556666:root");
    const shares = await redshiftWith(emu(), credentials).send(new DescribeDataSharesCommand({}));
    assert.ok((shares.DataShares?.length ?? 0) > 0);
  });

  it("lets AssumeRole into another seeded account act as that account, with the assumed-role ARN", async () => {
    const { out, credentials } = await assumeProducerRole();
    assert.match(credentials.accessKeyId, /^ASIA/);
    assert.equal(out.AssumedRoleUser?.Arn, "arn:aws:sts::111122223333:assumed-role/deployer/ci-run");
    assert.match(out.AssumedRoleUser?.AssumedRoleId ?? "", /^AROA[A-Z2-7]{17}:ci-run$/);

    const who = await stsWith(emu(), credentials).send(new GetCallerIdentityCommand({}));
    assert.equal(who.Account, "111122223333");
    assert.equal(who.Arn, "arn:aws:sts::111122223333:assumed-role/deployer/ci-run");
    assert.equal(who.UserId, out.AssumedRoleUser?.AssumedRoleId);
    const produced = await redshiftWith(emu(), credentials).send(
      new DescribeDataSharesForProducerCommand({}),
    );
    assert.deepEqual(
      produced.DataShares?.map((s) => s.DataShareArn).sort(),
      [emu().dataShareArn("finance"), emu().dataShareArn("marketing"), emu().dataShareArn("sales")].sort(),
    );
  });

  it("refuses AssumeRole into an account the emulator doesn't know with 403 AccessDenied", async () => {
    const err = await failureOf(() =>
      stsAs(emu(), "consumer").send(
        new AssumeRoleCommand({ RoleArn: "arn:aws:iam::999999999999:role/deployer", RoleSessionName: "x1" }),
      ),
    );
    assert.equal(err.name, "AccessDenied");
    assert.equal(err.$metadata?.httpStatusCode, 403);
    assert.match(err.message, /arn:aws:iam::444455556666:root is not authorized to perform: sts:AssumeRole/);
  });

  it("refuses a malformed role ARN, a one-letter session name and more than an hour with ValidationError", async () => {
    const sts = stsAs(emu(), "consumer");
    const tries = [
      { RoleArn: "arn:aws:iam::111122223333:user/deployer", RoleSessionName: "ok-name" },
      { RoleArn: producerRole, RoleSessionName: "x" },
      { RoleArn: producerRole, RoleSessionName: "ok-name", DurationSeconds: 7200 },
      { RoleArn: producerRole, RoleSessionName: "ok-name", DurationSeconds: 60 },
    ];
    for (const input of tries) {
      const err = await failureOf(() => sts.send(new AssumeRoleCommand(input)));
      assert.equal(err.name, "ValidationError", JSON.stringify(input));
      assert.equal(err.$metadata?.httpStatusCode, 400);
    }
  });

  it("refuses temporary credentials sent without their session token, or with another one, as InvalidClientTokenId", async () => {
    const { credentials } = await assumeProducerRole();
    const { credentials: other } = await assumeProducerRole("other-run");
    for (const sent of [
      { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
      { ...credentials, sessionToken: other.sessionToken },
    ]) {
      const err = await failureOf(() => redshiftWith(emu(), sent).send(new DescribeDataSharesCommand({})));
      assert.equal(err.name, "InvalidClientTokenId");
      assert.equal(err.$metadata?.httpStatusCode, 403);
    }
  });

  it("refuses a long-term access key sent with a session token as InvalidClientTokenId", async () => {
    const { credentials } = await assumeProducerRole();
    const err = await failureOf(() =>
      redshiftWith(emu(), { ...emu().credentials("consumer"), sessionToken: credentials.sessionToken }).send(
        new DescribeDataSharesCommand({}),
      ),
    );
    assert.equal(err.name, "InvalidClientTokenId");
  });

  it("refuses temporary credentials signed with the wrong secret as SignatureDoesNotMatch", async () => {
    const { credentials } = await assumeProducerRole();
    const err = await failureOf(() =>
      redshiftWith(emu(), { ...credentials, secretAccessKey: "not-the-secret" }).send(
        new DescribeDataSharesCommand({}),
      ),
    );
    assert.equal(err.name, "SignatureDoesNotMatch");
  });

  it("refuses expired temporary credentials with 403 ExpiredToken", async () => {
    const { credentials } = await assumeProducerRole();
    await redshiftWith(emu(), credentials).send(new DescribeDataSharesCommand({}));
    emu().admin.expireTemporaryCredentials(credentials.accessKeyId);
    const err = await failureOf(() =>
      redshiftWith(emu(), credentials).send(new DescribeDataSharesCommand({})),
    );
    assert.equal(err.name, "ExpiredToken");
    assert.equal(err.$metadata?.httpStatusCode, 403);
  });

  it("refuses GetSessionToken called with temporary credentials with AccessDenied", async () => {
    const { credentials } = await assumeProducerRole();
    const err = await failureOf(() => stsWith(emu(), credentials).send(new GetSessionTokenCommand({})));
    assert.equal(err.name, "AccessDenied");
  });
});
