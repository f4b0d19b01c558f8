import * as assert from "node:assert/strict";
import { createClientCache } from "../../../provider/core/clients";
import { ConfigurationError } from "../../../provider/core/errors";
import type { ClientSettings, RedshiftApi } from "../../../provider/core/redshiftApi";

function cacheWith(
  options: Parameters<typeof createClientCache>[0],
  env: Record<string, string | undefined>,
) {
  const built: ClientSettings[] = [];
  const cache = createClientCache(
    options,
    () => env,
    (settings) => {
      built.push(settings);
      return { settings } as unknown as RedshiftApi;
    },
  );
  return { cache, built };
}

describe("the provider's clients", () => {
  it("builds one client per API region and hands the same one back on later calls", () => {
    const { cache, built } = cacheWith({ region: "us-east-1" }, {});
    const a = cache.apiFor(undefined);
    assert.equal(cache.apiFor(undefined), a);
    assert.equal(cache.apiFor("us-east-1"), a);
    const b = cache.apiFor("eu-west-1");
    assert.notEqual(b, a);
    assert.deepEqual(
      built.map((s) => s.region),
      ["us-east-1", "eu-west-1"],
    );
  });

  it("picks up an environment change at the next call, and reuses the earlier client when it changes back", () => {
    const env: Record<string, string | undefined> = { AWS_REGION: "us-east-1" };
    const { cache, built } = cacheWith({}, env);
    const east = cache.apiFor(undefined);
    env.AWS_REGION = "us-west-2";
    assert.equal(cache.settings().region, "us-west-2");
    assert.notEqual(cache.apiFor(undefined), east);
    env.REDSHIFT_DATASHARE_ENDPOINT = "http://127.0.0.1:1";
    assert.equal(cache.apiFor(undefined) === east, false);
    delete env.REDSHIFT_DATASHARE_ENDPOINT;
    env.AWS_REGION = "us-east-1";
    assert.equal(cache.apiFor(undefined), east);
    assert.equal(built.length, 3);
  });

  it("picks up a change of the options object at the next call", () => {
    const options: { region?: string; maxAttempts?: number } = { region: "us-east-1" };
    const { cache } = cacheWith(options, {});
    assert.equal(cache.settings().maxAttempts, 10);
    options.maxAttempts = 7;
    assert.equal(cache.settings().maxAttempts, 7);
  });

  it("throws an invalid setting on every call, and recovers once it is fixed", () => {
    const env: Record<string, string | undefined> = { REDSHIFT_DATASHARE_MAX_ATTEMPTS: "zero" };
    const { cache } = cacheWith({ region: "us-east-1" }, env);
    assert.throws(() => cache.apiFor(undefined), ConfigurationError);
    assert.throws(() => cache.apiFor(undefined), ConfigurationError);
    env.REDSHIFT_DATASHARE_MAX_ATTEMPTS = "2";
    assert.equal(cache.settings().maxAttempts, 2);
  });

  it("a new stack config forgets every client", () => {
    const { cache, built } = cacheWith({}, {});
    cache.reset({ region: "us-east-1" });
    const first = cache.apiFor(undefined);
    cache.reset({ region: "us-east-1" });
    assert.notEqual(cache.apiFor(undefined), first);
    assert.equal(built.length, 2);
  });
});
