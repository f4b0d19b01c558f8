import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ADMIN_PREFIX, handleAdminRequest, type AdminSurface } from "./adminHandler";
import { dataApiOperationOf } from "../protocol/json";
import { handleAwsRequest, type AwsHandlerDeps } from "./awsHandler";
import { handleDataApiRequest } from "./jsonHandler";

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** The admin API under /_emulator/, the Data API by its JSON target header, else the Query API. */
function routeRequest(
  aws: AwsHandlerDeps,
  admin: AdminSurface,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): Promise<void> {
  if ((req.url ?? "/").startsWith(ADMIN_PREFIX)) return handleAdminRequest(admin, req, res, body);
  const dataApiOperation = dataApiOperationOf(req.headers["x-amz-target"]);
  if (dataApiOperation !== undefined) return handleDataApiRequest(aws, dataApiOperation, req, res, body);
  return handleAwsRequest(aws, req, res, body);
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
      .then((body) => routeRequest(aws, admin, req, res, body))
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
