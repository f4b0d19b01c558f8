import * as assert from "node:assert/strict";
import { diffDataShare } from "../../../provider/datashare/diff";
import type { DataShareOutputs } from "../../../provider/datashare/types";
import { UNKNOWN } from "../../../provider/core/types";

const declared = {
  name: "sales_share",
  clusterIdentifier: "producer",
  database: "dev",
  schemas: [{ name: "sales", tables: ["orders"], functions: ["f_net(integer, integer)"] }],
};
const stored: DataShareOutputs = {
  ...declared,
  region: "us-east-1",
  schemas: [{ name: "sales", tables: ["orders"], functions: ["f_net(integer,integer)"] }],
  dataShareArn:
    "arn:aws:redshift:us-east-1:111122223333:datashare:13b8833d-17c6-4f16-8fe4-1a018f5ed00d/sales_share",
};

interface Row {
  when: string;
  olds?: Partial<DataShareOutputs>;
  news?: Record<string, unknown>;
  replaces?: string[];
  inPlace?: string[];
}

const table: Row[] = [
  { when: "nothing changed" },
  { when: "the region is set to the one in use", news: { ...declared, region: "us-east-1" } },
  { when: "publicAccessible is false where it was unset", news: { ...declared, publicAccessible: false } },
  {
    when: "a table is added",
    news: { ...declared, schemas: [{ ...declared.schemas[0], tables: ["orders", "regions"] }] },
    inPlace: ["schemas"],
  },
  {
    when: "a table went away out of band (refresh recorded it)",
    olds: { ...stored, schemas: [{ name: "sales", functions: ["f_net(integer,integer)"] }] },
    inPlace: ["schemas"],
  },
  {
    when: "includeNew is turned on",
    news: { ...declared, schemas: [{ ...declared.schemas[0], includeNew: true }] },
    inPlace: ["schemas"],
  },
  {
    when: "publicAccessible is turned on",
    news: { ...declared, publicAccessible: true },
    inPlace: ["publicAccessible"],
  },
  {
    when: "a table of the schemas is still unknown",
    news: { ...declared, schemas: [{ name: "sales", tables: [UNKNOWN] }] },
    inPlace: ["schemas"],
  },
  {
    when: "another database runs the statements",
    news: { ...declared, database: "other" },
    inPlace: ["database"],
  },
  { when: "a dbUser is set", news: { ...declared, dbUser: "admin" }, inPlace: ["dbUser"] },
  { when: "the name changes", news: { ...declared, name: "other_share" }, replaces: ["name"] },
  { when: "the name is unknown", news: { ...declared, name: UNKNOWN }, replaces: ["name"] },
  {
    when: "a workgroup replaces the cluster",
    news: { ...declared, clusterIdentifier: undefined, workgroupName: "wg" },
    replaces: ["clusterIdentifier", "workgroupName"],
  },
  { when: "another region is declared", news: { ...declared, region: "eu-west-1" }, replaces: ["region"] },
];

describe("DataShare diff", () => {
  for (const row of table) {
    it(`${row.when}: ${row.replaces ? "replace" : row.inPlace ? "update in place" : "nothing"}`, () => {
      const result = diffDataShare(row.olds ?? stored, row.news ?? declared);
      assert.deepEqual(result.replaces, row.replaces ?? []);
      assert.deepEqual(result.inPlace, row.replaces ? [] : (row.inPlace ?? []));
      assert.equal(result.changes, row.replaces !== undefined || row.inPlace !== undefined);
      assert.equal(result.deleteBeforeReplace, false);
    });
  }
});
