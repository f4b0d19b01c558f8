import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import { EmulatorFault, InternalFailure, InvalidAction, MissingAction } from "../faults";
import {
  findOperation,
  SERVICES,
  type Backends,
  type ServiceInfo,
  type ServiceName,
} from "../protocol/operations";
import { parseForm } from "../protocol/query";
import { parseAuthorization, verifySignature } from "../protocol/sigv4";
import { renderError, renderResult } from "../protocol/xml";
import type { CallHolds } from "./callHolds";
import type { FaultInjector, RequestCounter } from "./faultInjector";
import { gateRequest } from "./requestGate";

export interface AwsHandlerDeps {
  backends: Backends;
  faults: FaultInjector;
  counter: RequestCounter;
  holds: CallHolds;
  clock: () => Date;
}

/**
 * The signing service in the credential scope picks the service; an unsigned or unparsable
 * request falls back to its Version (STS is 2011-06-15, everything else is Redshift).
 */
function pickService(authorization: string | undefined, version: string | undefined): ServiceInfo {
  try {
    const scoped = parseAuthorization(authorization).service;
    if (scoped === "sts" || scoped === "redshift") return SERVICES[scoped as ServiceName];
  } catch {
    // fall through to the Version
  }
  return version === SERVICES.sts.version ? SERVICES.sts : SERVICES.redshift;
}

function send(res: ServerResponse, status: number, body: string, requestId: string): void {
  res.writeHead(status, {
    "Content-Type": "text/xml",
    "Content-Length": Buffer.byteLength(body),
    "x-amzn-RequestId": requestId,
  });
  res.end(body);
}

function sendFault(res: ServerResponse, fault: EmulatorFault, service: ServiceInfo, requestId: string): void {
  send(res, fault.httpStatus, renderError(fault, service.xmlns, requestId), requestId);
}

export async function handleAwsRequest(
  deps: AwsHandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
): Promise<void> {
  const requestId = randomUUID();
  const params = parseForm(body.toString("utf8"));
  const action = params.get("Action");
  const service = pickService(req.headers.authorization, params.get("Version"));
  deps.counter.record(action ?? "(none)");
  await deps.holds.pass(action ?? "");
  const delay = deps.faults.delayFor(action ?? "");
  if (delay > 0) await sleep(delay);
  try {
    if (!action) throw new MissingAction("The request must contain the parameter Action.");
    const signed = await verifySignature(
      { method: req.method ?? "POST", url: req.url ?? "/", headers: req.headers, body },
      (id) => deps.backends.sts.resolveAccessKey(id),
      deps.clock(),
    );
    const caller = { principal: signed.principal, region: signed.region };
    const operation = findOperation(action, service.signingName);
    if (!operation || params.get("Version") !== service.version) {
      throw new InvalidAction(
        `The action ${action} is not valid for this web service (${service.signingName}, version ${params.get("Version") ?? "missing"}).`,
      );
    }
    gateRequest(deps, action, caller);
    const result = await operation.invoke(deps.backends, caller, params);
    if (deps.faults.shouldDrop(action)) {
      // The change is applied and on disk; the caller never learns it (lost response).
      req.socket.destroy();
      return;
    }
    send(res, 200, renderResult(action, service.xmlns, result, requestId), requestId);
  } catch (error) {
    if (error instanceof EmulatorFault) {
      sendFault(res, error, service, requestId);
      return;
    }
    console.error(`emulator: ${action ?? "request"} failed`, error);
    sendFault(
      res,
      new InternalFailure("The request processing has failed because of an unknown error."),
      service,
      requestId,
    );
  }
}
