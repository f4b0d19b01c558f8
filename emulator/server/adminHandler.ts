import type { IncomingMessage, ServerResponse } from "node:http";
import { AdminError } from "../faults";
import type { CreateDataShareInput } from "../model/admin";
import type { Behaviours } from "../model/behaviours";
import type { FaultConfig, FaultCounts, OperationCounts } from "./faultInjector";

/** What the admin routes need; the Emulator object provides it. */
export interface AdminSurface {
  requestCounts(): Record<string, number>;
  operationCounts(): Record<string, OperationCounts>;
  resetRequestCounts(): void;
  setFaults(faults: FaultConfig): void;
  faultConfig(): FaultConfig;
  injectedFaults(): FaultCounts;
  setBehaviours(settings: Partial<Behaviours>): Behaviours;
  behaviours(): Behaviours;
  admin: {
    createDataShare(input: CreateDataShareInput): Promise<string>;
    grantUsage(dataShareArn: string, consumerAccount: string): Promise<void>;
    dropDataShare(dataShareArn: string): Promise<void>;
    dropProducerObject(account: string, namespaceIndex: number, qualifiedName: string): Promise<void>;
    snapshot(): unknown;
    reset(): Promise<void>;
    expireTemporaryCredentials(accessKeyId: string): void;
  };
}

export const ADMIN_PREFIX = "/_emulator/";

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value ?? {});
  res.writeHead(status, { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

function parseJson(body: Buffer): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(body.toString("utf8") || "{}");
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
  } catch {
    // reported below
  }
  throw new AdminError("The request body must be a JSON object");
}

/** Unsigned JSON routes under /_emulator/ for tools in another process. Never fault-injected. */
export async function handleAdminRequest(
  emu: AdminSurface,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): Promise<void> {
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const route = `${req.method} ${url.pathname.replace(/\/+$/, "")}`;
  try {
    switch (route) {
      case "GET /_emulator/counts":
        return sendJson(res, 200, emu.requestCounts());
      case "GET /_emulator/counts/operations":
        return sendJson(res, 200, emu.operationCounts());
      case "POST /_emulator/counts/reset":
        emu.resetRequestCounts();
        return sendJson(res, 200, {});
      case "GET /_emulator/faults":
        return sendJson(res, 200, { ...emu.injectedFaults(), config: emu.faultConfig() });
      case "PUT /_emulator/faults":
        emu.setFaults(parseJson(body) as FaultConfig);
        return sendJson(res, 200, emu.faultConfig());
      case "GET /_emulator/behaviours":
        return sendJson(res, 200, emu.behaviours());
      case "PUT /_emulator/behaviours":
        return sendJson(res, 200, emu.setBehaviours(parseJson(body) as Partial<Behaviours>));
      case "POST /_emulator/datashares": {
        const arn = await emu.admin.createDataShare(parseJson(body) as unknown as CreateDataShareInput);
        return sendJson(res, 201, { arn });
      }
      case "DELETE /_emulator/datashares": {
        const arn = url.searchParams.get("arn");
        if (!arn) throw new AdminError("Query parameter arn is required");
        await emu.admin.dropDataShare(arn);
        return sendJson(res, 200, {});
      }
      case "POST /_emulator/producer-objects/drop": {
        const input = parseJson(body);
        await emu.admin.dropProducerObject(
          String(input.account),
          Number(input.namespaceIndex ?? 0),
          String(input.name),
        );
        return sendJson(res, 200, {});
      }
      case "POST /_emulator/grants": {
        const input = parseJson(body);
        await emu.admin.grantUsage(String(input.dataShareArn), String(input.consumerAccount));
        return sendJson(res, 200, {});
      }
      case "POST /_emulator/credentials/expire": {
        emu.admin.expireTemporaryCredentials(String(parseJson(body).accessKeyId));
        return sendJson(res, 200, {});
      }
      case "GET /_emulator/state":
        return sendJson(res, 200, emu.admin.snapshot());
      case "POST /_emulator/reset":
        await emu.admin.reset();
        return sendJson(res, 200, {});
      default:
        return sendJson(res, 404, { error: `No admin route ${route}` });
    }
  } catch (error) {
    if (error instanceof AdminError || error instanceof RangeError || error instanceof TypeError) {
      return sendJson(res, 400, { error: error.message });
    }
    return sendJson(res, 500, { error: error instanceof Error ? error.message : String(error) });
  }
}
