import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../../provider/core/types";
import { diffGrant } from "../../../provider/grant/diff";
import { formatId } from "../../../provider/grant/id";

const ACCOUNT = "444455556666";
const declared = {
  clusterIdentifier: "producer",
  database: "dev",
  dataShareName: "sales",
  consumerIdentifier: ACCOUNT,
};
const ID = formatId({
  target: { clusterIdentifier: "producer", database: "dev" },
  dataShareName: "sales",
  consumerIdentifier: ACCOUNT,
});
const stored = {
  ...declared,
  dataShareArn:
    "arn:aws:redshift:us-east-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/sales",
};

interface Row {
  when: string;
  news: Record<string, unknown>;
  olds?: Record<string, unknown>;
  id?: string;
  plan?: "update" | "replace";
  replaces?: string[];
}

const table: Row[] = [
  { when: "nothing changed", news: declared },
  {
    when: "the database the statements run in changes (state only)",
    news: { ...declared, database: "prod" },
    plan: "update",
  },
  { when: "dbUser is set", news: { ...declared, dbUser: "admin" }, plan: "update" },
  {
    when: "secretArn replaces dbUser",
    olds: { ...stored, dbUser: "admin" },
    news: { ...declared, secretArn: "arn:aws:secretsmanager:us-east-1:111122223333:secret:s" },
    plan: "update",
  },
  {
    when: "region is set where it was unset, to the region the ARN names",
    news: { ...declared, region: "us-east-1" },
    plan: "update",
  },
  {
    when: "region is undeclared where one is recorded (the calls keep going there)",
    olds: { ...stored, region: "us-east-1" },
    news: declared,
  },
  {
    when: "a declared region names another region (another cluster)",
    olds: { ...stored, region: "us-east-1" },
    news: { ...declared, region: "eu-west-1" },
    plan: "replace",
    replaces: ["region"],
  },
  {
    when: "a region is declared where the default was used and the ARN names another (another cluster)",
    news: { ...declared, region: "eu-west-1" },
    plan: "replace",
    replaces: ["region"],
  },
  {
    when: "the datashare changes",
    news: { ...declared, dataShareName: "marketing" },
    plan: "replace",
    replaces: ["dataShareName"],
  },
  {
    when: "the grantee changes to the same account via the Data Catalog",
    news: { ...declared, consumerIdentifier: `DataCatalog/${ACCOUNT}` },
    plan: "replace",
    replaces: ["consumerIdentifier"],
  },
  {
    when: "the cluster changes",
    news: { ...declared, clusterIdentifier: "other" },
    plan: "replace",
    replaces: ["clusterIdentifier"],
  },
  {
    when: "the target moves to a workgroup",
    news: {
      workgroupName: "producer-wg",
      database: "dev",
      dataShareName: "sales",
      consumerIdentifier: ACCOUNT,
    },
    plan: "replace",
    replaces: ["workgroupName"],
  },
  {
    when: "the grantee is unknown at preview",
    news: { ...declared, consumerIdentifier: UNKNOWN },
    plan: "replace",
    replaces: ["consumerIdentifier"],
  },
  { when: "the database is unknown at preview", news: { ...declared, database: UNKNOWN }, plan: "update" },
];

describe("DataShareGrant diff", () => {
  for (const row of table) {
    it(`when ${row.when}: ${row.plan ?? "nothing to do"}`, () => {
      const d = diffGrant({ id: row.id ?? ID, olds: row.olds ?? stored, news: row.news });
      assert.equal(d.deleteBeforeReplace, false, "every replacement creates first");
      if (row.plan === undefined) {
        assert.equal(d.changes, false);
        return;
      }
      assert.notEqual(d.changes, false);
      assert.deepEqual(d.replaces, row.replaces ?? []);
      if (row.plan === "update") assert.ok(d.inPlace.length > 0);
    });
  }

  it("a replacement for a key change also lists what changes beside it in place", () => {
    const d = diffGrant({
      id: ID,
      olds: stored,
      news: { ...declared, dataShareName: "marketing", database: "prod" },
    });
    assert.deepEqual(d.replaces, ["dataShareName"]);
    assert.deepEqual(d.inPlace, ["database"]);
  });
});
