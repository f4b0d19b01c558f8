/**
 * The drift command sorts a failed refresh by the AWS codes the provider's message names, with the
 * provider's own table of codes (provider/core/errors.ts), and redacts with the provider's redact.
 */
import * as assert from "node:assert/strict";
import { classifyFailure, PulumiRunError, redactSecrets } from "../../../cli/drift/errors";
import { DataShareConsumerError } from "../../../provider/consumer/errors";
import { AwsCallError, awsCodesIn, kindOfCode, mapAwsFailure } from "../../../provider/core/errors";

/** A refresh that failed with the provider's message for `code`, as Pulumi prints a provider error. */
function refreshFailedWith(code: string, httpStatus: number | undefined = 400): PulumiRunError {
  const failure = mapAwsFailure(
    new AwsCallError("DescribeDataShares", code, "the answer", "req-1", httpStatus),
    "reading the association",
    DataShareConsumerError,
  );
  const stdout = `Diagnostics:\n  pulumi:pulumi:Stack (s-dev):\n    error: ${failure.name}: ${failure.message}\n`;
  return new PulumiRunError(["refresh", "--preview-only"], { code: 255, stdout, stderr: "" });
}

describe("the drift command sorts a failure by the provider's AWS codes", () => {
  it("a credentials code the provider maps to Credentials is ERR_DRIFT_CREDENTIALS", () => {
    for (const code of [
      "SignatureDoesNotMatch",
      "InvalidClientTokenId",
      "ExpiredToken",
      "CredentialsProviderError",
    ]) {
      assert.equal(kindOfCode(code), "Credentials");
      assert.equal(
        classifyFailure(refreshFailedWith(code, code === "CredentialsProviderError" ? undefined : 403)).code,
        "ERR_DRIFT_CREDENTIALS",
        code,
      );
    }
  });

  it("any other AWS code in the provider's message (throttling, a fault, no answer) is ERR_DRIFT_API", () => {
    for (const [code, status] of [
      ["ThrottlingException", 400],
      ["InvalidDataShareFault", 400],
      ["ECONNREFUSED", undefined],
    ] as const) {
      const e = classifyFailure(refreshFailedWith(code, status));
      assert.equal(e.code, "ERR_DRIFT_API", code);
      assert.match(e.message, new RegExp(`AWS error ${code}`));
    }
  });

  it("reads the code from the suffix the provider writes, and names known codes anywhere", () => {
    assert.deepEqual(awsCodesIn("x failed: nope (AWS error InvalidNamespaceFault, request id r-9)"), [
      "InvalidNamespaceFault",
    ]);
    assert.deepEqual(awsCodesIn("error: ServiceUnavailable: try later"), ["ServiceUnavailable"]);
    assert.deepEqual(awsCodesIn("error: the stack is locked"), []);
  });

  it("redacts with the provider's redact: secret values and access key ids", () => {
    const env = { AWS_SECRET_ACCESS_KEY: "s3cr3tKey" };
    assert.equal(redactSecrets("key AKIAEMULCONSUMER0001 secret s3cr3tKey", env), "key AKIA**** secret ***");
  });
});
