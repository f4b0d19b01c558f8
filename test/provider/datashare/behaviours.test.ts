/**
 * The emulator behaviours where AWS is silent about datashare DDL: whether it may run in a batch's
 * transaction, what a repeated ADD and an absent REMOVE answer, and what a dropped table leaves in
 * the share. The provider must end with the declared objects under every answer.
 */
import * as assert from "node:assert/strict";
import { createSqlApi, type SqlApi } from "../../../provider/core/dataApi";
import type { ClientSettings } from "../../../provider/core/redshiftApi";
import type { Behaviours } from "../../../emulator/model/behaviours";
import { startLiveDataShare, type LiveDataShare } from "./live";

const NAME = "behaviour_share";

/**
 * A Data API whose answers to ALTER DATASHARE are lost once, so that the SDK's retry runs each a
 * second time (what dataApi.ts warns of): a repeated ADD and a REMOVE of what is already gone.
 */
function runsAltersTwice(settings: ClientSettings): SqlApi {
  const api = createSqlApi(settings);
  const finished = async (id: string) => {
    while (!["FINISHED", "FAILED", "ABORTED"].includes((await api.describeStatement(id)).status));
  };
  const isAlter = (sql: string) => sql.startsWith("ALTER DATASHARE");
  return {
    ...api,
    async executeStatement(target, sql) {
      if (isAlter(sql)) await finished(await api.executeStatement(target, sql));
      return api.executeStatement(target, sql);
    },
    async batchExecuteStatement(target, sqls) {
      if (sqls.every(isAlter)) await finished(await api.batchExecuteStatement(target, sqls));
      return api.batchExecuteStatement(target, sqls);
    },
  };
}

const ANSWERS: Partial<Behaviours>[] = [];
for (const datashareDdlInTransaction of ["allowed", "refused"] as const) {
  for (const repeatAdd of ["succeed", "refuse"] as const) {
    for (const removeAbsent of ["refuse", "succeed"] as const) {
      ANSWERS.push({ datashareDdlInTransaction, repeatAdd, removeAbsent });
    }
  }
}

describe("DataShare under each emulator answer", () => {
  let live: LiveDataShare;
  afterEach(() => live.emu.stop());

  for (const answer of ANSWERS) {
    it(`converges create and update with every ALTER run twice: ${JSON.stringify(answer)}`, async () => {
      live = await startLiveDataShare(answer);
      const provider = live.providerWith({ apiFactory: runsAltersTwice });
      const declared = {
        name: NAME,
        ...live.target,
        schemas: [{ name: "sales", tables: ["orders", "regions"], includeNew: true }],
      };
      const { id, outs } = await provider.create(declared);
      assert.deepEqual(live.share(NAME)?.objects, [
        "schema sales",
        "table sales.orders",
        "table sales.regions",
      ]);
      const news = {
        ...declared,
        publicAccessible: true,
        schemas: [{ name: "sales", tables: ["orders", "line_items"] }],
      };
      const updated = await provider.update(id, outs, news);
      assert.deepEqual(live.share(NAME), {
        objects: ["schema sales", "table sales.line_items", "table sales.orders"],
        includeNew: [],
        publicAccessible: true,
      });
      assert.equal((await provider.diff(id, updated.outs, news)).changes, false);
    });
  }

  for (const datashareDdlInTransaction of ["allowed", "refused"] as const) {
    it(`an update that cannot succeed changes nothing in a transaction, and names the object (${datashareDdlInTransaction})`, async () => {
      live = await startLiveDataShare({ datashareDdlInTransaction });
      const declared = { name: NAME, ...live.target, schemas: [{ name: "sales", tables: ["orders"] }] };
      const { id, outs } = await live.provider.create(declared);
      const news = { ...declared, schemas: [{ name: "sales", tables: ["regions", "no_such_table"] }] };
      await assert.rejects(live.provider.update(id, outs, news), (e: Error) =>
        /no_such_table/.test(e.message),
      );
      const objects = live.share(NAME)?.objects;
      if (datashareDdlInTransaction === "allowed") {
        assert.deepEqual(objects, ["schema sales", "table sales.orders"]);
      } else {
        // One at a time: what ran before the failure stays; the next up converges from there.
        assert.ok(objects?.includes("schema sales"));
      }
    });
  }

  for (const droppedObjectInShare of ["removed", "listed"] as const) {
    it(`a table the producer dropped: refresh and the update that stops declaring it succeed (${droppedObjectInShare})`, async () => {
      live = await startLiveDataShare({ droppedObjectInShare });
      const declared = {
        name: NAME,
        ...live.target,
        schemas: [{ name: "sales", tables: ["orders", "regions"] }],
      };
      const { id, outs } = await live.provider.create(declared);
      await live.emu.admin.dropProducerObject("producer", 0, "sales.regions");
      const read = await live.provider.read(id, outs);
      const recorded = droppedObjectInShare === "removed" ? ["orders"] : ["orders", "regions"];
      assert.deepEqual(read.props?.schemas, [{ name: "sales", tables: recorded }]);
      const news = { ...declared, schemas: [{ name: "sales", tables: ["orders"] }] };
      await live.provider.update(id, read.props!, news);
      assert.ok(live.share(NAME)?.objects.includes("table sales.orders"));
    });
  }
});
