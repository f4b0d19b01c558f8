import { strict as assert } from "node:assert";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { DescribeDataSharesForProducerCommand, RedshiftClient } from "@aws-sdk/client-redshift";
import { GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { REGION, useEmulator, useTempDir } from "./helpers";

const FILE_VARIABLES = ["AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE", "AWS_PROFILE"] as const;

describe("emulator: an assumed-role profile through the SDK's default credential chain", () => {
  const emu = useEmulator();
  const tempDir = useTempDir();
  const saved: Partial<Record<(typeof FILE_VARIABLES)[number], string>> = {};

  before(() => {
    for (const name of FILE_VARIABLES) saved[name] = process.env[name];
  });
  after(() => {
    for (const name of FILE_VARIABLES) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  });

  it("assumes the profile's role_arn with its source_profile's keys, and the client acts as the role's account", async () => {
    const { accessKeyId, secretAccessKey } = emu().credentials("consumer");
    // A fresh file name per run: the SDK caches shared config files by path.
    const config = join(tempDir(), `config-${Date.now()}`);
    const credentials = join(tempDir(), `credentials-${Date.now()}`);
    writeFileSync(
      credentials,
      `[emulator-consumer]\naws_access_key_id = ${accessKeyId}\naws_secret_access_key = ${secretAccessKey}\n`,
    );
    writeFileSync(
      config,
      [
        "[profile emulator-deployer]",
        "role_arn = arn:aws:iam::111122223333:role/deployer",
        "source_profile = emulator-consumer",
        "role_session_name = profile-run",
        `region = ${REGION}`,
        `endpoint_url = ${emu().endpoint}`,
        "",
      ].join("\n"),
    );
    process.env.AWS_CONFIG_FILE = config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;
    // The SDK reads endpoint_url from the AWS_PROFILE profile, also for the STS client it builds to assume the role.
    process.env.AWS_PROFILE = "emulator-deployer";

    const sts = new STSClient({ profile: "emulator-deployer", maxAttempts: 1 });
    const who = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(who.Arn, "arn:aws:sts::111122223333:assumed-role/deployer/profile-run");

    const redshift = new RedshiftClient({ profile: "emulator-deployer", maxAttempts: 1 });
    const produced = await redshift.send(new DescribeDataSharesForProducerCommand({}));
    assert.equal(produced.DataShares?.length, 3);
    const used = await redshift.config.credentials();
    assert.match(used.accessKeyId, /^ASIA/);
    assert.ok(used.sessionToken);
  });
});
