/**
 * Lines for tools, not people: a debug-severity diagnostic sent over the engine's own RPC. The
 * engine writes it to its event log (`--event-log`, where the drift command reads it), and the CLI
 * shows debug lines only to someone who asks with `--debug`. Every provider process, the dynamic
 * provider host and the plugin alike, gets the engine's address among its arguments (after any
 * `--logtostderr`, `-v=` or `--tracing` flags); the dynamic host does not connect its `pulumi.log`
 * to it, so this module sends the line itself.
 */
import * as path from "node:path";

type LogClient = { log(request: unknown, done: (err: Error | null) => void): void };

let client: LogClient | undefined;

/** An engine address is `host:port`; anything else means this process was not started by an engine. */
const ENGINE_ADDRESS = /^[\w.[\]:-]+:\d+$/;

/** The engine's address among a provider process's arguments, after any logging or tracing flags. */
export function findEngineAddress(args: readonly string[]): string | undefined {
  return args.find((arg) => ENGINE_ADDRESS.test(arg));
}

/**
 * Sends `message` to the engine at debug severity and resolves when it is delivered, or at once
 * when there is no engine (a test, a script): a log line never fails the call that wrote it.
 */
export function debugToEngine(
  message: string,
  engineAddress = findEngineAddress(process.argv.slice(2)),
): Promise<void> {
  if (engineAddress === undefined) return Promise.resolve();
  return new Promise((resolve) => {
    try {
      const engine =
        require("@pulumi/pulumi/proto/engine_pb") as typeof import("@pulumi/pulumi/proto/engine_pb");
      const request = new engine.LogRequest()
        .setSeverity(engine.LogSeverity.DEBUG)
        .setMessage(message)
        .setUrn("");
      engineClient(engineAddress).log(request, () => resolve());
    } catch {
      resolve();
    }
  });
}

function engineClient(address: string): LogClient {
  if (!client) {
    // grpc-js is @pulumi/pulumi's own dependency: load the copy it uses, wherever npm put it.
    const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
    const grpc = require(require.resolve("@grpc/grpc-js", { paths: [pulumiDir] })) as {
      credentials: { createInsecure(): unknown };
    };
    const { EngineClient } = require("@pulumi/pulumi/proto/engine_grpc_pb") as {
      EngineClient: new (address: string, credentials: unknown) => LogClient;
    };
    client = new EngineClient(address, grpc.credentials.createInsecure());
  }
  return client;
}
