import * as assert from "node:assert/strict";
import {
  classifyFailure,
  DriftCliError,
  pulumiErrorLines,
  PulumiRunError,
  redactSecrets,
} from "../../../cli/drift/errors";

/** A failed `pulumi refresh` whose output says `stdout` (the Diagnostics section) and `stderr`. */
function commandError(stderr: string, stdout = ""): PulumiRunError {
  return new PulumiRunError(["refresh", "--preview-only"], { code: 255, stdout, stderr });
}

describe("classifyFailure", () => {
  it("when the stack does not exist, names the stack and the project folder", () => {
    const e = classifyFailure(commandError("error: no stack named 'x' found"), {
      stack: "x",
      cwd: "/p",
    });
    assert.equal(e.code, "ERR_DRIFT_STACK_NOT_FOUND");
    assert.match(e.message, /stack "x" was not found in the project at \/p/);
  });

  it("when the provider reports refused credentials, says so with the provider's words", () => {
    const e = classifyFailure(
      commandError(
        "",
        "Diagnostics:\n  error: reading: InvalidClientTokenId: The security token is invalid\n",
      ),
    );
    assert.equal(e.code, "ERR_DRIFT_CREDENTIALS");
    assert.match(e.message, /InvalidClientTokenId/);
  });

  it("when the Redshift API fails, classifies it as an API failure", () => {
    assert.equal(classifyFailure(commandError("error: ServiceUnavailable: try later")).code, "ERR_DRIFT_API");
  });

  it("when pulumi fails otherwise, classifies it as a Pulumi failure", () => {
    assert.equal(classifyFailure(commandError("error: the stack is locked")).code, "ERR_DRIFT_PULUMI");
  });

  it("keeps a DriftCliError as it is and wraps anything else as internal", () => {
    const usage = new DriftCliError("ERR_DRIFT_USAGE", "bad");
    assert.equal(classifyFailure(usage), usage);
    assert.equal(classifyFailure(new Error("boom")).code, "ERR_DRIFT_INTERNAL");
    assert.equal(classifyFailure("text").message, "text");
  });
});

describe("pulumiErrorLines", () => {
  it("keeps only the distinct error lines, without their prefix", () => {
    const text = "code: 255\nstdout: x\nerror: one\n   error: two\nerror: one\nnoise";
    assert.equal(pulumiErrorLines(text), "one; two");
  });

  it("when there is no error line, keeps the text without the command framing", () => {
    assert.equal(pulumiErrorLines("code: 1\nsomething odd"), "something odd");
  });
});

describe("redactSecrets", () => {
  it("replaces the secret key, session token and passphrase where each stands as a value", () => {
    const env = {
      AWS_SECRET_ACCESS_KEY: "s3cr3tKey",
      AWS_SESSION_TOKEN: "tok3n",
      PULUMI_CONFIG_PASSPHRASE: "",
    };
    assert.equal(redactSecrets("a s3cr3tKey b tok3n c", env), "a *** b *** c");
  });

  it("masks a secret only where it stands as a whole value, never inside a longer word or path", () => {
    const env = { PULUMI_CONFIG_PASSPHRASE: "plugin" };
    assert.equal(
      redactSecrets("in /home/u/plugints and /srv/plugin/x: plugin-a pluginx", env),
      "in /home/u/plugints and /srv/plugin/x: plugin-a pluginx",
    );
    assert.equal(
      redactSecrets('PULUMI_CONFIG_PASSPHRASE=plugin; "plugin" (plugin), plugin\n', env),
      'PULUMI_CONFIG_PASSPHRASE=***; "***" (***), ***\n',
    );
  });

  it("masks a value holding regular-expression characters and slashes, such as an AWS secret key", () => {
    const env = { AWS_SECRET_ACCESS_KEY: "wJa/K7+b.Q*" };
    assert.equal(redactSecrets("key=wJa/K7+b.Q* end", env), "key=*** end");
  });
});
