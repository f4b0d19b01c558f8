import { strict as assert } from "node:assert";
import {
  AssociateDataShareConsumerCommand,
  AuthorizeDataShareCommand,
  DescribeDataSharesCommand,
  InvalidDataShareFault,
} from "@aws-sdk/client-redshift";
import { failureOf, redshiftAs, useEmulator } from "./helpers";

describe("emulator: admin HTTP API under /_emulator/", () => {
  const emu = useEmulator();
  beforeEach(async () => {
    emu().setFaults({});
    emu().resetRequestCounts();
    await emu().admin.reset();
  });

  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${emu().endpoint}/_emulator/${path}`, {
      method,
      headers: { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };

  it("creates, grants and drops a datashare the way SQL would, visible through the API", async () => {
    const created = await call("POST", "datashares", {
      producerAccount: "111122223333",
      producerNamespace: "a1b2c3d4-0000-4000-8000-000000000002",
      name: "from_http",
      managedBy: "ADX",
    });
    assert.equal(created.status, 201);
    const arn = String(created.json.arn);
    assert.equal(
      arn,
      "arn:aws:redshift:us-east-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000002/from_http",
    );
    assert.equal(
      (await call("POST", "grants", { dataShareArn: arn, consumerAccount: "444455556666" })).status,
      200,
    );
    await redshiftAs(emu(), "producer").send(
      new AuthorizeDataShareCommand({ DataShareArn: arn, ConsumerIdentifier: "444455556666" }),
    );
    const seen = await redshiftAs(emu(), "consumer").send(
      new DescribeDataSharesCommand({ DataShareArn: arn }),
    );
    assert.equal(seen.DataShares?.[0].ManagedBy, "ADX");
    assert.match(seen.DataShares?.[0].ProducerArn ?? "", /^arn:aws:redshift-serverless:/);

    assert.equal((await call("DELETE", `datashares?arn=${encodeURIComponent(arn)}`)).status, 200);
    const err = await failureOf(() =>
      redshiftAs(emu(), "consumer").send(new DescribeDataSharesCommand({ DataShareArn: arn })),
    );
    assert.ok(err instanceof InvalidDataShareFault, String(err));
    assert.equal(emu().dataShareArn("from_http"), arn, "a dropped share can still be named");
  });

  it("reports request counts per operation and resets them", async () => {
    await redshiftAs(emu(), "consumer").send(new DescribeDataSharesCommand({}));
    await redshiftAs(emu(), "consumer").send(new DescribeDataSharesCommand({}));
    assert.deepEqual((await call("GET", "counts")).json, { DescribeDataShares: 2 });
    assert.deepEqual(emu().requestCounts(), { DescribeDataShares: 2 });
    await call("POST", "counts/reset");
    assert.deepEqual((await call("GET", "counts")).json, {});
  });

  it("sets faults over HTTP, reports injected counts, and never faults its own routes", async () => {
    const put = await call("PUT", "faults", { serverErrorRate: 1 });
    assert.equal(put.status, 200);
    const err = await failureOf(() => redshiftAs(emu(), "consumer").send(new DescribeDataSharesCommand({})));
    assert.equal(err.name, "ServiceUnavailable");
    const faults = await call("GET", "faults");
    assert.equal(faults.status, 200);
    assert.equal(faults.json.serverErrors, 1);
    assert.equal((await call("GET", "state")).status, 200);
  });

  it("refuses a fault rate outside 0..1 with 400", async () => {
    assert.equal((await call("PUT", "faults", { throttleRate: 2 })).status, 400);
  });

  it("returns the state as JSON and resets it to the seed", async () => {
    const sales = emu().dataShareArn("sales");
    await redshiftAs(emu(), "consumer").send(
      new AssociateDataShareConsumerCommand({ DataShareArn: sales, AssociateEntireAccount: true }),
    );
    const state = (await call("GET", "state")).json as {
      dataShares: { arn: string; consumers: { associations: unknown[] }[] }[];
    };
    assert.equal(state.dataShares.find((s) => s.arn === sales)?.consumers[0].associations.length, 1);
    await call("POST", "reset");
    assert.equal(
      emu()
        .admin.snapshot()
        .dataShares.find((s) => s.arn === sales)?.consumers[0].associations.length,
      0,
    );
  });

  it("answers an unknown admin route with 404 and a bad request with 400", async () => {
    assert.equal((await call("GET", "nothing")).status, 404);
    assert.equal((await call("POST", "grants", { dataShareArn: "nope", consumerAccount: "x" })).status, 400);
  });
});
