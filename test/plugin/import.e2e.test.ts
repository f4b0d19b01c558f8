import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as path from "node:path";
import { PulumiStack } from "../../harness/pulumiStack";
import {
  Emulator,
  REGION,
  authorizedShare,
  liveAssociations,
  outOfBand,
} from "../../harness/emulatorFixture";
import {
  AUTHORIZATION_TOKEN,
  CONSUMER_TOKEN,
  DATABASE_TOKEN,
  DATASHARE_TOKEN,
  GRANT_TOKEN,
  pluginInstall,
  pluginStack,
  projectDir,
  writeFiles,
} from "../../harness/pluginProjects";
import { DATABASE_NAME, liveSqlObjects, SHARE_NAME } from "../../harness/sqlLifecycle";
import { useEmulatorPerTest } from "../../harness/userStacks";
import { dataApiAs, runSql, targetOf } from "../fixtures/dataApiHelpers";

/** A YAML project whose default provider runs as one account (stack config `redshift-datashare:profile`). */
async function yamlStack(emu: Emulator, name: string, account: string) {
  const { pluginDir } = await pluginInstall();
  // Block YAML (JSON strings are YAML scalars), so that the generated `resources:` block can follow.
  const header =
    `name: ${name}\nruntime: yaml\nplugins:\n  providers:\n` +
    `    - name: redshift-datashare\n      path: ${JSON.stringify(pluginDir)}\n`;
  const dir = projectDir(name, { "Pulumi.yaml": header });
  const stack = await pluginStack(emu, dir, ["yaml"]);
  await stack.setConfig({ "redshift-datashare:profile": account });
  return { stack, dir, header };
}

/** SQL run by hand, as in the query editor, on one namespace of an account; each statement must finish. */
async function sqlByHand(emu: Emulator, account: string, namespaceIndex: number, ...statements: string[]) {
  const client = dataApiAs(emu, account);
  for (const sql of statements) {
    const { described } = await runSql(client, targetOf(emu, account, namespaceIndex), sql);
    assert.equal(described.Status, "FINISHED", `${sql}: ${described.Error}`);
  }
}

/** `pulumi import`, unprotected, writing the code to copy into a file; returns that code. */
async function importInto(stack: PulumiStack, args: string[]): Promise<string> {
  const out = path.join(stack.projectDir, `import-${Date.now()}.yaml`);
  await stack.run(["import", ...args, "--yes", "--protect=false", "--out", out, "--stack", stack.name]);
  return fs.readFileSync(out, "utf8");
}

/** The project with the resources of the generated code (YAML `resources:` blocks) as its program. */
function adoptGeneratedCode(dir: string, header: string, codes: string[]): void {
  const bodies = codes.map((code) => code.replace(/^resources:\n/, ""));
  writeFiles(dir, { "Pulumi.yaml": header + "resources:\n" + bodies.join("") });
}

/**
 * `pulumi import` through the plugin, of associations and an authorization made outside Pulumi,
 * for every documented ID form; the code the CLI prints then runs with no changes.
 */
describe("pulumi import through the provider plugin", function () {
  this.timeout(20 * 60 * 1000);
  const ctx = useEmulatorPerTest();

  it("imports a DataShareConsumer by every documented ID form, Terraform's included; the printed program changes nothing", async () => {
    const emu = ctx.emu;
    const change = outOfBand(emu);
    const namespace = emu.namespaceArn("consumer", 0);
    const serverless = emu.namespaceArn("consumer", 1);
    const ids: Record<string, string> = {};
    const share = (name: string) => authorizedShare(emu, name);
    let arn = await share("ns_share");
    await change.associate(arn, namespace);
    ids.namespaceForm = `${arn},namespace,${namespace}`;
    arn = await share("ns_region_share");
    await change.associate(arn, serverless);
    ids.namespaceWithApiRegion = `${arn},namespace,${serverless},${REGION}`;
    arn = await share("account_share");
    await change.associateWith({ DataShareArn: arn, AssociateEntireAccount: true });
    ids.accountForm = `${arn},account`;
    arn = await share("region_share");
    await change.associateWith({ DataShareArn: arn, ConsumerRegion: "us-west-2" });
    ids.regionForm = `${arn},region,us-west-2`;
    arn = await share("tf_account_share");
    await change.associateWith({ DataShareArn: arn, AssociateEntireAccount: true });
    ids.terraformAccount = `${arn},true,,`;
    arn = await share("tf_ns_share");
    await change.associate(arn, namespace);
    ids.terraformNamespace = `${arn},,${namespace},`;
    arn = await share("tf_region_share");
    await change.associateWith({ DataShareArn: arn, ConsumerRegion: REGION });
    ids.terraformRegion = `${arn},,,${REGION}`;
    const before = await liveAssociations(emu);
    assert.equal(before.length, 7);

    const { stack, dir, header } = await yamlStack(emu, "rds-import-consumer", "consumer");
    ctx.stacks.push(stack);
    const [first, ...rest] = Object.entries(ids);
    const codes = [await importInto(stack, [CONSUMER_TOKEN, first[0], first[1]])];
    const file = path.join(dir, "imports.json");
    fs.writeFileSync(
      file,
      JSON.stringify({ resources: rest.map(([name, id]) => ({ type: CONSUMER_TOKEN, name, id })) }),
    );
    codes.push(await importInto(stack, ["--file", file]));

    const state = (await stack.exportStack()).deployment.resources ?? [];
    for (const [name, id] of Object.entries(ids)) {
      const imported = state.find((r) => r.type === CONSUMER_TOKEN && r.urn.endsWith(`::${name}`));
      assert.equal(imported?.id, id, name);
      assert.equal(imported?.outputs?.status, "ACTIVE", name);
    }
    assert.deepEqual(await liveAssociations(emu), before, "import changes nothing on the account");

    adoptGeneratedCode(dir, header, codes);
    await stack.preview(["--expect-no-changes"]);
    await stack.preview(["--refresh", "--expect-no-changes"]);

    // The core's warnings reach the user through the engine (a plugin's stderr is hidden).
    const deauthorized = ids.namespaceForm.split(",")[0];
    await change.deauthorize(deauthorized);
    await stack.refresh();
    const warned = await stack.preview();
    assert.match(
      warned.stdout,
      /warning: the association of .* is DEAUTHORIZED: the producer .* must authorize/,
    );
    await change.authorize(deauthorized);
    await stack.destroy();
    assert.deepEqual(await liveAssociations(emu), []);
  });

  it("imports a DataShareAuthorization by its ID (Terraform's form); the printed program changes nothing", async () => {
    const emu = ctx.emu;
    const finance = emu.dataShareArn("finance");
    const consumer = emu.accountId("consumer");
    await outOfBand(emu).authorize(finance, true);

    const { stack, dir, header } = await yamlStack(emu, "rds-import-producer", "producer");
    ctx.stacks.push(stack);
    const code = await importInto(stack, [AUTHORIZATION_TOKEN, "toConsumer", `${finance},${consumer}`]);
    assert.match(code, /allowWrites: true/);
    adoptGeneratedCode(dir, header, [code]);
    await stack.preview(["--expect-no-changes"]);
    await stack.destroy();
    const grant = emu.admin
      .snapshot()
      .dataShares.find((d) => d.arn === finance)
      ?.consumers.find((c) => c.accountId === consumer);
    assert.notEqual(grant?.status, "AUTHORIZED");
  });

  it("imports a DataShare, a DataShareGrant and a DataShareDatabase by their documented IDs; the printed programs change nothing", async () => {
    const emu = ctx.emu;
    const producerAt = emu.dataApiTarget("producer", 0); // a provisioned cluster
    const consumerAt = emu.dataApiTarget("consumer", 1); // a serverless workgroup
    const consumer = emu.accountId("consumer");
    await sqlByHand(
      emu,
      "producer",
      0,
      `CREATE DATASHARE ${SHARE_NAME} SET PUBLICACCESSIBLE TRUE`,
      `ALTER DATASHARE ${SHARE_NAME} ADD SCHEMA sales`,
      `ALTER DATASHARE ${SHARE_NAME} ADD TABLE sales.orders, sales.daily_totals`,
      `ALTER DATASHARE ${SHARE_NAME} ADD FUNCTION sales.f_net(integer, integer)`,
      `ALTER DATASHARE ${SHARE_NAME} SET INCLUDENEW = TRUE FOR SCHEMA sales`,
      `GRANT USAGE ON DATASHARE ${SHARE_NAME} TO ACCOUNT '${consumer}'`,
    );
    const arn = emu.dataShareArn(SHARE_NAME);
    await outOfBand(emu).authorize(arn);
    await outOfBand(emu).associate(arn, emu.namespaceArn("consumer", 1));
    await sqlByHand(
      emu,
      "consumer",
      1,
      `CREATE DATABASE ${DATABASE_NAME} FROM DATASHARE ${SHARE_NAME} ` +
        `OF ACCOUNT '${emu.accountId("producer")}' NAMESPACE '${producerAt.namespaceId}'`,
    );
    const before = liveSqlObjects(emu);
    assert.equal(before.databases.length, 1);

    // The documented IDs: target, database, then the resource's own parts; the region last and optional.
    const onCluster = `cluster:${producerAt.clusterIdentifier},${producerAt.database}`;
    const onWorkgroup = `workgroup:${consumerAt.workgroupName},${consumerAt.database}`;
    const producerSide = await yamlStack(emu, "rds-import-sql-producer", "producer");
    const consumerSide = await yamlStack(emu, "rds-import-sql-consumer", "consumer");
    ctx.stacks.push(consumerSide.stack, producerSide.stack);
    const producerCodes = [
      await importInto(producerSide.stack, [DATASHARE_TOKEN, "share", `${onCluster},${SHARE_NAME}`]),
      await importInto(producerSide.stack, [
        GRANT_TOKEN,
        "grant",
        `${onCluster},${SHARE_NAME},${consumer},${REGION}`,
      ]),
    ];
    const consumerCodes = [
      await importInto(consumerSide.stack, [DATABASE_TOKEN, "ordersDb", `${onWorkgroup},${DATABASE_NAME}`]),
    ];
    assert.deepEqual(liveSqlObjects(emu), before, "import changes nothing live");
    // The printed DataShare declares what the datashare holds, as a list of schema objects.
    assert.match(producerCodes[0], /publicAccessible: true/);
    assert.match(producerCodes[0], /schemas:\n\s+- [\s\S]*name: sales/);
    assert.match(producerCodes[0], /f_net\(integer, ?integer\)/);
    assert.match(producerCodes[0], /includeNew: true/);
    const share = (await producerSide.stack.exportStack()).deployment.resources?.find(
      (r) => r.type === DATASHARE_TOKEN,
    );
    assert.equal(share?.outputs?.dataShareArn, arn);

    adoptGeneratedCode(producerSide.dir, producerSide.header, producerCodes);
    adoptGeneratedCode(consumerSide.dir, consumerSide.header, consumerCodes);
    for (const { stack } of [producerSide, consumerSide]) {
      await stack.preview(["--expect-no-changes"]);
      await stack.preview(["--refresh", "--expect-no-changes"]);
    }
    assert.deepEqual(liveSqlObjects(emu), before);

    await consumerSide.stack.destroy();
    await producerSide.stack.destroy();
    const after = liveSqlObjects(emu);
    assert.deepEqual(
      [after.objects, after.databases],
      [undefined, []],
      "the datashare and database are gone",
    );
  });
});
