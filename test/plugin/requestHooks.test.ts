import * as assert from "node:assert/strict";
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import { ConfigureRequest, ReadRequest } from "@pulumi/pulumi/proto/provider_pb";
import { configureArgs, installRequestHooks, withProperties } from "../../plugin/requestHooks";

/** A request as it arrives on the wire. */
const bytesOf = (req: { serializeBinary(): Uint8Array }) => Buffer.from(req.serializeBinary());

describe("the provider server's request hooks", () => {
  it("a ReadRequest without properties (an import's read) reads as an empty property struct", () => {
    const req = new ReadRequest();
    req.setId("arn:aws:redshift:us-east-1:111122223333:datashare:x/sales,account");
    assert.equal(req.hasProperties(), false);
    assert.deepEqual(withProperties(req).getProperties()?.toJavaScript(), {});
  });

  it("hands Configure's args (the provider resource's inputs) over, else its variables by setting name", () => {
    const withVariables = new ConfigureRequest();
    withVariables.getVariablesMap().set("redshift-datashare:config:maxAttempts", "4");
    assert.deepEqual(configureArgs(withVariables), { maxAttempts: "4" });
  });

  it("once installed, the server's own decoders apply both: reads get properties, configure reports its args", () => {
    const seen: Record<string, unknown>[] = [];
    installRequestHooks((args) => seen.push(args));

    const read = new ReadRequest();
    read.setId("some-id");
    const decoded = ResourceProviderService.read.requestDeserialize(bytesOf(read));
    assert.deepEqual(decoded.getProperties()?.toJavaScript(), {});

    const configure = new ConfigureRequest();
    const { Struct } = require("google-protobuf/google/protobuf/struct_pb");
    configure.setArgs(Struct.fromJavaScript({ endpoint: "http://127.0.0.1:1", maxAttempts: 2 }));
    ResourceProviderService.configure.requestDeserialize(bytesOf(configure));
    assert.deepEqual(seen, [{ endpoint: "http://127.0.0.1:1", maxAttempts: 2 }]);

    assert.throws(() => installRequestHooks(() => undefined), /already installed/);
  });
});
