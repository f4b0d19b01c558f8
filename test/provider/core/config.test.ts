import * as assert from "node:assert/strict";
import { readStackConfig, resolveSettings } from "../../../provider/core/config";
import { ConfigurationError } from "../../../provider/core/errors";

describe("provider settings", () => {
  it("takes the region from aws:region before the environment", () => {
    const s = resolveSettings(
      {},
      { region: "eu-west-1" },
      { AWS_REGION: "us-east-1", AWS_DEFAULT_REGION: "us-west-2" },
    );
    assert.equal(s.region, "eu-west-1");
  });

  it("falls back to AWS_REGION, then AWS_DEFAULT_REGION", () => {
    assert.equal(
      resolveSettings({}, {}, { AWS_REGION: "us-east-1", AWS_DEFAULT_REGION: "us-west-2" }).region,
      "us-east-1",
    );
    assert.equal(resolveSettings({}, {}, { AWS_DEFAULT_REGION: "us-west-2" }).region, "us-west-2");
  });

  it("takes the endpoint from stack config before REDSHIFT_DATASHARE_ENDPOINT", () => {
    const env = { REDSHIFT_DATASHARE_ENDPOINT: "http://127.0.0.1:2" };
    assert.equal(resolveSettings({}, { endpoint: "http://127.0.0.1:1" }, env).endpoint, "http://127.0.0.1:1");
    assert.equal(resolveSettings({}, {}, env).endpoint, "http://127.0.0.1:2");
    assert.equal(resolveSettings({}, {}, {}).endpoint, undefined);
  });

  it("rejects an endpoint that is not an http(s) URL", () => {
    assert.throws(() => resolveSettings({}, { endpoint: "localhost:4566" }, {}), ConfigurationError);
  });

  it("reads maxAttempts from config or environment, defaulting to 10", () => {
    assert.equal(
      resolveSettings({}, { maxAttempts: "5" }, { REDSHIFT_DATASHARE_MAX_ATTEMPTS: "2" }).maxAttempts,
      5,
    );
    assert.equal(resolveSettings({}, {}, { REDSHIFT_DATASHARE_MAX_ATTEMPTS: "2" }).maxAttempts, 2);
    assert.equal(resolveSettings({}, {}, {}).maxAttempts, 10);
  });

  it("rejects a maxAttempts that is not a whole number from 1 to 50", () => {
    for (const bad of ["0", "-1", "2.5", "many", "51"]) {
      assert.throws(() => resolveSettings({}, { maxAttempts: bad }, {}), { message: /maxAttempts/ });
    }
  });

  it("reads describeReuseSeconds from config or environment, defaulting to 5; 0 turns reuse off", () => {
    const env = { REDSHIFT_DATASHARE_DESCRIBE_REUSE_SECONDS: "0" };
    assert.equal(resolveSettings({}, { describeReuseSeconds: "1.5" }, env).describeReuseSeconds, 1.5);
    assert.equal(resolveSettings({}, {}, env).describeReuseSeconds, 0);
    assert.equal(resolveSettings({}, {}, {}).describeReuseSeconds, 5);
    assert.equal(
      resolveSettings({ describeReuseSeconds: 2 }, { describeReuseSeconds: "9" }, {}).describeReuseSeconds,
      2,
    );
  });

  it("reads statementTimeoutSeconds from option, config or environment, defaulting to 300; refuses 0 and more than an hour", () => {
    const env = { REDSHIFT_DATASHARE_STATEMENT_TIMEOUT_SECONDS: "30" };
    assert.equal(resolveSettings({}, {}, {}).statementTimeoutSeconds, 300);
    assert.equal(resolveSettings({}, {}, env).statementTimeoutSeconds, 30);
    assert.equal(resolveSettings({}, { statementTimeoutSeconds: "90" }, env).statementTimeoutSeconds, 90);
    assert.equal(resolveSettings({ statementTimeoutSeconds: 5 }, {}, env).statementTimeoutSeconds, 5);
    for (const bad of ["0", "3601", "later"]) {
      assert.throws(() => resolveSettings({}, {}, { REDSHIFT_DATASHARE_STATEMENT_TIMEOUT_SECONDS: bad }), {
        message:
          /^statementTimeoutSeconds ".*" \(redshift-datashare:statementTimeoutSeconds \/ REDSHIFT_DATASHARE_STATEMENT_TIMEOUT_SECONDS\) must be a number of seconds from 1 to 3600$/,
      });
    }
  });

  it("rejects a describeReuseSeconds that is not a number of seconds from 0 to 60, naming both places to set it", () => {
    for (const bad of ["-1", "61", "soon", " ", "Infinity"]) {
      assert.throws(() => resolveSettings({}, {}, { REDSHIFT_DATASHARE_DESCRIBE_REUSE_SECONDS: bad }), {
        message:
          /^describeReuseSeconds ".*" \(redshift-datashare:describeReuseSeconds \/ REDSHIFT_DATASHARE_DESCRIBE_REUSE_SECONDS\) must be a number of seconds from 0 to 60$/,
      });
    }
  });

  it("explicit options win over stack config and environment", () => {
    const s = resolveSettings(
      { region: "sa-east-1", maxAttempts: 1 },
      { region: "eu-west-1", maxAttempts: "4" },
      {},
    );
    assert.deepEqual([s.region, s.maxAttempts], ["sa-east-1", 1]);
  });

  it("reads only its own keys from the stack config, never credentials", () => {
    const asked: string[] = [];
    const config = readStackConfig((k) => {
      asked.push(k);
      return { "aws:region": "us-east-1", "aws:profile": "dev", "aws:secretKey": "nope" }[k];
    });
    assert.deepEqual(config, { region: "us-east-1", profile: "dev" });
    assert.ok(!asked.includes("aws:secretKey") && !asked.includes("aws:accessKey"));
  });

  it("reads a config whose get() throws (a host that never got Configure) as nothing set", () => {
    const config = readStackConfig((k) => {
      if (k === "aws:region") throw new Error("config not available");
      return k === "aws:profile" ? "dev" : undefined;
    });
    assert.deepEqual(config, { profile: "dev" });
  });
});
