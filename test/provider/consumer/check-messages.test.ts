/**
 * How a check failure reads in the engine's frame: "property X value {v} has a problem: <reason>".
 * The reason must not say the property or the value again.
 */
import * as assert from "node:assert/strict";
import { CheckFailure } from "../../../provider/core/check";
import { checkInputs } from "../../../provider/consumer/check";
import { InvalidInputsError } from "../../../provider/core/errors";
import { DATASHARE, NAMESPACE } from "../../fixtures/arns";

/** The engine's wording (pkg/resource/deploy), with Go's rendering of a missing value. */
function framed(news: Record<string, unknown>, f: CheckFailure): string {
  const v = news[f.property];
  return `property ${f.property} value {${v === undefined || v === null ? "<nil>" : String(v)}} has a problem: ${f.reason}`;
}

const cases: [string, Record<string, unknown>, string][] = [
  [
    "a consumerArn that is not an ARN",
    { dataShareArn: DATASHARE, consumerArn: "not-an-arn" },
    "property consumerArn value {not-an-arn} has a problem: not an ARN (arn:<partition>:<service>:<region>:<account>:…); expected ",
  ],
  [
    "no consumer at all",
    { dataShareArn: DATASHARE },
    "property associateEntireAccount value {<nil>} has a problem: no consumer is chosen: set this to true, or set consumerArn or consumerRegion instead",
  ],
  [
    "associateEntireAccount false alone",
    { dataShareArn: DATASHARE, associateEntireAccount: false },
    "property associateEntireAccount value {false} has a problem: no consumer is chosen: set this to true",
  ],
  [
    "a namespace and a region",
    { dataShareArn: DATASHARE, consumerArn: NAMESPACE, consumerRegion: "us-west-2" },
    "property consumerRegion value {us-west-2} has a problem: consumerArn is set too; set only one of",
  ],
  [
    "a missing dataShareArn",
    { consumerArn: NAMESPACE },
    "property dataShareArn value {<nil>} has a problem: required: the ARN of the datashare to associate",
  ],
  [
    "a region that is not a region",
    { dataShareArn: DATASHARE, consumerRegion: "Virginia" },
    "property consumerRegion value {Virginia} has a problem: not an AWS region name (a region of the AWS SDK's partition data, e.g. us-east-1",
  ],
  [
    "allowWrites as a string",
    { dataShareArn: DATASHARE, consumerArn: NAMESPACE, allowWrites: "yes" },
    'property allowWrites value {yes} has a problem: must be true or false, not the string "yes"',
  ],
];

describe("check: failures read well in the engine's frame", () => {
  for (const [what, news, start] of cases) {
    it(`${what}: "${start.slice(0, 60)}…"`, () => {
      const { failures } = checkInputs(news);
      assert.equal(failures.length, 1, JSON.stringify(failures));
      assert.ok(framed(news, failures[0]).startsWith(start), framed(news, failures[0]));
    });
  }

  it("no reason starts with its property name or contains the whole value", () => {
    const bad: Record<string, unknown>[] = [
      { dataShareArn: "sales", consumerArn: NAMESPACE },
      { dataShareArn: DATASHARE, consumerArn: "arn:aws:s3:us-east-1:444455556666:bucket/x" },
      { dataShareArn: DATASHARE, consumerRegion: "us-gov-west-1" },
      { dataShareArn: DATASHARE, consumerArn: NAMESPACE, region: "cn-north-1" },
      { dataShareArn: DATASHARE, consumerRegion: "" },
      { dataShareArn: 42, consumerArn: NAMESPACE },
    ];
    for (const news of bad) {
      for (const f of checkInputs(news).failures) {
        assert.ok(!f.reason.startsWith(f.property), `${f.property}: ${f.reason}`);
        const v = news[f.property];
        if (typeof v === "string" && v.length > 3)
          assert.ok(!f.reason.includes(v), `${f.property}: ${f.reason}`);
      }
    }
  });

  it("a failure for a very long value stays short", () => {
    const [failure] = checkInputs({ dataShareArn: DATASHARE, consumerRegion: "x".repeat(100000) }).failures;
    assert.ok(failure.reason.length < 500, `${failure.reason.length} characters`);
  });

  it("create's error, where no engine frame exists, puts the property before each reason", () => {
    const { failures } = checkInputs({ dataShareArn: DATASHARE });
    assert.match(
      new InvalidInputsError("DataShareConsumer", failures).message,
      /^invalid DataShareConsumer inputs: associateEntireAccount: no consumer is chosen/,
    );
  });
});
