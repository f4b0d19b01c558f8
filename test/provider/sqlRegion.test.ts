/**
 * The SQL resources keep going to the region create used when the program declares none: made under
 * the provider's region A, then run by a provider whose region is B, each reads as there, plans no
 * change and is deleted in A (not left there, unknown to the stack).
 */
import * as assert from "node:assert/strict";
import { REGION } from "../../harness/emulatorFixture";
import type { SqlProviderOptions } from "../../provider/core/sqlRuntime";
import type { AnyProvider } from "./shared/resources";
import { startDatabaseLive } from "./database/live";
import { startLiveDataShare } from "./datashare/live";
import { startGrantWorld } from "./grant/live";

const OTHER_REGION = "eu-west-1";

interface RegionWorld {
  declared: Record<string, unknown>;
  providerWith(options: Partial<SqlProviderOptions>): AnyProvider;
  /** The live object is in the emulator's model (in REGION, where the seeded targets are). */
  exists(): boolean;
  stop(): Promise<void>;
}

const RESOURCES: { name: string; start(): Promise<RegionWorld> }[] = [
  {
    name: "DataShare",
    async start() {
      const live = await startLiveDataShare();
      return {
        declared: { name: "region_share", ...live.target },
        providerWith: (o) => live.providerWith(o) as unknown as AnyProvider,
        exists: () => live.share("region_share") !== undefined,
        stop: () => live.emu.stop(),
      };
    },
  },
  {
    name: "DataShareGrant",
    async start() {
      const world = await startGrantWorld();
      const arn = await world.share("region_share");
      return {
        declared: world.declared("region_share"),
        providerWith: (o) => world.providerWith(o) as unknown as AnyProvider,
        exists: () => world.grantsOf(arn).includes(world.consumer),
        stop: () => world.emu.stop(),
      };
    },
  },
  {
    name: "DataShareDatabase",
    async start() {
      const live = await startDatabaseLive();
      return {
        declared: live.declared,
        providerWith: (o) => live.providerWith(o) as unknown as AnyProvider,
        exists: () => live.databases().some((d) => d.name === live.declared.name),
        stop: () => live.emu.stop(),
      };
    },
  },
];

describe("SQL resources: the region create used, when none is declared (in-process emulator)", () => {
  for (const resource of RESOURCES) {
    it(`${resource.name}: made in the provider's region, then read, diffed and deleted there under another`, async () => {
      const world = await resource.start();
      try {
        const { id, outs } = await world.providerWith({}).create(world.declared);
        assert.equal(outs.region, REGION);
        assert.ok(id.endsWith(`,${REGION}`), `the ID carries the region: ${id}`);

        const elsewhere = world.providerWith({ region: OTHER_REGION });
        const read = await elsewhere.read(id, outs);
        assert.equal(read.id, id, "read finds it");
        assert.equal(read.props?.region, REGION);
        const diff = await elsewhere.diff(id, read.props!, world.declared);
        assert.equal(diff.changes, false);

        await elsewhere.delete(id, read.props!);
        assert.equal(world.exists(), false, "deleted where it was made");
      } finally {
        await world.stop();
      }
    });
  }
});
