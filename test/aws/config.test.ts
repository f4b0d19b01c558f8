import { strict as assert } from "node:assert";
import { ProbeConfigError, readProbeConfig } from "./config";

const complete = {
  RDS_AWS_PRODUCER_PROFILE: "producer",
  RDS_AWS_CONSUMER_PROFILE: "consumer",
  RDS_AWS_DATASHARE_ARN:
    "arn:aws:redshift:eu-west-1:111122223333:datashare:a1b2c3d4-0000-4000-8000-000000000001/probe",
  RDS_AWS_CONSUMER_NAMESPACE_ARN:
    "arn:aws:redshift:eu-west-1:444455556666:namespace:c0ffee00-0000-4000-8000-000000000001",
};

describe("npm run test:aws: its settings", () => {
  it("signs for the datashare's region, against AWS unless AWS_ENDPOINT_URL is set, waiting a minute at most", () => {
    const config = readProbeConfig(complete);
    assert.equal(config.region, "eu-west-1");
    assert.equal(config.endpoint, undefined);
    assert.equal(config.settleTimeoutMs, 60_000);
    assert.equal(
      readProbeConfig({ ...complete, AWS_ENDPOINT_URL: "http://127.0.0.1:4566" }).endpoint,
      "http://127.0.0.1:4566",
    );
  });

  it("names every missing setting with what it is for, and refuses a malformed ARN or duration", () => {
    let err: unknown;
    try {
      readProbeConfig({ RDS_AWS_PRODUCER_PROFILE: "producer", RDS_AWS_CONSUMER_PROFILE: " " });
    } catch (e) {
      err = e;
    }
    assert.ok(err instanceof ProbeConfigError);
    assert.match(err.message, /RDS_AWS_CONSUMER_PROFILE: profile of the consumer account/);
    assert.match(err.message, /RDS_AWS_DATASHARE_ARN: /);
    assert.doesNotMatch(err.message, /RDS_AWS_PRODUCER_PROFILE: /);
    assert.throws(
      () => readProbeConfig({ ...complete, RDS_AWS_DATASHARE_ARN: "probe" }),
      /not a datashare ARN/,
    );
    assert.throws(() => readProbeConfig({ ...complete, RDS_AWS_POLL_INTERVAL_MS: "2s" }), /whole number/);
  });
});
