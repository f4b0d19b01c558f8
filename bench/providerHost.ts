/** Pulumi's real dynamic provider host, its own Node process driven over gRPC as the engine drives it. */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as providerGrpcTypes from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as pb from "@pulumi/pulumi/proto/provider_pb";
import { nowMs } from "./stats";

// The host's own gRPC and protobuf libraries, loaded from where @pulumi/pulumi finds them.
const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));
const grpc = fromPulumi("@grpc/grpc-js") as typeof grpcTypes;
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb") as {
  Struct: { fromJavaScript(value: Record<string, unknown>): ReturnType<pb.CreateRequest["getProperties"]> };
};
const providerGrpc = fromPulumi("@pulumi/pulumi/proto/provider_grpc_pb") as typeof providerGrpcTypes;
const providerPb = fromPulumi("@pulumi/pulumi/proto/provider_pb") as typeof pb;

type Call<Req, Res> = (req: Req, cb: (err: grpcTypes.ServiceError | null, res: Res) => void) => unknown;
const unary = <Req, Res>(call: Call<Req, Res>, req: Req) =>
  new Promise<Res>((resolve, reject) => call(req, (err, res) => (err ? reject(err) : resolve(res))));

/** Starts the host in `cwd` (where the `__provider` text's `require` resolves packages). */
export async function startProviderHost(cwd: string, env: Record<string, string>) {
  const script = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");
  const start = nowMs();
  // The engine address is only used for logging back to the engine, which these calls never do.
  const child = spawn(process.execPath, [script, "127.0.0.1:1"], { cwd, env: { ...process.env, ...env } });
  let [out, err] = ["", ""];
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (/^\d+\s*\n/.test(out)) resolve(Number(out.split("\n")[0]));
    });
    child.on("exit", (code) =>
      reject(new Error(`the provider host exited (${code}) before listening: ${err}`)),
    );
  });
  const startMs = nowMs() - start;
  const insecure = grpc.credentials.createInsecure();
  const client = new providerGrpc.ResourceProviderClient(`127.0.0.1:${port}`, insecure);
  const request = <R extends pb.CreateRequest | pb.DeleteRequest>(req: R, urn: string, props: object) => {
    req.setUrn(urn);
    req.setProperties(Struct.fromJavaScript({ ...props }));
    return req;
  };
  return {
    /** From spawning the process to its gRPC port being announced. */
    startMs,
    async configure(config: Record<string, string>) {
      const req = new providerPb.ConfigureRequest();
      req.setArgs(Struct.fromJavaScript(config));
      await unary(client.configure.bind(client), req);
    },
    async create(urn: string, props: object): Promise<string> {
      const req = request(new providerPb.CreateRequest(), urn, props);
      return (await unary<pb.CreateRequest, pb.CreateResponse>(client.create.bind(client), req)).getId();
    },
    async delete(urn: string, id: string, props: object) {
      const req = request(new providerPb.DeleteRequest(), urn, props);
      req.setId(id);
      await unary(client.delete.bind(client), req);
    },
    async stop() {
      client.close();
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill();
      await exited;
    },
  };
}
