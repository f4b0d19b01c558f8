import { strict as assert } from "node:assert";
import {
  decodeIdPart,
  encodeIdPart,
  formatSqlId,
  parseSqlId,
  SqlIdError,
} from "../../../provider/core/sqlId";

const GRANT_PARTS = ["database", "dataShareName", "consumerIdentifier"];

describe("sqlId: the SQL resources' IDs", () => {
  it("writes the target first, the region last and only when set", () => {
    assert.equal(
      formatSqlId({ target: { clusterIdentifier: "c1" }, parts: ["dev", "sales"], region: "us-east-1" }),
      "cluster:c1,dev,sales,us-east-1",
    );
    assert.equal(
      formatSqlId({ target: { workgroupName: "wg1" }, parts: ["dev", "sales"] }),
      "workgroup:wg1,dev,sales",
    );
  });

  it("percent-encodes % and , in each part, nothing else", () => {
    assert.equal(encodeIdPart("a,b%c d/é"), "a%2Cb%25c d/é");
    assert.equal(decodeIdPart("a%2Cb%25c d/é"), "a,b%c d/é");
    assert.equal(decodeIdPart("a%2cb"), "a,b");
    assert.equal(decodeIdPart("100%"), undefined);
    assert.equal(decodeIdPart("%41"), undefined);
  });

  it("parses a grant's ID with a DataCatalog grantee and a region", () => {
    assert.deepEqual(
      parseSqlId("cluster:c1,dev,sales,DataCatalog/111122223333,us-east-1", "DataShareGrant", GRANT_PARTS),
      {
        target: { clusterIdentifier: "c1" },
        parts: ["dev", "sales", "DataCatalog/111122223333"],
        region: "us-east-1",
      },
    );
  });

  it("refuses other forms with an error naming the forms it takes", () => {
    for (const bad of [
      "c1,dev,sales",
      "cluster:c1,dev",
      "cluster:c1,dev,sales,x,y,z",
      "cluster:c1,,sales",
      "cluster:c1,dev,100%",
      "host:c1,dev,sales",
    ]) {
      assert.throws(
        () => parseSqlId(bad, "DataShare", ["database", "name"]),
        (e: unknown) =>
          e instanceof SqlIdError &&
          e.message.includes(JSON.stringify(bad)) &&
          e.message.includes("<target>,<database>,<name>[,<region>]") &&
          e.message.includes("cluster:<clusterIdentifier> or workgroup:<workgroupName>"),
        bad,
      );
    }
  });
});
