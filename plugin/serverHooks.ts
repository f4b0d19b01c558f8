/**
 * Three gaps of `@pulumi/pulumi`'s provider server (`provider/server.js`, 3.248), closed where the
 * server decodes a request or encodes an answer, before `main` registers its service:
 *
 * - Read: the server calls `req.getProperties().toJavaScript()` unconditionally, but the engine's
 *   read for `pulumi import` (and the `import` option) carries no properties, so the server crashed
 *   with "Cannot read properties of undefined (reading 'toJavaScript')". A missing struct now reads
 *   as an empty one: the provider then rebuilds inputs and outputs from the ID alone.
 * - Configure: the server answers Configure without reading it, so the provider resource's
 *   settings never reached a provider. The request's `args` (the provider resource's inputs) are
 *   handed to `onConfigure` as the request arrives, before the server answers it; the engine sends
 *   no resource call to the plugin until that answer.
 * - Read of something gone: the server always sends a property struct, empty when the provider
 *   returned none, and the engine's import then reports "provider does not support importing
 *   resources" instead of "resource '<id>' does not exist". An answer without an ID carries no
 *   properties now. (Refresh is unaffected: it treats an empty ID as deleted either way.)
 *
 * The hooks wrap the service definition's decoders and encoders (`ResourceProviderService.<method>
 * .requestDeserialize` / `.responseSerialize`), which grpc-js reads when the service is added.
 */
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import type { ConfigureRequest, ReadRequest, ReadResponse } from "@pulumi/pulumi/proto/provider_pb";

/** google-protobuf's Struct, from the copy that @pulumi/pulumi's own messages use. */
function structClass(): { fromJavaScript(value: Record<string, unknown>): unknown } {
  const from = require.resolve("@pulumi/pulumi/package.json");
  const file = require.resolve("google-protobuf/google/protobuf/struct_pb", { paths: [from] });
  return (require(file) as { Struct: { fromJavaScript(value: Record<string, unknown>): unknown } }).Struct;
}

/** The provider resource's inputs from a Configure request: `args`, else the older `variables`. */
export function configureArgs(req: ConfigureRequest): Record<string, unknown> {
  const args = req.getArgs();
  if (args) return args.toJavaScript() as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of req.getVariablesMap().entries()) {
    // `<package>:config:<name>`
    const name = key.split(":").pop();
    if (name) out[name] = value;
  }
  return out;
}

/** Makes a ReadRequest without properties carry an empty struct. */
export function withProperties(req: ReadRequest): ReadRequest {
  if (!req.hasProperties()) {
    req.setProperties(structClass().fromJavaScript({}) as Parameters<ReadRequest["setProperties"]>[0]);
  }
  return req;
}

/** Makes a ReadResponse without an ID (the resource is gone) carry no properties. */
export function withoutPropertiesWhenGone(resp: ReadResponse): ReadResponse {
  if (resp.getId() === "") resp.clearProperties();
  return resp;
}

let installed = false;

/** Installs the hooks once per process; call before `main`. */
export function installServerHooks(onConfigure: (args: Record<string, unknown>) => void): void {
  if (installed) throw new Error("the provider server's hooks are already installed");
  installed = true;
  const read = ResourceProviderService.read;
  const decodeRead = read.requestDeserialize;
  read.requestDeserialize = (bytes) => withProperties(decodeRead(bytes));
  const encodeRead = read.responseSerialize;
  read.responseSerialize = (resp) => encodeRead(withoutPropertiesWhenGone(resp));

  const configure = ResourceProviderService.configure;
  const decodeConfigure = configure.requestDeserialize;
  configure.requestDeserialize = (bytes) => {
    const req = decodeConfigure(bytes);
    onConfigure(configureArgs(req));
    return req;
  };
}
