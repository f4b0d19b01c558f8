import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { EmulatorFault, InternalFailure, ValidationException } from "../faults";
import { DATA_API_OPERATIONS } from "../protocol/dataApiOperations";
import { JSON_CONTENT_TYPE, parseJsonBody, renderJsonError, renderJsonResult } from "../protocol/json";
import { verifySignature } from "../protocol/sigv4";
import type { AwsHandlerDeps } from "./awsHandler";
import { gateRequest } from "./requestGate";

function send(
  res: ServerResponse,
  status: number,
  body: string,
  requestId: string,
  errorType?: string,
): void {
  res.writeHead(status, {
    "Content-Type": JSON_CONTENT_TYPE,
    "Content-Length": Buffer.byteLength(body),
    "x-amzn-RequestId": requestId,
    ...(errorType ? { "x-amzn-ErrorType": errorType } : {}),
  });
  res.end(body);
}

/** One Redshift Data API request (JSON 1.1, SigV4 for `redshift-data`), through the same faults as the Query API. */
export async function handleDataApiRequest(
  deps: AwsHandlerDeps,
  operationName: string,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): Promise<void> {
  const requestId = randomUUID();
  deps.counter.record(operationName);
  await deps.holds.pass(operationName);
  const delay = deps.faults.delayFor(operationName);
  if (delay > 0) await sleep(delay);
  try {
    const signed = await verifySignature(
      { method: req.method ?? "POST", url: req.url ?? "/", headers: req.headers, body },
      (id) => deps.backends.sts.resolveAccessKey(id),
      deps.clock(),
    );
    const caller = { principal: signed.principal, region: signed.region };
    const operation = Object.prototype.hasOwnProperty.call(DATA_API_OPERATIONS, operationName)
      ? DATA_API_OPERATIONS[operationName]
      : undefined;
    if (!operation || signed.service !== "redshift-data") {
      throw new ValidationException(`The operation ${operationName} is not valid for the Redshift Data API.`);
    }
    gateRequest(deps, operationName, caller);
    const result = await operation(deps.backends.dataApi, caller, parseJsonBody(body));
    if (deps.faults.shouldDrop(operationName)) {
      req.socket.destroy();
      return;
    }
    send(res, 200, renderJsonResult(result), requestId);
  } catch (error) {
    const fault =
      error instanceof EmulatorFault
        ? error
        : new InternalFailure("The request processing has failed because of an unknown error.");
    if (!(error instanceof EmulatorFault)) console.error(`emulator: ${operationName} failed`, error);
    send(res, fault.httpStatus, renderJsonError(fault), requestId, fault.code);
  }
}
