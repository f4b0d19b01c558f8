import * as assert from "node:assert/strict";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  DescribeStatementCommand,
  ExecuteStatementCommand,
  RedshiftDataClient,
} from "@aws-sdk/client-redshift-data";
import type { ModelState } from "../../emulator/model/types";
import { DocWalk, freePort, freshTerminalEnv, Terminal } from "../../harness/docWalk";
import { parseBanner } from "../../harness/emulatorBanner";
import { packageRoot } from "../../harness/pulumiCli";
import { QuickstartStep, quickstartSteps } from "../../harness/quickstartSteps";
import { defaultInstall } from "../../harness/userStacks";

const DOC = path.join(packageRoot(), "docs", "lifecycle.md");
const HEADING = "## Walk-through against the emulator";

/** The steps of the walk-through: up to the first destroy, and from there on. */
function walkThrough(): { build: QuickstartStep[]; destroy: QuickstartStep[] } {
  const steps = quickstartSteps(fs.readFileSync(DOC, "utf8"), HEADING);
  const at = steps.findIndex((s) => s.kind === "run" && /^pulumi destroy\b/m.test(s.body));
  assert.ok(at > 0, "the walk-through destroys nothing");
  return { build: steps.slice(0, at), destroy: steps.slice(at) };
}

interface DriftRow {
  resource: string;
  resourceType: string;
  kind: string;
  property: string;
  declared: unknown;
  live: unknown;
  remedy: string;
}

/**
 * docs/lifecycle.md walked as written (harness/docWalk.ts: the markers of docs/development.md),
 * from an emulator with namespaces and no datashare to a consumer database on the producer's
 * datashare; then drift made on both sides the way each account would make it, through the Data
 * API with the lines it pasted; then the walk-through's destroys. The tests run in order on one
 * walk: each one's claim needs the state the one before leaves.
 */
describe("docs/lifecycle.md, as written, and drift on both sides", function () {
  this.timeout(20 * 60 * 1000);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "rds-lifecycle-"));
  const { build, destroy } = walkThrough();
  let walk: DocWalk;

  before(async function () {
    this.timeout(20 * 60 * 1000); // the first run installs the packed package
    await defaultInstall();
    const root = path.join(scratch, "lifecycle");
    const home = path.join(scratch, "home");
    fs.mkdirSync(root);
    fs.mkdirSync(home);
    walk = new DocWalk(root, scratch, await freshTerminalEnv(home), await freePort(), defaultInstall);
  });

  after(() => {
    walk?.killEmulator();
    fs.rmSync(scratch, { recursive: true, force: true });
  });

  const producer = () => walk.terminal("producer");
  const consumer = () => walk.terminal("consumer");
  const endpoint = () => parseBanner(walk.banner()).endpoint;

  async function liveState(): Promise<ModelState> {
    const response = await fetch(`${endpoint()}/_emulator/state`);
    assert.equal(response.status, 200);
    return (await response.json()) as ModelState;
  }

  /** One statement through the Data API, signed with the keys pasted into that terminal. */
  async function sqlAs(terminal: Terminal, clusterIdentifier: string, sql: string): Promise<void> {
    const env = terminal.variables();
    const client = new RedshiftDataClient({
      endpoint: env.AWS_ENDPOINT_URL,
      region: env.AWS_REGION,
      credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY },
      maxAttempts: 1,
    });
    const { Id } = await client.send(
      new ExecuteStatementCommand({ ClusterIdentifier: clusterIdentifier, Database: "dev", Sql: sql }),
    );
    for (;;) {
      const described = await client.send(new DescribeStatementCommand({ Id }));
      if (described.Status === "FINISHED") return;
      assert.ok(!["FAILED", "ABORTED"].includes(described.Status ?? ""), `${sql}: ${described.Error}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async function run(terminal: Terminal, command: string): Promise<{ code: number; stdout: string }> {
    const result = await terminal.run(command);
    return { code: result.code, stdout: `${result.stdout}\n${result.stderr}` };
  }

  async function driftRows(terminal: Terminal): Promise<{ code: number; rows: DriftRow[] }> {
    const result = await terminal.run("npx pulumi-redshift-datashare drift --stack dev --json");
    assert.ok(result.code === 0 || result.code === 1, `drift exit ${result.code}: ${result.stderr}`);
    return { code: result.code, rows: (JSON.parse(result.stdout) as { drifted: DriftRow[] }).drifted };
  }

  const share = (state: ModelState) => state.dataShares.find((s) => s.name === "sales_share");

  it("walks from an emulator with no datashare to a consumer database on the producer's share, both stacks clean", async () => {
    for (const [index, step] of build.entries())
      await walk.step(step, `docs/lifecycle.md block ${index + 1} (quickstart:${step.kind})`);

    const state = await liveState();
    const live = share(state);
    assert.ok(live, "no datashare sales_share");
    assert.deepEqual(live.objects?.map((o) => o.name).sort(), [
      "sales",
      "sales.daily_totals",
      "sales.orders",
      "sales.regions",
    ]);
    const grant = live.consumers.find((c) => c.accountId === "444455556666");
    assert.equal(grant?.status, "AUTHORIZED");
    assert.deepEqual(
      grant?.associations.map((a) => a.status),
      ["ACTIVE"],
    );
    assert.deepEqual(
      state.consumerDatabases?.map((d) => [d.name, d.dataShareArn, d.withPermissions]),
      [["sales_from_producer", live.arn, true]],
    );
  });

  it("drift made on both sides fails both previews, drift names each change with its remedy, and each side's up --refresh heals it", async () => {
    await sqlAs(producer(), "producer-cluster", "ALTER DATASHARE sales_share REMOVE TABLE sales.regions");
    await sqlAs(producer(), "producer-cluster", "ALTER DATASHARE sales_share SET PUBLICACCESSIBLE TRUE");
    await sqlAs(consumer(), "consumer-cluster", "DROP DATABASE sales_from_producer");

    // Each stack plans its own healing: the datashare updated in place, the database made again.
    for (const [terminal, step] of [
      [producer(), /\bsales update\b/],
      [consumer(), /\bsales-db create\b/],
    ] as const) {
      const preview = await run(terminal, "pulumi preview --refresh --expect-no-changes");
      assert.notEqual(preview.code, 0, preview.stdout);
      assert.match(preview.stdout, step);
    }

    const producerDrift = await driftRows(producer());
    assert.equal(producerDrift.code, 1);
    assert.deepEqual(
      producerDrift.rows.map((r) => [r.resource, r.resourceType, r.kind, r.property, r.remedy]).sort(),
      [
        ["sales", "DataShare", "datashare-object", "schemas", "pulumi-up"],
        ["sales", "DataShare", "datashare-public-accessible", "publicAccessible", "pulumi-up"],
      ],
    );
    const removed = producerDrift.rows.find((r) => r.kind === "datashare-object");
    assert.match(String(removed?.declared), /sales\.regions/);
    assert.equal(removed?.live, null);

    const consumerDrift = await driftRows(consumer());
    assert.equal(consumerDrift.code, 1);
    assert.deepEqual(
      consumerDrift.rows.map((r) => [r.resource, r.resourceType, r.kind, r.remedy]),
      [["sales-db", "DataShareDatabase", "database-gone", "pulumi-up"]],
    );

    for (const terminal of [producer(), consumer()]) {
      const up = await run(terminal, "pulumi up --refresh --yes");
      assert.equal(up.code, 0, up.stdout);
    }
    for (const terminal of [producer(), consumer()]) {
      const preview = await run(terminal, "pulumi preview --refresh --expect-no-changes");
      assert.equal(preview.code, 0, preview.stdout);
      const drift = await driftRows(terminal);
      assert.deepEqual(drift, { code: 0, rows: [] });
    }
    const state = await liveState();
    assert.ok(share(state)?.objects?.some((o) => o.name === "sales.regions"));
    assert.equal(share(state)?.allowPubliclyAccessibleConsumers, false);
    assert.deepEqual(
      state.consumerDatabases?.map((d) => d.name),
      ["sales_from_producer"],
    );
  });

  it("destroying the consumer's stack, then the producer's, as written, leaves no datashare, grant, authorization, association or database", async () => {
    let consumerDestroyed = false;
    for (const [index, step] of destroy.entries()) {
      await walk.step(step, `docs/lifecycle.md destroy block ${index + 1} (quickstart:${step.kind})`);
      if (step.kind !== "run" || consumerDestroyed) continue;
      assert.equal(step.terminal, "consumer", "the consumer's stack is destroyed first");
      consumerDestroyed = true;
      const state = await liveState();
      assert.deepEqual(state.consumerDatabases ?? [], []);
      assert.deepEqual(
        share(state)?.consumers.flatMap((c) => c.associations),
        [],
        "the consumer's destroy left an association",
      );
    }
    const state = await liveState();
    assert.deepEqual(state.dataShares, []);
    assert.deepEqual(state.consumerDatabases ?? [], []);
    assert.match(await walk.stopEmulator(), /SIGINT: flushing state and stopping/);
  });
});
