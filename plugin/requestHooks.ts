/**
 * Two gaps of `@pulumi/pulumi`'s provider server (`provider/server.js`, 3.248), closed where the
 * server receives a request, before `main` registers its service:
 *
 * - Read: the server calls `req.getProperties().toJavaScript()` unconditionally, but the engine's
 *   read for `pulumi import` (and the `import` option) carries no properties, so the server crashed
 *   with "Cannot read properties of undefined (reading 'toJavaScript')". A missing struct now reads
 *   as an empty one: the provider then rebuilds inputs and outputs from the ID alone.
 * - Configure: the server answers Configure without reading it, so the provider resource's
 *   settings never reached a provider. The request's `args` (the provider resource's inputs) are
 *   handed to `onConfigure` as the request arrives, before the server answers it; the engine sends
 *   no resource call to the plugin until that answer.
 *
 * Both hooks wrap the service definition's request decoders (`ResourceProviderService.<method>
 * .requestDeserialize`), which grpc-js reads when the service is added.
 */
import { ResourceProviderService } from "@pulumi/pulumi/proto/provider_grpc_pb";
import type { ConfigureRequest, ReadRequest } from "@pulumi/pulumi/proto/provider_pb";

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

let installed = false;

/** Installs both hooks once per process; call before `main`. */
export function installRequestHooks(onConfigure: (args: Record<string, unknown>) => void): void {
  if (installed) throw new Error("the provider's request hooks are already installed");
  installed = true;
  const read = ResourceProviderService.read;
  const decodeRead = read.requestDeserialize;
  read.requestDeserialize = (bytes) => withProperties(decodeRead(bytes));

  const configure = ResourceProviderService.configure;
  const decodeConfigure = configure.requestDeserialize;
  configure.requestDeserialize = (bytes) => {
    const req = decodeConfigure(bytes);
    onConfigure(configureArgs(req));
    return req;
  };
}
