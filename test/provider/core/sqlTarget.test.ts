import { strict as assert } from "node:assert";
import { UNKNOWN } from "../../../provider/core/types";
import {
  checkSqlTarget,
  describeTarget,
  secretArnProblem,
  sqlTargetOf,
  targetRequest,
} from "../../../provider/core/sqlTarget";

const SECRET = "arn:aws:secretsmanager:us-east-1:111122223333:secret:redshift/admin-AbCdEf";
const properties = (inputs: Record<string, unknown>) => checkSqlTarget(inputs).map((f) => f.property);

describe("sqlTarget: where the statements run", () => {
  it("accepts a cluster with a database, alone, with dbUser or with a secret; a workgroup alone or with a secret", () => {
    for (const inputs of [
      { clusterIdentifier: "producer-cluster", database: "dev" },
      { clusterIdentifier: "producer-cluster", database: "dev", dbUser: "admin" },
      { clusterIdentifier: "producer-cluster", database: "dev", secretArn: SECRET, region: "us-east-1" },
      { workgroupName: "producer-workgroup", database: "dev" },
      { workgroupName: "producer-workgroup", database: "dev", secretArn: SECRET },
    ]) {
      assert.deepEqual(checkSqlTarget(inputs), [], JSON.stringify(inputs));
    }
  });

  it("wants exactly one of clusterIdentifier and workgroupName", () => {
    assert.deepEqual(properties({ database: "dev" }), ["clusterIdentifier"]);
    assert.deepEqual(properties({ clusterIdentifier: "c1", workgroupName: "wg1", database: "dev" }), [
      "workgroupName",
    ]);
  });

  it("requires database and checks it as a Redshift name", () => {
    const [missing] = checkSqlTarget({ clusterIdentifier: "c1" });
    assert.equal(missing.property, "database");
    assert.match(missing.reason, /required/);
    const [upper] = checkSqlTarget({ clusterIdentifier: "c1", database: "Dev" });
    assert.equal(upper.property, "database");
    assert.match(upper.reason, /upper-case/);
  });

  it("takes dbUser only with a cluster, and never with secretArn", () => {
    assert.deepEqual(properties({ workgroupName: "wg1", database: "dev", dbUser: "admin" }), ["dbUser"]);
    assert.deepEqual(
      properties({ clusterIdentifier: "c1", database: "dev", dbUser: "admin", secretArn: SECRET }),
      ["secretArn"],
    );
  });

  it("refuses cluster identifiers and workgroup names outside Redshift's rules", () => {
    for (const bad of ["1abc", "a--b", "abc-", "ABC", "a_b", "x".repeat(64)]) {
      assert.deepEqual(properties({ clusterIdentifier: bad, database: "dev" }), ["clusterIdentifier"], bad);
    }
    for (const bad of ["ab", "a_b", "WG1", "x".repeat(65)]) {
      assert.deepEqual(properties({ workgroupName: bad, database: "dev" }), ["workgroupName"], bad);
    }
  });

  it("wants a Secrets Manager secret's ARN of a known region and its partition", () => {
    assert.equal(secretArnProblem(SECRET), undefined);
    assert.match(secretArnProblem("arn:aws:s3:::bucket")!, /Secrets Manager secret's ARN/);
    assert.match(secretArnProblem("arn:aws:secretsmanager:us-east-1:111122223333:key:x")!, /secret:<name>/);
    assert.match(secretArnProblem("arn:aws:secretsmanager:mars-1:111122223333:secret:x")!, /region/);
    assert.match(secretArnProblem("arn:aws-cn:secretsmanager:us-east-1:111122223333:secret:x")!, /partition/);
    assert.match(secretArnProblem("arn:aws:secretsmanager:us-east-1:1234:secret:x")!, /12 digits/);
  });

  it("checks the region's shape, and that a secret is in the region the statements run in", () => {
    assert.deepEqual(properties({ clusterIdentifier: "c1", database: "dev", region: "mars-1" }), ["region"]);
    assert.deepEqual(
      properties({ clusterIdentifier: "c1", database: "dev", secretArn: SECRET, region: "eu-west-1" }),
      ["secretArn"],
    );
  });

  it("refuses values that are not strings, naming each property", () => {
    assert.deepEqual(properties({ clusterIdentifier: 5, database: ["dev"] }), [
      "clusterIdentifier",
      "database",
    ]);
  });

  it("leaves unknown values (preview) for later", () => {
    assert.deepEqual(
      checkSqlTarget({ clusterIdentifier: UNKNOWN, database: UNKNOWN, secretArn: UNKNOWN }),
      [],
    );
  });

  it("builds the Data API's request members, and the target in words", () => {
    const target = sqlTargetOf({
      clusterIdentifier: "c1",
      database: "dev",
      dbUser: "admin",
      region: "us-east-1",
    });
    assert.deepEqual(targetRequest(target), { ClusterIdentifier: "c1", Database: "dev", DbUser: "admin" });
    assert.equal(describeTarget(target), "cluster c1, database dev");
    const serverless = sqlTargetOf({ workgroupName: "wg1", database: "dev", secretArn: SECRET });
    assert.deepEqual(targetRequest(serverless), { WorkgroupName: "wg1", Database: "dev", SecretArn: SECRET });
    assert.equal(describeTarget(serverless), "workgroup wg1, database dev");
  });
});
