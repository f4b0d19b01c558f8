import * as assert from "node:assert/strict";
import { findDatabaseDrift } from "../../../cli/drift/findDatabaseDrift";
import { ResourceState } from "../../../cli/drift/findDrift";

const NS = "a1b2c3d4-0000-4000-8000-000000000001";
const SHARE = `arn:aws:redshift:us-east-1:111122223333:datashare:${NS}/sales`;
const FED = { producerAccount: "111122223333", producerNamespace: NS, dataShareName: "sales" };

function state(outputs: Record<string, unknown> = FED): ResourceState {
  const inputs = {
    name: "shared_sales",
    dataShareArn: SHARE,
    clusterIdentifier: "consumer-cluster",
    database: "dev",
  };
  return { inputs, outputs: { ...inputs, ...outputs } };
}

const summary = (live: ResourceState | undefined, cause?: Parameters<typeof findDatabaseDrift>[2]) =>
  findDatabaseDrift(state(), live, cause).map((f) => [f.kind, f.property, f.declared, f.live, f.remedy]);

describe("findDatabaseDrift", () => {
  it("when the database is still made from the declared datashare, finds nothing", () => {
    assert.deepEqual(findDatabaseDrift(state(), state()), []);
  });

  it("when the database was dropped by hand, the consumer's pulumi up --refresh makes it again", () => {
    assert.deepEqual(summary(undefined, { kind: "database-dropped" }), [
      ["database-gone", "name", "shared_sales", null, "pulumi-up"],
    ]);
    assert.match(
      findDatabaseDrift(state(), undefined, { kind: "database-dropped" })[0].detail,
      /dropped outside Pulumi/,
    );
  });

  it("when the read did not say why, it is still the consumer's up that makes it again (or fails changing nothing)", () => {
    assert.deepEqual(summary(undefined), [["database-gone", "name", "shared_sales", null, "pulumi-up"]]);
  });

  it("when the database went with a datashare that no longer reaches the namespace, the producer acts first", () => {
    assert.deepEqual(summary(undefined, { kind: "datashare-gone" }), [
      ["datashare-gone", "dataShareArn", SHARE, null, "producer"],
    ]);
    assert.match(
      findDatabaseDrift(state(), undefined, { kind: "datashare-gone" })[0].detail,
      /DataShareConsumer/,
    );
  });

  it("when the database remains but its datashare no longer feeds it, the producer (and the association) heal it", () => {
    assert.deepEqual(summary(state({})), [
      ["datashare-unavailable", "dataShareName", "sales", null, "producer"],
    ]);
  });

  it("when the database was made again from another datashare, pulumi up replaces it", () => {
    assert.deepEqual(summary(state({ ...FED, dataShareName: "marketing" })), [
      ["database-changed", "dataShareName", "sales", "marketing", "pulumi-up"],
    ]);
  });
});
