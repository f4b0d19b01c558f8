import * as assert from "node:assert/strict";
import { UNKNOWN } from "../../../provider/core/types";
import { diffDatabase } from "../../../provider/database/diff";
import type { DataShareDatabaseOutputs } from "../../../provider/database/types";

const NS = "a1b2c3d4-0000-4000-8000-000000000001";
const ARN = `arn:aws:redshift:us-east-1:111122223333:datashare:${NS}/sales`;
const OTHER_ARN = ARN.replace("/sales", "/marketing");
const ID = "cluster:consumer-cluster,dev,shared_sales";
const declared = {
  name: "shared_sales",
  dataShareArn: ARN,
  clusterIdentifier: "consumer-cluster",
  database: "dev",
};
const stored: DataShareDatabaseOutputs = {
  ...declared,
  withPermissions: false,
  producerAccount: "111122223333",
  producerNamespace: NS,
  dataShareName: "sales",
};

interface Row {
  when: string;
  news?: Record<string, unknown>;
  olds?: Partial<DataShareDatabaseOutputs>;
  replaces?: string[];
  inPlace?: string[];
  deleteBeforeReplace?: boolean;
}

const table: Row[] = [
  { when: "nothing changed" },
  {
    when: "the connection database was updated in place earlier (the ID still names dev)",
    news: { ...declared, database: "analytics" },
    olds: { ...stored, database: "analytics" },
  },
  { when: "withPermissions unset and stored false", news: { ...declared, withPermissions: false } },
  {
    when: "the name changes and the datashare stays (one database per datashare on a cluster)",
    news: { ...declared, name: "sales_copy" },
    replaces: ["name"],
    deleteBeforeReplace: true,
  },
  {
    when: "the name and the datashare change on the same cluster",
    news: { ...declared, name: "marketing", dataShareArn: OTHER_ARN },
    replaces: ["name", "dataShareArn"],
    deleteBeforeReplace: false,
  },
  {
    when: "the cluster changes (the new database can exist beside the old one)",
    news: { ...declared, clusterIdentifier: "other-cluster" },
    replaces: ["clusterIdentifier"],
    deleteBeforeReplace: false,
  },
  {
    when: "a cluster becomes a workgroup",
    news: { ...declared, clusterIdentifier: undefined, workgroupName: "consumer-workgroup" },
    replaces: ["clusterIdentifier", "workgroupName"],
    deleteBeforeReplace: false,
  },
  {
    when: "the datashare changes under the same name (no second database of that name)",
    news: { ...declared, dataShareArn: OTHER_ARN },
    replaces: ["dataShareArn"],
    deleteBeforeReplace: true,
  },
  {
    when: "withPermissions changes",
    news: { ...declared, withPermissions: true },
    replaces: ["withPermissions"],
    deleteBeforeReplace: true,
  },
  {
    when: "the datashare ARN is spelled otherwise (GUID in capitals)",
    news: { ...declared, dataShareArn: ARN.replace(NS, NS.toUpperCase()) },
    inPlace: ["dataShareArn"],
  },
  {
    when: "the database connected to, the credentials and the region change",
    news: { ...declared, database: "other", dbUser: "admin", region: "us-east-1" },
    inPlace: ["database", "dbUser", "region"],
  },
  {
    when: "a key part is still unknown (preview)",
    news: { ...declared, name: UNKNOWN },
    replaces: ["name"],
    deleteBeforeReplace: true,
  },
  {
    when: "an import recorded no withPermissions: the program's is taken and recorded",
    olds: { ...stored, withPermissions: undefined },
    news: { ...declared, withPermissions: true },
    inPlace: ["withPermissions"],
  },
  {
    when: "the views say the database is made from another datashare (made again by hand)",
    olds: { ...stored, dataShareName: "marketing" },
    replaces: ["dataShareArn"],
    deleteBeforeReplace: true,
  },
  {
    when: "no datashare feeds it any more (the producer dropped it): nothing the consumer's up can do",
    olds: { ...stored, producerAccount: undefined, producerNamespace: undefined, dataShareName: undefined },
  },
];

describe("DataShareDatabase diff", () => {
  for (const row of table) {
    it(`when ${row.when}: ${row.replaces?.length ? "replace" : row.inPlace?.length ? "update" : "no change"}`, () => {
      const result = diffDatabase({ id: ID, olds: row.olds ?? stored, news: row.news ?? declared });
      assert.deepEqual(result.replaces, row.replaces ?? []);
      assert.deepEqual(result.inPlace, row.inPlace ?? []);
      const changed = (row.replaces?.length ?? 0) + (row.inPlace?.length ?? 0) > 0;
      if (changed) assert.notEqual(result.changes, false);
      else assert.equal(result.changes, false);
      if (row.deleteBeforeReplace !== undefined)
        assert.equal(result.deleteBeforeReplace, row.deleteBeforeReplace);
    });
  }

  it("names the changes itself when only the live views differ from the declared inputs", () => {
    const result = diffDatabase({ id: ID, olds: { ...stored, dataShareName: "marketing" }, news: declared });
    assert.equal(result.changes, true);
  });
});
