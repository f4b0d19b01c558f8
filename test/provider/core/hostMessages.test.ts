/**
 * What the user reads when read, delete, diff or check fails: the dynamic provider host
 * (@pulumi/pulumi cmd/dynamic-provider) prints `${err}: ${err.stack}` and the engine then prints
 * err.message. An expected refusal must print its message once there, with no stack trace.
 */
import * as assert from "node:assert/strict";
import {
  AwsCallError,
  ConfigurationError,
  InvalidInputsError,
  mapAwsFailure,
} from "../../../provider/core/errors";
import { DataShareConsumerError, InvalidIdError } from "../../../provider/consumer/errors";
import { createProvider } from "../../../provider/consumer/provider";
import type { RedshiftApi } from "../../../provider/core/redshiftApi";
import { DATASHARE } from "../../fixtures/arns";

/** The host's line for a failed call, as 3.248's cmd/dynamic-provider/index.js writes it. */
const hostLine = (e: Error) => `${e}: ${e.stack}`;
const occurrences = (text: string, part: string) => text.split(part).length - 1;

describe("messages the dynamic provider host prints", () => {
  const refusals: [string, Error][] = [
    [
      "a mapped AWS refusal",
      mapAwsFailure(
        new AwsCallError("DescribeDataShares", "AccessDenied", "no", "r-1", 400),
        "reading x",
        DataShareConsumerError,
      ),
    ],
    [
      "a typed provider error",
      new DataShareConsumerError("NotAuthorized", "the producer must authorize it again"),
    ],
    ["an unreadable ID", new InvalidIdError("not-an-id")],
    [
      "invalid inputs",
      new InvalidInputsError("DataShareConsumer", [{ property: "consumerArn", reason: "not an ARN" }]),
    ],
    ["a bad setting", new ConfigurationError("no AWS region: set aws:region")],
  ];
  for (const [what, err] of refusals) {
    it(`${what}: one line, the message once, no stack trace`, () => {
      const line = hostLine(err);
      assert.equal(occurrences(line, err.message), 1, line);
      assert.ok(!line.includes("\n"), line);
      assert.doesNotMatch(line, /\bat .*\.(ts|js):\d+/);
      assert.ok(line.startsWith(`${err.name}: `), line);
    });
  }

  it("a read refused by AWS reaches the host as one such line", async () => {
    const refusing: RedshiftApi = {
      associateDataShareConsumer: () => Promise.reject(new Error("unused")),
      disassociateDataShareConsumer: () => Promise.reject(new Error("unused")),
      describeDataShares: () =>
        Promise.reject(
          new AwsCallError("DescribeDataShares", "AccessDenied", "User is not authorized", "r-2", 400),
        ),
      getCallerIdentity: async () => ({ account: "444455556666" }),
    };
    const provider = createProvider({ region: "us-east-1", env: {}, apiFactory: () => refusing });
    const err = await provider.read(`${DATASHARE},account`, {}).catch((e: unknown) => e);
    assert.ok(err instanceof DataShareConsumerError);
    const line = hostLine(err);
    assert.equal(occurrences(line, "User is not authorized"), 1, line);
    assert.ok(!line.includes("\n"), line);
  });

  it("an unexpected failure keeps its stack trace", () => {
    const bug = new TypeError("cannot read properties of undefined");
    assert.match(hostLine(bug), /\n\s+at /);
  });
});
