import { strict as assert } from "node:assert";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  AssociateDataShareConsumerCommand,
  DescribeDataSharesCommand,
  DisassociateDataShareConsumerCommand,
} from "@aws-sdk/client-redshift";
import { loadSeed, startEmulator, type Seed } from "../../emulator";
import { redshiftAs, useTempDir } from "./helpers";

const NAMESPACES = 50;

/** The default seed, with the consumer owning 50 extra provisioned namespaces. */
function seedWithManyNamespaces(): Seed {
  const seed = structuredClone(loadSeed(undefined));
  const consumer = seed.accounts.find((a) => a.name === "consumer");
  if (!consumer) throw new Error("default seed has no consumer");
  for (let i = 0; i < NAMESPACES; i++) {
    consumer.namespaces?.push({
      id: `5eed0000-0000-4000-8000-${String(i).padStart(12, "0")}`,
      type: "provisioned",
      region: "us-east-1",
    });
  }
  return seed;
}

describe("emulator: persistence", () => {
  const tempDir = useTempDir();

  it("creates the state file's folder when it does not exist yet", async () => {
    const stateFile = join(tempDir(), "not", "there", "yet.json");
    const emu = await startEmulator({ stateFile });
    try {
      await redshiftAs(emu, "consumer").send(
        new AssociateDataShareConsumerCommand({
          DataShareArn: emu.dataShareArn("sales"),
          ConsumerArn: emu.namespaceArn("consumer", 0),
        }),
      );
    } finally {
      await emu.stop();
    }
    assert.ok(existsSync(stateFile));
  });

  it("keeps every association across a stop and a start with the same state file", async () => {
    const stateFile = join(tempDir(), "restart.json");
    const first = await startEmulator({ stateFile });
    const sales = first.dataShareArn("sales");
    const ns1 = first.namespaceArn("consumer", 1);
    await redshiftAs(first, "consumer").send(
      new AssociateDataShareConsumerCommand({ DataShareArn: sales, ConsumerArn: ns1 }),
    );
    await redshiftAs(first, "consumer").send(
      new AssociateDataShareConsumerCommand({ DataShareArn: sales, ConsumerRegion: "us-west-2" }),
    );
    await first.stop();

    const second = await startEmulator({ stateFile });
    try {
      const out = await redshiftAs(second, "consumer").send(
        new DescribeDataSharesCommand({ DataShareArn: sales }),
      );
      assert.deepEqual(
        out.DataShares?.[0].DataShareAssociations?.map((a) => [
          a.ConsumerIdentifier,
          a.ConsumerRegion,
          a.Status,
        ]),
        [
          [ns1, undefined, "ACTIVE"],
          ["444455556666", "us-west-2", "ACTIVE"],
        ],
      );
    } finally {
      await second.stop();
    }
  });

  it("loses none of 50 concurrent associations on one datashare, in memory or on disk", async () => {
    const stateFile = join(tempDir(), "concurrent.json");
    const emu = await startEmulator({ stateFile, seed: seedWithManyNamespaces() });
    const sales = emu.dataShareArn("sales");
    const targets = Array.from({ length: NAMESPACES }, (_, i) => emu.namespaceArn("consumer", 3 + i));
    try {
      const client = redshiftAs(emu, "consumer");
      await Promise.all(
        targets.map((ConsumerArn) =>
          client.send(new AssociateDataShareConsumerCommand({ DataShareArn: sales, ConsumerArn })),
        ),
      );
      const live = await client.send(new DescribeDataSharesCommand({ DataShareArn: sales }));
      assert.deepEqual(
        live.DataShares?.[0].DataShareAssociations?.map((a) => a.ConsumerIdentifier).sort(),
        [...targets].sort(),
      );
    } finally {
      await emu.stop();
    }
    const restarted = await startEmulator({ stateFile, seed: seedWithManyNamespaces() });
    try {
      const share = restarted.admin.snapshot().dataShares.find((s) => s.arn === sales);
      const grant = share?.consumers.find((c) => c.accountId === "444455556666");
      assert.equal(grant?.associations.length, NAMESPACES);
    } finally {
      await restarted.stop();
    }
    assert.deepEqual(
      readdirSync(tempDir()).filter((f) => f.endsWith(".tmp")),
      [],
      "no temporary files are left behind",
    );
  });

  it("writes the state file before it answers, so a change is on disk once acknowledged", async () => {
    const stateFile = join(tempDir(), "ack.json");
    const emu = await startEmulator({ stateFile });
    try {
      assert.ok(existsSync(stateFile), "the state file exists from the start");
      const sales = emu.dataShareArn("sales");
      await redshiftAs(emu, "consumer").send(
        new AssociateDataShareConsumerCommand({ DataShareArn: sales, AssociateEntireAccount: true }),
      );
      const reread = JSON.parse(readFileSync(stateFile, "utf8"));
      const grant = reread.state.dataShares
        .find((s: { arn: string }) => s.arn === sales)
        .consumers.find((c: { accountId: string }) => c.accountId === "444455556666");
      assert.equal(grant.associations.length, 1);
      await redshiftAs(emu, "consumer").send(
        new DisassociateDataShareConsumerCommand({ DataShareArn: sales, DisassociateEntireAccount: true }),
      );
      assert.equal(readFileSync(stateFile, "utf8").includes('"kind":"account"'), false);
    } finally {
      await emu.stop();
    }
  });
});
