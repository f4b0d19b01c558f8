/**
 * Pulumi's real dynamic provider host (`@pulumi/pulumi/cmd/dynamic-provider`, what the plugin
 * `pulumi-resource-pulumi-nodejs` runs), started as its own Node process and driven over gRPC the
 * way the engine drives it: Configure once, then Create / Delete with the serialized provider in
 * `__provider`. Used to time the host's first operation against later ones.
 */
import { ChildProcess, spawn } from "node:child_process";
import { createRequire } from "node:module";
import type * as grpcTypes from "@grpc/grpc-js";
import type * as providerGrpcTypes from "@pulumi/pulumi/proto/provider_grpc_pb";
import type * as providerPbTypes from "@pulumi/pulumi/proto/provider_pb";
import { nowMs } from "./stats";

// The host's own gRPC and protobuf libraries, loaded from where @pulumi/pulumi finds them.
const fromPulumi = createRequire(require.resolve("@pulumi/pulumi"));
const grpc = fromPulumi("@grpc/grpc-js") as typeof grpcTypes;
const structPb = fromPulumi("google-protobuf/google/protobuf/struct_pb") as {
  Struct: { fromJavaScript(value: Record<string, unknown>): unknown };
};
const providerGrpc = fromPulumi("@pulumi/pulumi/proto/provider_grpc_pb") as typeof providerGrpcTypes;
const providerPb = fromPulumi("@pulumi/pulumi/proto/provider_pb") as typeof providerPbTypes;

export interface ProviderHost {
  /** From spawning the process to its gRPC port being announced. */
  startMs: number;
  configure(config: Record<string, string>): Promise<void>;
  create(urn: string, props: Record<string, unknown>): Promise<string>;
  delete(urn: string, id: string, props: Record<string, unknown>): Promise<void>;
  stop(): Promise<void>;
}

function unary<Req, Res>(
  call: (req: Req, cb: (err: grpcTypes.ServiceError | null, res: Res) => void) => unknown,
  req: Req,
): Promise<Res> {
  return new Promise((resolve, reject) => call(req, (err, res) => (err ? reject(err) : resolve(res))));
}

function announcedPort(child: ChildProcess): Promise<number> {
  return new Promise((resolve, reject) => {
    let out = "";
    let err = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && /^\d+$/.test(line.trim())) resolve(Number(line.trim()));
    });
    child.stderr?.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("exit", (code) =>
      reject(new Error(`the provider host exited (${code}) before listening: ${err}`)),
    );
  });
}

/** Starts the host in `cwd` (where the `__provider` text's `require` resolves packages). */
export async function startProviderHost(cwd: string, env: Record<string, string>): Promise<ProviderHost> {
  const script = require.resolve("@pulumi/pulumi/cmd/dynamic-provider");
  const start = nowMs();
  // The engine address is only used for logging back to the engine, which these calls never do.
  const child = spawn(process.execPath, [script, "127.0.0.1:1"], { cwd, env: { ...process.env, ...env } });
  const port = await announcedPort(child);
  const startMs = nowMs() - start;
  const client = new providerGrpc.ResourceProviderClient(
    `127.0.0.1:${port}`,
    grpc.credentials.createInsecure(),
  );
  const struct = (value: Record<string, unknown>) =>
    structPb.Struct.fromJavaScript(value) as Parameters<providerPbTypes.CreateRequest["setProperties"]>[0];

  return {
    startMs,
    async configure(config) {
      const req = new providerPb.ConfigureRequest();
      req.setArgs(struct(config));
      await unary(client.configure.bind(client), req);
    },
    async create(urn, props) {
      const req = new providerPb.CreateRequest();
      req.setUrn(urn);
      req.setProperties(struct(props));
      const res = await unary<providerPbTypes.CreateRequest, providerPbTypes.CreateResponse>(
        client.create.bind(client),
        req,
      );
      return res.getId();
    },
    async delete(urn, id, props) {
      const req = new providerPb.DeleteRequest();
      req.setUrn(urn);
      req.setId(id);
      req.setProperties(struct(props));
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
