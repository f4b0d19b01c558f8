import * as assert from "node:assert/strict";
import { SqlIdError } from "../../../provider/core/sqlId";
import {
  canonicalKey,
  formatId,
  identityOfInputs,
  keyFromInputs,
  parseId,
} from "../../../provider/database/id";
import type { DatabaseKey } from "../../../provider/database/types";
import { HOSTILE_NAMES } from "../../fixtures/hostileNames";

const NS = "a1b2c3d4-0000-4000-8000-000000000001";
const ARN = `arn:aws:redshift:us-east-1:111122223333:datashare:${NS}/sales`;

describe("DataShareDatabase ID", () => {
  it("is <target>,<database>,<name>[,<region>]", () => {
    assert.equal(
      formatId({ target: { clusterIdentifier: "c1" }, database: "dev", name: "shared" }),
      "cluster:c1,dev,shared",
    );
    assert.equal(
      formatId({ target: { workgroupName: "wg" }, database: "dev", name: "shared", region: "eu-west-1" }),
      "workgroup:wg,dev,shared,eu-west-1",
    );
  });

  it("round-trips every name of the hostile corpus but the empty one", () => {
    for (const { name } of HOSTILE_NAMES) {
      if (name === "") continue;
      const key: DatabaseKey = { target: { clusterIdentifier: "c1" }, database: name, name };
      assert.deepEqual(parseId(formatId(key)), key, JSON.stringify(name));
      const regional = { ...key, region: "us-west-2" };
      assert.deepEqual(parseId(formatId(regional)), regional);
    }
  });

  it("refuses other forms, saying the expected one", () => {
    for (const id of [
      "",
      "cluster:c1,dev",
      "db:c1,dev,x",
      "cluster:c1,dev,x,us-east-1,extra",
      "cluster:c1,,x",
    ]) {
      assert.throws(
        () => parseId(id),
        (e: Error) => e instanceof SqlIdError && /DataShareDatabase ID/.test(e.message),
      );
    }
  });

  it("the key of the inputs is the ID's; the canonical key leaves out how the database is reached", () => {
    const inputs = {
      name: "shared",
      dataShareArn: ARN,
      clusterIdentifier: "c1",
      database: "dev",
      dbUser: "admin",
    };
    assert.equal(formatId(keyFromInputs(inputs)), "cluster:c1,dev,shared");
    const base = canonicalKey(identityOfInputs(inputs));
    assert.equal(
      canonicalKey(
        identityOfInputs({ ...inputs, database: "other", dbUser: undefined, region: "us-east-1" }),
      ),
      base,
    );
    assert.equal(
      canonicalKey(identityOfInputs({ ...inputs, dataShareArn: ARN.replace(NS, NS.toUpperCase()) })),
      base,
    );
    assert.notEqual(canonicalKey(identityOfInputs({ ...inputs, name: "other" })), base);
    assert.notEqual(
      canonicalKey(identityOfInputs({ ...inputs, clusterIdentifier: undefined, workgroupName: "c1" })),
      base,
    );
    assert.notEqual(
      canonicalKey(identityOfInputs({ ...inputs, dataShareArn: ARN.replace("/sales", "/marketing") })),
      base,
    );
    assert.notEqual(canonicalKey(identityOfInputs({ ...inputs, withPermissions: true })), base);
  });
});
