import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ADMIN_PREFIX, handleAdminRequest, type AdminSurface } from "./adminHandler";
import { handleAwsRequest, type AwsHandlerDeps } from "./awsHandler";

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export interface RunningServer {
  server: Server;
  host: string;
  port: number;
  close(): Promise<void>;
}

/** One node:http server: `/_emulator/…` is the admin API, everything else the AWS endpoint. */
export async function listen(
  aws: AwsHandlerDeps,
  admin: AdminSurface,
  host: string,
  port: number,
): Promise<RunningServer> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    readBody(req)
      .then((body) =>
        (req.url ?? "/").startsWith(ADMIN_PREFIX)
          ? handleAdminRequest(admin, req, res, body)
          : handleAwsRequest(aws, req, res, body),
      )
      .catch((error: unknown) => {
        console.error("emulator: request failed", error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    server,
    host,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
