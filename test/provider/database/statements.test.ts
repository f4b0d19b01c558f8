import * as assert from "node:assert/strict";
import { SqlValueError } from "../../../provider/core/sql";
import { createDatabaseSql, dropDatabaseSql } from "../../../provider/database/statements";

const NS = "a1b2c3d4-0000-4000-8000-000000000001";
const ARN = `arn:aws:redshift:us-east-1:111122223333:datashare:${NS}/sales_share`;

describe("DataShareDatabase statements", () => {
  it("CREATE DATABASE names the producer's account and namespace from the ARN, every name quoted", () => {
    assert.equal(
      createDatabaseSql({ name: "shared_sales", dataShareArn: ARN }),
      `CREATE DATABASE "shared_sales" FROM DATASHARE "sales_share" OF ACCOUNT '111122223333' NAMESPACE '${NS}'`,
    );
  });

  it("WITH PERMISSIONS goes before FROM DATASHARE, only when withPermissions is true", () => {
    assert.equal(
      createDatabaseSql({ name: "d", dataShareArn: ARN, withPermissions: true }),
      `CREATE DATABASE "d" WITH PERMISSIONS FROM DATASHARE "sales_share" OF ACCOUNT '111122223333' NAMESPACE '${NS}'`,
    );
    assert.doesNotMatch(
      createDatabaseSql({ name: "d", dataShareArn: ARN, withPermissions: false }),
      /PERMISSIONS/,
    );
  });

  it("the namespace GUID goes in lower case, as Redshift shows it", () => {
    const upper = ARN.replace(NS, NS.toUpperCase());
    assert.match(createDatabaseSql({ name: "d", dataShareArn: upper }), new RegExp(`NAMESPACE '${NS}'$`));
  });

  it("a name with quotes, spaces or a reserved word stays one quoted name", () => {
    assert.equal(dropDatabaseSql('a"; drop database dev; --'), 'DROP DATABASE "a""; drop database dev; --"');
    assert.equal(dropDatabaseSql("select"), 'DROP DATABASE "select"');
  });

  it("refuses what cannot be written, naming the property", () => {
    assert.throws(
      () => dropDatabaseSql("Upper"),
      (e: SqlValueError) => e.property === "name",
    );
    assert.throws(
      () => createDatabaseSql({ name: "d", dataShareArn: "arn:aws:redshift:us-east-1:1:datashare:x/y" }),
      (e: SqlValueError) => e.property === "dataShareArn",
    );
    assert.throws(
      () => createDatabaseSql({ name: "line\nbreak", dataShareArn: ARN }),
      (e: SqlValueError) => e.property === "name",
    );
  });
});
