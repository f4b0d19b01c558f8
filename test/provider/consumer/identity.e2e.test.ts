import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { Emulator, liveAssociations, REGION } from "../../../harness/emulatorFixture";
import {
  consumerOutputs,
  consumersStack,
  declare,
  failureOf,
  plannedSteps,
  useEmulatorPerTest,
} from "../../../harness/userStacks";

/** Requests that change something on AWS. */
function mutations(emu: Emulator): Record<string, number> {
  const counts = emu.requestCounts();
  return Object.fromEntries(
    Object.entries(counts).filter(([op]) =>
      /^(Associate|Disassociate|Authorize|Deauthorize|Reject)/.test(op),
    ),
  );
}

/**
 * What must never cost an association: an equivalent spelling of the datashare, a change of the
 * stack's default region, an up that cannot succeed; and the credentials CI really uses.
 */
describe("the plain pulumi CLI keeping each association exactly once", function () {
  this.timeout(10 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  it("a datashare ARN in other letter case, then a new default region, change nothing on AWS", async () => {
    const share = ctx.emu.dataShareArn("sales");
    const consumerArn = ctx.emu.namespaceArn("consumer", 0);
    const stack = await consumersStack(ctx.emu, { analytics: { dataShareArn: share, consumerArn } });
    ctx.stacks.push(stack);
    await stack.setConfig({ "aws:region": REGION });
    await stack.up();

    ctx.emu.resetRequestCounts();
    const upper = share.replace("a1b2c3d4", "A1B2C3D4").replace("/sales", "/SALES");
    await declare(stack, { analytics: { dataShareArn: upper, consumerArn } });
    const recased = plannedSteps((await stack.up()).events).filter((s) => s.op !== "same");
    assert.deepEqual(
      recased.map((s) => [s.op, s.diffs]),
      [["update", ["dataShareArn"]]],
    );
    assert.deepEqual(mutations(ctx.emu), {}, "a letter-case change called AWS");
    assert.equal((await liveAssociations(ctx.emu)).length, 1);

    await stack.setConfig({ "aws:region": "us-west-2" });
    await stack.preview(["--refresh", "--expect-no-changes"]);
    await stack.up(["--refresh"]);
    assert.deepEqual(mutations(ctx.emu), {}, "a new default region called AWS");
    const live = await liveAssociations(ctx.emu);
    assert.deepEqual(
      live.map((a) => [a.consumerIdentifier, a.status]),
      [[consumerArn, "ACTIVE"]],
    );
    assert.equal((await consumerOutputs(stack, "analytics")).status, "ACTIVE");

    await declare(stack, { analytics: { dataShareArn: upper, consumerArn, region: "us-west-2" } });
    const refused = await failureOf(stack.preview());
    assert.match(refused.result.stdout, /region.*lives in us-east-1/);
    assert.equal((await liveAssociations(ctx.emu)).length, 1);
  });

  it("runs up through an assumed-role profile, as CI reaches a consumer account, keeping no credentials", async () => {
    const emu = ctx.emu;
    const source = emu.credentials("producer");
    const dir = fs.mkdtempSync(path.join(require("node:os").tmpdir(), "rds-aws-config-"));
    const config = path.join(dir, "config");
    const credentials = path.join(dir, "credentials");
    fs.writeFileSync(
      config,
      `[profile ci]\nrole_arn = arn:aws:iam::${emu.accountId("consumer")}:role/pulumi-ci\n` +
        `source_profile = base\nrole_session_name = pulumi\nregion = ${REGION}\n\n[profile base]\nregion = ${REGION}\n`,
    );
    fs.writeFileSync(
      credentials,
      `[base]\naws_access_key_id = ${source.accessKeyId}\naws_secret_access_key = ${source.secretAccessKey}\n`,
    );
    const env = {
      AWS_ACCESS_KEY_ID: "",
      AWS_SECRET_ACCESS_KEY: "",
      AWS_PROFILE: "ci",
      AWS_CONFIG_FILE: config,
      AWS_SHARED_CREDENTIALS_FILE: credentials,
    };
    try {
      const stack = await consumersStack(
        emu,
        {
          analytics: {
            dataShareArn: emu.dataShareArn("sales"),
            consumerArn: emu.namespaceArn("consumer", 2),
          },
        },
        { env },
      );
      ctx.stacks.push(stack);
      await stack.up();
      assert.equal((await consumerOutputs(stack, "analytics")).status, "ACTIVE");
      assert.equal((emu.requestCounts().AssumeRole ?? 0) >= 1, true, "the profile's role was not assumed");
      const state = JSON.stringify(await stack.exportStack());
      for (const secret of [source.accessKeyId, source.secretAccessKey]) {
        assert.ok(!state.includes(secret), "a source credential is in state");
      }
      assert.doesNotMatch(state, /ASIA[A-Z0-9]{12,}/, "a temporary access key is in state");
      await stack.destroy();
      assert.deepEqual(await liveAssociations(emu), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
