import * as assert from "node:assert/strict";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { ConfigureRequest, ReadRequest, ReadResponse } from "@pulumi/pulumi/proto/provider_pb";
import {
  configureArgs,
  installServerHooks,
  withProperties,
  withoutPropertiesWhenGone,
} from "../../plugin/serverHooks";

/** A request as it arrives on the wire. */
const bytesOf = (req: { serializeBinary(): Uint8Array }) => Buffer.from(req.serializeBinary());

describe("the provider server's hooks", () => {
  it("a ReadRequest without properties (an import's read) reads as an empty property struct", () => {
    const req = new ReadRequest();
    req.setId("arn:aws:redshift:us-east-1:111122223333:datashare:x/sales,account");
    assert.equal(req.hasProperties(), false);
    assert.deepEqual(withProperties(req).getProperties()?.toJavaScript(), {});
  });

  it("an answer without an ID (gone) carries no properties, so that import says the resource does not exist", () => {
    const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
    const gone = new ReadResponse();
    gone.setProperties(Struct.fromJavaScript({}));
    assert.equal(withoutPropertiesWhenGone(gone).hasProperties(), false);
    const found = new ReadResponse();
    found.setId("x");
    found.setProperties(Struct.fromJavaScript({ status: "ACTIVE" }));
    assert.equal(withoutPropertiesWhenGone(found).hasProperties(), true);
  });

  it("hands Configure's args (the provider resource's inputs) over, else its variables by setting name", () => {
    const withVariables = new ConfigureRequest();
    withVariables.getVariablesMap().set("redshift-datashare:config:maxAttempts", "4");
    assert.deepEqual(configureArgs(withVariables), { maxAttempts: "4" });
  });

  it("once installed, the server's own decoders and encoders apply them", () => {
    const seen: Record<string, unknown>[] = [];
    installServerHooks((args) => seen.push(args));

    const read = new ReadRequest();
    read.setId("some-id");
    const decoded = ResourceProviderService.read.requestDeserialize(bytesOf(read));
    assert.deepEqual(decoded.getProperties()?.toJavaScript(), {});
    const gone = new ReadResponse();
    gone.setProperties(decoded.getProperties());
    const sent = ReadResponse.deserializeBinary(ResourceProviderService.read.responseSerialize(gone));
    assert.equal(sent.hasProperties(), false);

    const configure = new ConfigureRequest();
    const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
    configure.setArgs(Struct.fromJavaScript({ endpoint: "http://127.0.0.1:1", maxAttempts: 2 }));
    ResourceProviderService.configure.requestDeserialize(bytesOf(configure));
    assert.deepEqual(seen, [{ endpoint: "http://127.0.0.1:1", maxAttempts: 2 }]);

    assert.throws(() => installServerHooks(() => undefined), /already installed/);
  });
});
